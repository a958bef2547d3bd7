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

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.component.error.DfineryValidationException;

/**
 * What the DFINERY service has registered: event names, event properties, item properties and user properties
 * with their types. DFINERY only loads registered data and may drop the rest silently; checking against the plan
 * before sending turns that into an error the route sees.
 *
 * <pre>{@code
 * {"events": ["df_purchase", "coupon_used"],
 *  "event_properties": {"df_order_id": "String", "coupon_value": "Long"},
 *  "item_properties": {"df_price": "Double"},
 *  "user_properties": {"df_gender": "String", "df_push_optin": "Boolean"}}
 * }</pre>
 */
public final class DfineryTrackingPlan {

    /** The value types of the DFINERY data-type table. */
    public enum Type {
        STRING, LONG, DOUBLE, BOOLEAN, DATETIME, ARRAY_OF_STRING, ARRAY_OF_LONG, ARRAY_OF_DOUBLE;

        static Type parse(String text, String where) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Tracking plan: " + where + " has unknown type '" + text
                        + "'; expected String, Long, Double, Boolean, Datetime, Array of String, Array of Long or Array of Double");
            }
        }
    }

    private final Set<String> events = new LinkedHashSet<>();
    private final Map<String, Type> eventProperties = new LinkedHashMap<>();
    private final Map<String, Type> itemProperties = new LinkedHashMap<>();
    private final Map<String, Type> userProperties = new LinkedHashMap<>();

    /** Reads a plan in the JSON form shown above. */
    public static DfineryTrackingPlan read(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        DfineryTrackingPlan plan = new DfineryTrackingPlan();
        root.path("events").forEach(name -> plan.events.add(name.asText()));
        readTypes(root.path("event_properties"), plan.eventProperties, "event_properties");
        readTypes(root.path("item_properties"), plan.itemProperties, "item_properties");
        readTypes(root.path("user_properties"), plan.userProperties, "user_properties");
        return plan;
    }

    public DfineryTrackingPlan event(String... names) {
        java.util.Collections.addAll(events, names);
        return this;
    }

    public DfineryTrackingPlan eventProperty(String name, Type type) {
        eventProperties.put(name, type);
        return this;
    }

    public DfineryTrackingPlan itemProperty(String name, Type type) {
        itemProperties.put(name, type);
        return this;
    }

    public DfineryTrackingPlan userProperty(String name, Type type) {
        userProperties.put(name, type);
        return this;
    }

    /** Checks a normalized event (API field names). */
    public void checkEvent(ObjectNode event, String path) {
        String name = event.path("event_name").asText();
        if (!events.contains(name)) {
            throw new DfineryValidationException(path + ".event_name", "'" + name + "' is not in the tracking plan");
        }
        JsonNode properties = event.get("event_properties");
        if (properties != null) {
            check(properties, eventProperties, path + ".event_properties", "event property");
        }
        JsonNode items = event.get("event_items");
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                check(items.get(i), itemProperties, path + ".event_items[" + i + "]", "item property");
            }
        }
    }

    public void checkUserProperties(JsonNode properties, String path) {
        check(properties, userProperties, path, "user property");
    }

    private static void check(JsonNode values, Map<String, Type> registered, String path, String what) {
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String field = path + "." + entry.getKey();
            Type type = registered.get(entry.getKey());
            if (type == null) {
                throw new DfineryValidationException(field, "not a " + what + " in the tracking plan");
            }
            if (!entry.getValue().isNull() && !matches(entry.getValue(), type)) {
                throw new DfineryValidationException(field, "the tracking plan says " + type + ", got " + entry.getValue().getNodeType());
            }
        }
    }

    private static boolean matches(JsonNode value, Type type) {
        switch (type) {
            case STRING: return value.isTextual();
            case LONG: return value.isIntegralNumber();
            case DOUBLE: return value.isNumber();
            case BOOLEAN: return value.isBoolean();
            case DATETIME: return value.isTextual() && value.textValue().endsWith("Z");
            case ARRAY_OF_STRING: return value.isArray() && allMatch(value, Type.STRING);
            case ARRAY_OF_LONG: return value.isArray() && allMatch(value, Type.LONG);
            case ARRAY_OF_DOUBLE: return value.isArray() && allMatch(value, Type.DOUBLE);
            default: return false;
        }
    }

    private static boolean allMatch(JsonNode array, Type element) {
        for (JsonNode value : array) {
            if (!matches(value, element)) {
                return false;
            }
        }
        return true;
    }

    private static void readTypes(JsonNode node, Map<String, Type> into, String section) {
        node.fields().forEachRemaining(entry -> into.put(entry.getKey(),
                Type.parse(entry.getValue().asText(), section + "." + entry.getKey())));
    }
}
