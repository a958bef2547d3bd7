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
package io.github.cameldfinery.component.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One HTTP request a message becomes: the API path and the JSON body, serialized once so that every retry and
 * redelivery sends the same bytes.
 *
 * @param api         the API kind whose quota the request spends
 * @param path        e.g. {@code /api/v1/events}
 * @param body        the JSON body: the first {@code length} bytes (the buffer it was written into, not copied)
 * @param length      how many bytes of {@code body} the request has
 * @param eventLogIds the events it carries, in order (empty for identity and profile requests)
 * @param items       the event items its events carry
 */
public record ImportRequest(DfineryApi api, String path, byte[] body, int length, List<String> eventLogIds, int items) {

    public ImportRequest {
        eventLogIds = List.copyOf(eventLogIds);
    }

    /** A request whose body is the whole array. */
    public ImportRequest(DfineryApi api, String path, byte[] body, List<String> eventLogIds) {
        this(api, path, body, body.length, eventLogIds, 0);
    }

    /** The events it carries, or 1 for an identity or profile request (one record). */
    public int records() {
        return eventLogIds.isEmpty() ? 1 : eventLogIds.size();
    }

    /** The JSON body as text. */
    public String bodyText() {
        return new String(body, 0, length, StandardCharsets.UTF_8);
    }
}
