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

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.component.api.Json;
import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.model.DfineryItem;
import io.github.cameldfinery.component.model.DfineryUserProfile;
import io.github.cameldfinery.component.validation.RequestRules;

/**
 * The one place where message bodies become JSON trees: typed models, Maps, Lists and JSON text alike, so that
 * the mappers validate and normalize a single representation.
 */
public final class JsonTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /**
     * Writes a tree into a request being generated, with the request's one serializer provider: {@code writeTree}
     * would make a provider for every call, and this runs for every event of a Map or JSON body.
     */
    static void write(JsonGenerator json, JsonNode tree, SerializerProvider provider) throws IOException {
        ((JsonSerializable) tree).serialize(json, provider);
    }

    /** A serializer provider for the trees of one request (not shared between threads). */
    static SerializerProvider provider() {
        return Json.MAPPER.getSerializerProviderInstance();
    }

    /** Parses JSON text; a syntax error names the body and what the parser saw. */
    public static JsonNode parse(Object json, String path) {
        try {
            JsonNode node;
            if (json instanceof byte[]) {
                node = Json.MAPPER.readTree((byte[]) json);
            } else if (json instanceof InputStream) {
                node = Json.MAPPER.readTree((InputStream) json);
            } else {
                node = Json.MAPPER.readTree(json.toString());
            }
            if (node == null || node.isMissingNode()) {
                throw new DfineryValidationException(path, "empty body; expected JSON");
            }
            return node;
        } catch (JacksonException e) {
            throw new DfineryValidationException(path, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DfineryValidationException(path, "could not be read: " + e.getMessage());
        }
    }

    public static boolean isJsonText(Object body) {
        return body instanceof CharSequence || body instanceof byte[] || body instanceof InputStream;
    }

    /** Whether {@link #toTree} takes this value as it is (no type conversion needed). */
    public static boolean isConvertible(Object value) {
        return value instanceof JsonNode || value instanceof CharSequence || value instanceof Map
               || value instanceof Collection || value.getClass().isArray() || value instanceof DfineryIdentity
               || value instanceof DfineryItem || value instanceof DfineryEvent || value instanceof DfineryUserProfile;
    }

    /**
     * Converts a Java value into a JSON tree; date-times become DFINERY Datetime text. A value that nests deeper
     * than {@link RequestRules#MAX_DEPTH} levels, or holds itself, is refused.
     */
    public static JsonNode toTree(Object value, String path) {
        try {
            return convert(value, path, null, -1, 0);
        } catch (TooDeep e) {
            throw e.toValidationError();
        }
    }

    /** Converts the value of the property {@code key} of the object at {@code parent}. */
    static JsonNode valueAt(Object value, String parent, String key) {
        try {
            return convert(value, parent, key, -1, 0);
        } catch (TooDeep e) {
            throw e.toValidationError();
        }
    }

    /**
     * Converts the value found at {@code parent.key} or {@code parent[index]}. The path text is only built when it
     * is needed (an error, or a container whose children need it): this runs for every value of every message.
     */
    private static JsonNode convert(Object value, String parent, String key, int index, int depth) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String) {
            return NODES.textNode((String) value);
        }
        if (value instanceof Boolean) {
            return NODES.booleanNode((Boolean) value);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw new DfineryValidationException(path(parent, key, index), "must be a finite number, got " + value);
            }
            return NODES.numberNode(number);
        }
        return convertOther(value, path(parent, key, index), depth);
    }

    private static String path(String parent, String key, int index) {
        return key != null ? parent + "." + key : index >= 0 ? parent + "[" + index + "]" : parent;
    }

    private static JsonNode convertOther(Object value, String path, int depth) {
        if (value instanceof JsonNode) {
            // A copy: the mappers normalize trees in place, and the caller's object is not theirs to change.
            return copy((JsonNode) value, path, depth);
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof BigInteger) {
            BigInteger big = (BigInteger) value;
            if (big.bitLength() > 63) {
                throw new DfineryValidationException(path, "integer " + big + " does not fit a Long");
            }
            return NODES.numberNode(big.longValue());
        }
        if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime
            || value instanceof Date || value instanceof Calendar) {
            return NODES.textNode(Datetimes.toApi(value, path));
        }
        if (value instanceof LocalDate) {
            int year = ((LocalDate) value).getYear();
            if (year < 0 || year > 9999) {
                throw new DfineryValidationException(path, value + " is out of range: DFINERY's Date (yyyy-MM-dd) has "
                                                           + "four-digit years");
            }
            return NODES.textNode(value.toString());
        }
        if (value instanceof LocalDateTime) {
            throw new DfineryValidationException(path, "a LocalDateTime has no time zone; use Instant, OffsetDateTime "
                                                       + "or ZonedDateTime");
        }
        if (value instanceof Map || value instanceof Collection || value.getClass().isArray()) {
            return container(value, path, depth);
        }
        if (value instanceof DfineryIdentity) {
            return convertOther(((DfineryIdentity) value).identifiers(), path, depth);
        }
        if (value instanceof DfineryItem) {
            return convertOther(((DfineryItem) value).properties(), path, depth);
        }
        if (value instanceof DfineryEvent) {
            return event((DfineryEvent) value, path, depth);
        }
        if (value instanceof DfineryUserProfile) {
            DfineryUserProfile profile = (DfineryUserProfile) value;
            ObjectNode node = NODES.objectNode();
            if (profile.getIdentity() != null) {
                node.set("identity", convertOther(profile.getIdentity(), path + ".identity", depth + 1));
            }
            node.set("user_properties", convertOther(profile.getProperties(), path + ".user_properties", depth + 1));
            return node;
        }
        throw new DfineryValidationException(path, "values of type " + value.getClass().getName() + " are not supported");
    }

    /**
     * A Map, Collection or array and what it holds. Past {@link RequestRules#MAX_DEPTH} levels the walk stops, and
     * each level adds itself to the error on the way back: that tells a value that holds itself from one that is
     * merely too deep, without keeping track of anything while the walk succeeds.
     */
    private static JsonNode container(Object value, String path, int depth) {
        if (depth > RequestRules.MAX_DEPTH) {
            throw new TooDeep(value, path);
        }
        try {
            if (value instanceof Map) {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    if (!(entry.getKey() instanceof String)) {
                        String type = entry.getKey() == null ? "null" : entry.getKey().getClass().getSimpleName();
                        throw new DfineryValidationException(path, "map keys must be strings, got " + type);
                    }
                    String key = (String) entry.getKey();
                    object.set(key, convert(entry.getValue(), path, key, -1, depth + 1));
                }
                return object;
            }
            ArrayNode array = NODES.arrayNode();
            if (value instanceof Collection) {
                int i = 0;
                for (Object element : (Collection<?>) value) {
                    array.add(convert(element, path, null, i++, depth + 1));
                }
            } else {
                for (int i = 0; i < Array.getLength(value); i++) {
                    array.add(convert(Array.get(value, i), path, null, i, depth + 1));
                }
            }
            return array;
        } catch (TooDeep e) {
            throw e.via(value, path);
        }
    }

    /** A copy of a caller's tree, bounded like {@link #container}; value nodes are immutable and shared. */
    private static JsonNode copy(JsonNode node, String path, int depth) {
        if (!node.isContainerNode()) {
            return node;
        }
        if (depth > RequestRules.MAX_DEPTH) {
            throw new TooDeep(node, path);
        }
        try {
            if (node.isObject()) {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode child = field.getValue();
                    object.set(field.getKey(), child.isContainerNode()
                            ? copy(child, path + "." + field.getKey(), depth + 1) : child);
                }
                return object;
            }
            ArrayNode array = NODES.arrayNode(node.size());
            for (int i = 0; i < node.size(); i++) {
                JsonNode child = node.get(i);
                array.add(child.isContainerNode() ? copy(child, path + "[" + i + "]", depth + 1) : child);
            }
            return array;
        } catch (TooDeep e) {
            throw e.via(node, path);
        }
    }

    /** The walk went past the depth limit: the containers from there up to where it began, deepest first. */
    private static final class TooDeep extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient List<Object> values = new ArrayList<>();
        private final List<String> paths = new ArrayList<>();

        TooDeep(Object value, String path) {
            super(null, null, false, false);
            via(value, path);
        }

        TooDeep via(Object value, String path) {
            values.add(value);
            paths.add(path);
            return this;
        }

        /** The first value on the way down that is one of its own containers, or else the depth. */
        DfineryValidationException toValidationError() {
            int root = values.size() - 1;
            for (int k = root - 1; k >= 0; k--) {
                for (int i = root; i > k; i--) {
                    if (values.get(i) == values.get(k)) {
                        return new DfineryValidationException(paths.get(k), "refers back to " + paths.get(i)
                                + ", which holds it: a cycle; a DFINERY request is a tree");
                    }
                }
            }
            return new DfineryValidationException(paths.get(0), "nested deeper than " + RequestRules.MAX_DEPTH
                    + " levels of objects and arrays; DFINERY requests nest " + RequestRules.API_DEPTH + " at most");
        }
    }

    private static ObjectNode event(DfineryEvent event, String path, int depth) {
        ObjectNode node = NODES.objectNode();
        node.put("event_log_id", event.getEventLogId());
        node.put("event_name", event.getEventName());
        node.set("event_datetime", convert(event.getDatetime(), path, "event_datetime", -1, depth + 1));
        if (!event.getItems().isEmpty()) {
            ArrayNode items = node.putArray("event_items");
            int i = 0;
            for (DfineryItem item : event.getItems()) {
                items.add(convert(item, path + ".event_items", null, i++, depth + 2));
            }
        }
        if (!event.getProperties().isEmpty()) {
            node.set("event_properties", convert(event.getProperties(), path, "event_properties", -1, depth + 1));
        }
        if (event.getIdentity() != null) {
            node.set("identity", convert(event.getIdentity(), path, "identity", -1, depth + 1));
        }
        return node;
    }
}
