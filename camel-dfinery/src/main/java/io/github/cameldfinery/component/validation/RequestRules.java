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
package io.github.cameldfinery.component.validation;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.component.model.DfineryIdentity;

/**
 * The rules every request obeys before it is sent: identities, event ids, property values (project decisions
 * 1 (events request body), 2 (caps), 7 (datetimes) and 8 (identifiers)). Violations throw
 * {@link DfineryValidationException} naming the field.
 */
public final class RequestRules {

    public static final int MAX_EVENTS_PER_REQUEST = 100;
    public static final int MAX_ITEMS_PER_REQUEST = 100;
    /** The default bound on a request body: DFINERY documents none; see the maxRequestSize option. */
    public static final int DEFAULT_MAX_REQUEST_SIZE = 1 << 20;
    /**
     * How deep a DFINERY request nests objects and arrays: a List body of requests, the request, its events, an
     * event, its items, an item, a property's array.
     */
    public static final int API_DEPTH = 7;
    /**
     * How deep a message may nest before it is refused unread: well above {@link #API_DEPTH}, so that a value that
     * is merely misplaced gets the rule it breaks, and far below what would exhaust a thread's stack.
     */
    public static final int MAX_DEPTH = 32;
    private static final List<String> IDENTIFIERS = DfineryIdentity.IDENTIFIERS;

    private static final Pattern PHONE = Pattern.compile("[0-9]{8,15}");

    private RequestRules() {
    }

    /** A clean copy of the identity: only set identifiers, each a non-empty string, phone digits only. */
    public static ObjectNode identity(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new DfineryValidationException(path, "no identity: set one in the body or in the headers "
                                                       + "CamelDfineryIdentity / CamelDfineryExternalId …");
        }
        if (!node.isObject()) {
            throw new DfineryValidationException(path, "must be an object of identifiers " + IDENTIFIERS);
        }
        ObjectNode clean = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = path + "." + entry.getKey();
            if (!IDENTIFIERS.contains(entry.getKey())) {
                throw new DfineryValidationException(field, "unknown identifier; expected one of " + IDENTIFIERS);
            }
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                throw new DfineryValidationException(field, "must be a string");
            }
            String text = value.textValue();
            if (text.isBlank()) {
                throw new DfineryValidationException(field, "must not be empty");
            }
            if ("phone_no".equals(entry.getKey()) && !PHONE.matcher(text).matches()) {
                throw new DfineryValidationException(field, "must be 8 to 15 digits, country code first, no '+' "
                                                            + "(e.g. 821012345678)");
            }
            clean.put(entry.getKey(), text);
        }
        if (clean.isEmpty()) {
            throw new DfineryValidationException(path, "at least one of " + IDENTIFIERS + " must have a value");
        }
        return clean;
    }

    public static String eventLogId(JsonNode node, String path) {
        String id = requiredText(node, path);
        eventLogId(id, path);
        return id;
    }

    /** An event's id: a UUID, so that DFINERY can tell a resent event from a new one. */
    public static void eventLogId(String id, String path) {
        eventLogId(id, () -> path, null);
    }

    /**
     * As {@link #eventLogId(String, String)}, for a value at {@code parent.field}; the path is built only for an
     * error (these run for every event).
     */
    public static void eventLogId(String id, Supplier<String> parent, String field) {
        if (id == null) {
            throw new DfineryValidationException(at(parent, field), "required");
        }
        if (!isUuid(id)) {
            throw new DfineryValidationException(at(parent, field),
                    "must be a UUID like 0166a71c-caf4-462d-8201-9c30c40f2354");
        }
    }

    /** An event carries at most as many items as a request may. */
    public static void itemCount(int items, String path) {
        itemCount(items, () -> path, null);
    }

    public static void itemCount(int items, Supplier<String> parent, String field) {
        if (items > MAX_ITEMS_PER_REQUEST) {
            throw new DfineryValidationException(at(parent, field), items + " items; DFINERY takes at most "
                    + MAX_ITEMS_PER_REQUEST + " items per request, so one event cannot carry more");
        }
    }

    /**
     * One user's request, or one event alone, fits in {@code maxRequestSize} bytes (0: no bound). Larger batches of
     * events are split before this applies.
     */
    public static void requestSize(int bytes, int maxRequestSize, Supplier<String> path) {
        if (maxRequestSize > 0 && bytes > maxRequestSize) {
            throw new DfineryValidationException(path.get(), "makes a request of " + bytes + " bytes; maxRequestSize "
                                                             + "allows " + maxRequestSize);
        }
    }

    /** Items go in event_items; {@code hasProperty} tells whether the event's properties hold a name. */
    public static void noItemsInProperties(Predicate<String> hasProperty, String path) {
        noItemsInProperties(hasProperty, () -> path, null);
    }

    public static void noItemsInProperties(Predicate<String> hasProperty, Supplier<String> parent, String field) {
        if (hasProperty.test("df_items") || hasProperty.test("df_item")) {
            throw new DfineryValidationException(at(parent, field) + ".df_items",
                    "items go in event_items, not in event_properties");
        }
    }

    /** {@code parent.field}, or {@code parent} when there is no field. */
    private static String at(Supplier<String> parent, String field) {
        return field == null ? parent.get() : parent.get() + "." + field;
    }

    /** The RFC 4122 layout {@code xxxxxxxx-xxxx-Mxxx-Nxxx-xxxxxxxxxxxx}, M a version 1-8, N a variant 8, 9, a or b. */
    public static boolean isUuid(String id) {
        if (id.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (Character.digit(c, 16) < 0) {
                return false;
            }
        }
        char version = id.charAt(14);
        char variant = Character.toLowerCase(id.charAt(19));
        return version >= '1' && version <= '8' && (variant == '8' || variant == '9' || variant == 'a' || variant == 'b');
    }

    public static String requiredText(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new DfineryValidationException(path, "required");
        }
        if (!node.isTextual()) {
            throw new DfineryValidationException(path, "must be a string");
        }
        return requiredText(node.textValue(), path);
    }

    public static String requiredText(String text, String path) {
        return requiredText(text, () -> path, null);
    }

    public static String requiredText(String text, Supplier<String> parent, String field) {
        if (text == null) {
            throw new DfineryValidationException(at(parent, field), "required");
        }
        if (text.isBlank()) {
            throw new DfineryValidationException(at(parent, field), "must not be empty");
        }
        return text;
    }

    /** {@code path.field} or {@code path.field[index]}, built only when an error needs it. */
    public static String at(String path, String field, int index) {
        return index < 0 ? path + "." + field : path + "." + field + "[" + index + "]";
    }

    /** As {@link #propertyValues(ObjectNode, String)} for the object at {@code path.field[index]}. */
    public static void propertyValues(ObjectNode properties, String path, String field, int index) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            check(entry.getKey(), entry.getValue(), path, field, index);
        }
    }

    /** Property values: a string, number, boolean, null, or a flat array of strings or numbers. */
    public static void propertyValues(ObjectNode properties, String path) {
        propertyValues(properties, path, null, -1);
    }

    /**
     * One property of the object at {@code path}: a non-empty name, and a value that is not an object and, if an
     * array, holds only strings or numbers.
     */
    public static void propertyValue(String name, JsonNode value, String path) {
        check(name, value, path, null, -1);
    }

    /** A property's name is not empty. */
    public static void propertyName(String name, String path) {
        propertyName(name, () -> path);
    }

    public static void propertyName(String name, Supplier<String> path) {
        if (name.isBlank()) {
            throw new DfineryValidationException(path.get() + "." + name, "property names must not be empty");
        }
    }

    /** Paths are built only for an error: this runs for every property of every event. */
    private static void check(String name, JsonNode value, String path, String field, int index) {
        if (name.isBlank()) {
            propertyName(name, where(path, field, index));
        }
        if (value.isObject()) {
            throw new DfineryValidationException(where(path, field, index) + "." + name,
                    "nested objects are not allowed in DFINERY properties");
        }
        if (value.isNumber()) {
            number(value, () -> where(path, field, index) + "." + name);
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                if (!element.isTextual() && !element.isNumber()) {
                    throw new DfineryValidationException(where(path, field, index) + "." + name + "[" + i + "]",
                            "arrays hold only strings or numbers (Array of String, Long or Double)");
                }
                if (element.isNumber()) {
                    int at = i;
                    number(element, () -> where(path, field, index) + "." + name + "[" + at + "]");
                }
            }
        }
    }

    /**
     * A number DFINERY can take: a Long, or a finite Double. JSON text such as {@code 1e400} parses to infinity,
     * which JSON cannot carry and Jackson would send as the string {@code "Infinity"}.
     */
    private static void number(JsonNode value, Supplier<String> path) {
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw new DfineryValidationException(path.get(), "integer " + value + " does not fit a Long");
            }
        } else if (!Double.isFinite(value.doubleValue())) {
            throw new DfineryValidationException(path.get(), "must be a finite number, got " + value.asText());
        }
    }

    private static String where(String path, String field, int index) {
        return field == null ? path : at(path, field, index);
    }

    /** A field of {@code node} that is not in {@code allowed}, to reject typos instead of dropping them. */
    public static void noUnknownFields(JsonNode node, List<String> allowed, String path) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new DfineryValidationException(path.isEmpty() ? name : path + "." + name,
                        "unknown field; expected one of " + allowed);
            }
        }
    }

    public static ObjectNode requiredObject(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new DfineryValidationException(path, "required");
        }
        if (!node.isObject()) {
            throw new DfineryValidationException(path, "must be an object");
        }
        return (ObjectNode) node;
    }
}
