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

import io.github.cameldfinery.emulator.ApiKind;

/**
 * One request as the emulator saw and answered it. Tokens are never recorded.
 *
 * @param code   the import code ({@code 20000}, {@code 40001} …) or the export message ({@code ok},
 *               {@code invalid_parameter} …); {@code fault:<TYPE>} for an injected fault
 * @param detail the rejection detail, or null
 * @param body   the request body as received
 */
public record RecordedRequest(ApiKind kind, String path, Instant receivedAt, int httpStatus, String code,
                              String detail, String body) {
}
