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
package io.github.cameldfinery.component;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.component.api.DfineryIdentityOperation;
import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.component.mapping.JsonTrees;
import io.github.cameldfinery.component.mapping.MessageHeaders;
import io.github.cameldfinery.component.model.DfineryIdentity;
import org.apache.camel.Message;

/** What the message headers add to a body: the identity, for bodies that carry none, and the identity operation. */
final class MessageHeaderReader {

    /** Header to identifier, in the API's order; the identifier names are {@link DfineryIdentity}'s. */
    private static final List<Map.Entry<String, String>> HEADERS = List.of(
            Map.entry(DfineryConstants.EXTERNAL_ID, DfineryIdentity.EXTERNAL_ID),
            Map.entry(DfineryConstants.PHONE_NO, DfineryIdentity.PHONE_NO),
            Map.entry(DfineryConstants.EMAIL, DfineryIdentity.EMAIL),
            Map.entry(DfineryConstants.KAKAO_USER_ID, DfineryIdentity.KAKAO_USER_ID),
            Map.entry(DfineryConstants.LINE_USER_ID, DfineryIdentity.LINE_USER_ID));

    private MessageHeaderReader() {
    }

    /** The headers the mappers read. */
    static MessageHeaders headers(Message message) {
        return new MessageHeaders(from(message), operation(message), eventLogIdKey(message));
    }

    /** The event id key as text; blank or anything but one value is refused, as it would give many events one id. */
    private static String eventLogIdKey(Message message) {
        Object header = message.getHeader(DfineryConstants.EVENT_LOG_ID_KEY);
        if (header == null) {
            return null;
        }
        String key = identifier(DfineryConstants.EVENT_LOG_ID_KEY, header, message);
        if (key == null || key.isBlank()) {
            throw new DfineryValidationException("header " + DfineryConstants.EVENT_LOG_ID_KEY,
                    "must not be blank: it is what tells one message's events from another's");
        }
        if (key.codePoints().noneMatch(Character::isLetterOrDigit)) {
            // "--": an expression such as ${header.kafka.TOPIC}-${header.kafka.PARTITION} (Camel 3's header names)
            // whose parts all came out empty.
            throw new DfineryValidationException("header " + DfineryConstants.EVENT_LOG_ID_KEY, "'" + key + "' has no "
                    + "letter or digit: the parts of the expression that made it are empty (camel-kafka 4 names its "
                    + "headers CamelKafkaTopic, CamelKafkaPartition, CamelKafkaOffset), and every message would get "
                    + "the same ids");
        }
        return key;
    }

    private static DfineryIdentityOperation operation(Message message) {
        Object header = message.getHeader(DfineryConstants.OPERATION);
        if (header == null) {
            return null;
        }
        try {
            return DfineryIdentityOperation.valueOf(header.toString().trim());
        } catch (IllegalArgumentException e) {
            throw new DfineryValidationException("header " + DfineryConstants.OPERATION, "must be update or delete, got '"
                                                                                         + header + "'");
        }
    }

    /** The header identity as a tree, or null when the headers name none. */
    private static JsonNode from(Message message) {
        Object identity = message.getHeader(DfineryConstants.IDENTITY);
        if (identity != null) {
            return JsonTrees.toTree(identity, "header " + DfineryConstants.IDENTITY);
        }
        ObjectNode node = null;
        for (Map.Entry<String, String> header : HEADERS) {
            Object raw = message.getHeader(header.getKey());
            if (raw != null) {
                node = node == null ? JsonNodeFactory.instance.objectNode() : node;
                node.put(header.getValue(), identifier(header.getKey(), raw, message));
            }
        }
        return node;
    }

    /**
     * An identifier header as text. Only a value that is one identifier converts: Camel would turn a Map or a List
     * into its {@code toString()}, which DFINERY would take as a user's id.
     */
    private static String identifier(String header, Object value, Message message) {
        if (value instanceof CharSequence || value instanceof Character || value instanceof Integer
            || value instanceof Long || value instanceof Short || value instanceof Byte || value instanceof BigInteger
            || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof byte[]) {
            // How Kafka and JMS bridges carry header text.
            return message.getExchange().getContext().getTypeConverter().convertTo(String.class, message.getExchange(),
                    value);
        }
        throw new DfineryValidationException("header " + header, "must be one identifier (a string or a whole number), "
                                                                 + "got a " + value.getClass().getName());
    }
}
