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
package io.github.cameldfinery.emulator.validation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The import requests after validation, ready to be applied to a service's state. */
public final class ValidatedRequests {

    private ValidatedRequests() {
    }

    /** One event of an events request. {@code items} and {@code properties} are never null. */
    public record IncomingEvent(String eventLogId, String eventName, String eventDatetime, Instant eventInstant,
                                List<ObjectNode> items, ObjectNode properties) {
    }

    /** {@code POST /api/v1/events}: one identity and its events. */
    public record EventBatch(Identity identity, List<IncomingEvent> events) {
    }

    /** {@code POST /api/v1/identities}. */
    public record IdentityUpdate(Identity identity, Instant requestDatetime) {
    }

    /** {@code POST /api/v1/identities/delete}. */
    public record IdentityDelete(String externalId, Instant requestDatetime) {
    }

    /** {@code POST /api/v1/user-profile}. */
    public record ProfileUpdate(Identity identity, Map<String, JsonNode> properties, Instant requestDatetime) {
    }
}
