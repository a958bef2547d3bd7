/*
 * Copyright 2026 the camel-dfinery authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.cameldfinery.emulator.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event as the emulator stored it.
 *
 * @param identity the identity of the request that carried it, as sent
 * @param unifiedId the unified profile it belongs to now
 * @param externalId that profile's current external id, or null
 */
public record StoredEvent(String eventLogId, String eventName, String eventDatetime, Instant serverDatetime,
                          Map<String, String> identity, List<ObjectNode> items, ObjectNode properties,
                          String unifiedId, String externalId) {
}
