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
package io.github.cameldfinery.component.model;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids that a redelivered message gets again. A message taken from a broker is identified there (a Kafka
 * record by its topic, partition and offset; a JMS message by its JMSMessageID); when the route gives that as the
 * header {@code CamelDfineryEventLogIdKey}, {@code dfinery:event} gives each event that has no id of its own
 * {@link #fromKey(String, int) fromKey(key, position)}, so the message redelivered after a crash sends the same
 * ids again and DFINERY stores each event once.
 */
public final class DfineryEventLogIds {

    private DfineryEventLogIds() {
    }

    /**
     * The id of the event at {@code position} in a message identified by {@code key}: the name-based UUID (RFC 4122
     * version 3) of the UTF-8 bytes of {@code key + "/" + position}, that is
     * {@code UUID.nameUUIDFromBytes((key + "/" + position).getBytes(UTF_8))}.
     *
     * @param key      what identifies the message at its source; not blank
     * @param position the event's 0-based place among the message's events, in body order
     * @return the id in the API's text form, lower case
     */
    public static String fromKey(String key, int position) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
        if (position < 0) {
            throw new IllegalArgumentException("position must be 0 or more, got " + position);
        }
        return UUID.nameUUIDFromBytes((key + "/" + position).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
