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
package io.github.cameldfinery.component.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldfinery.component.api.DfineryIdentityOperation;

/**
 * What a message's headers add to its body, read by the producer.
 *
 * @param identity  the identity the headers give, for bodies that carry none; null when they give none
 * @param operation for identity requests, update or delete
 * @param eventLogIdKey what identifies the message at its source, from which events without an id get theirs; null
 *                      when the headers give none
 */
public record MessageHeaders(JsonNode identity, DfineryIdentityOperation operation, String eventLogIdKey) {

    /** Headers without an event id key. */
    public MessageHeaders(JsonNode identity, DfineryIdentityOperation operation) {
        this(identity, operation, null);
    }
}
