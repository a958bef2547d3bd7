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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.emulator.config.PropertyType;
import io.github.cameldfinery.emulator.config.Registry;
import io.github.cameldfinery.emulator.validation.ValidatedRequests.EventBatch;
import io.github.cameldfinery.emulator.validation.ValidatedRequests.IdentityDelete;
import io.github.cameldfinery.emulator.validation.ValidatedRequests.IdentityUpdate;
import io.github.cameldfinery.emulator.validation.ValidatedRequests.IncomingEvent;
import io.github.cameldfinery.emulator.validation.ValidatedRequests.ProfileUpdate;

/**
 * Checks import request bodies against the reference and project decisions 1 (events request body), 2 (caps),
 * 6 (unregistered names), 7 (datetimes) and 8 (identifiers). The whole request is checked before anything is
 * stored, so a rejected request leaves no trace in the state.
 */
public final class ImportValidator {

    public static final int MAX_EVENTS = 100;
    public static final int MAX_ITEMS = 100;

    static final List<String> IDENTIFIERS = List.of("external_id", "phone_no", "email", "kakao_user_id", "line_user_id");

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");
    private static final Pattern PHONE = Pattern.compile("[0-9]{8,15}");
    private static final List<String> EVENTS_BODY = List.of("common", "events");
    private static final List<String> COMMON = List.of("identity");
    private static final List<String> EVENT = List.of("event_log_id", "event_name", "event_datetime", "event_items",
            "event_properties");
    private static final List<String> IDENTITY_BODY = List.of("identity", "request_datetime");
    private static final List<String> PROFILE_BODY = List.of("identity", "user_properties", "request_datetime");
    private static final List<String> ITEM_KEYS_IN_PROPERTIES = List.of("df_item", "df_items");

    private final Registry registry;

    public ImportValidator(Registry registry) {
        this.registry = registry;
    }

    public EventBatch events(ObjectNode body) {
        rejectUnknown(body, EVENTS_BODY, "");
        ObjectNode common = requireObject(body.get("common"), "common");
        rejectUnknown(common, COMMON, "common.");
        Identity identity = identity(common.get("identity"), "common.identity");
        JsonNode events = body.get("events");
        if (Json.absent(events)) {
            throw ImportRejection.invalid("events", "required");
        }
        if (!events.isArray()) {
            throw ImportRejection.invalid("events", "must be an array, got " + Json.describe(events));
        }
        if (events.isEmpty()) {
            throw ImportRejection.invalid("events", "must hold at least one event");
        }
        if (events.size() > MAX_EVENTS) {
            throw new ImportRejection(ImportCode.TOO_MANY_EVENTS,
                    "events: " + events.size() + " events in one request; at most " + MAX_EVENTS);
        }
        List<IncomingEvent> parsed = new ArrayList<>(events.size());
        int items = 0;
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent event = event(events.get(i), "events[" + i + "]");
            items += event.items().size();
            parsed.add(event);
        }
        if (items > MAX_ITEMS) {
            throw ImportRejection.invalid("events[].event_items",
                    items + " items in one request; at most " + MAX_ITEMS + " over all events of a request");
        }
        return new EventBatch(identity, parsed);
    }

    public IdentityUpdate identityUpdate(ObjectNode body) {
        rejectUnknown(body, IDENTITY_BODY, "");
        Identity identity = identity(body.get("identity"), "identity");
        return new IdentityUpdate(identity, requestDatetime(body));
    }

    public IdentityDelete identityDelete(ObjectNode body) {
        rejectUnknown(body, IDENTITY_BODY, "");
        Identity identity = identity(body.get("identity"), "identity");
        if (identity.externalId() == null) {
            throw ImportRejection.invalid("identity.external_id", "required to delete a unified profile");
        }
        return new IdentityDelete(identity.externalId(), requestDatetime(body));
    }

    public ProfileUpdate profileUpdate(ObjectNode body) {
        rejectUnknown(body, PROFILE_BODY, "");
        Identity identity = identity(body.get("identity"), "identity");
        ObjectNode properties = requireObject(body.get("user_properties"), "user_properties");
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "user_properties." + entry.getKey();
            PropertyType type = registry.userProperties().get(entry.getKey());
            if (type == null) {
                throw ImportRejection.invalid(path, "not a registered user property");
            }
            checkValue(entry.getValue(), type, path);
            values.put(entry.getKey(), entry.getValue());
        }
        return new ProfileUpdate(identity, values, requestDatetime(body));
    }

    private IncomingEvent event(JsonNode node, String path) {
        ObjectNode event = requireObject(node, path);
        rejectUnknown(event, EVENT, path + ".");
        String eventLogId = requireText(event.get("event_log_id"), path + ".event_log_id");
        if (!UUID.matcher(eventLogId).matches()) {
            throw ImportRejection.invalid(path + ".event_log_id",
                    "must be a UUID (xxxxxxxx-xxxx-Mxxx-Nxxx-xxxxxxxxxxxx), got '" + eventLogId + "'");
        }
        String eventName = requireText(event.get("event_name"), path + ".event_name");
        if (!registry.hasEvent(eventName)) {
            throw ImportRejection.invalid(path + ".event_name", "'" + eventName + "' is not a registered event");
        }
        String datetime = requireText(event.get("event_datetime"), path + ".event_datetime");
        Instant instant = datetime(datetime, path + ".event_datetime");
        List<ObjectNode> items = items(event.get("event_items"), path + ".event_items");
        ObjectNode properties = eventProperties(event.get("event_properties"), path + ".event_properties");
        return new IncomingEvent(eventLogId, eventName, datetime, instant, items, properties);
    }

    private List<ObjectNode> items(JsonNode node, String path) {
        if (Json.absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ImportRejection.invalid(path, "must be an array of objects, got " + Json.describe(node));
        }
        List<ObjectNode> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String itemPath = path + "[" + i + "]";
            ObjectNode item = requireObject(node.get(i), itemPath);
            checkProperties(item, registry.itemProperties(), itemPath, "item property");
            items.add(item);
        }
        return items;
    }

    private ObjectNode eventProperties(JsonNode node, String path) {
        if (Json.absent(node)) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        ObjectNode properties = requireObject(node, path);
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (ITEM_KEYS_IN_PROPERTIES.contains(name)) {
                throw ImportRejection.invalid(path + "." + name, "items belong in event_items, not in event_properties");
            }
        }
        checkProperties(properties, registry.eventProperties(), path, "event property");
        return properties;
    }

    private static void checkProperties(ObjectNode values, Map<String, PropertyType> registered, String path,
                                        String what) {
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String fieldPath = path + "." + entry.getKey();
            PropertyType type = registered.get(entry.getKey());
            if (type == null) {
                throw ImportRejection.invalid(fieldPath, "not a registered " + what);
            }
            checkValue(entry.getValue(), type, fieldPath);
        }
    }

    static void checkValue(JsonNode value, PropertyType type, String path) {
        if (value.isNull()) {
            return;
        }
        if (value.isObject()) {
            throw ImportRejection.invalid(path, "nested objects are not allowed; expected " + type.label());
        }
        switch (type) {
            case ARRAY_OF_STRING:
                checkArray(value, PropertyType.STRING, type, path);
                return;
            case ARRAY_OF_LONG:
                checkArray(value, PropertyType.LONG, type, path);
                return;
            case ARRAY_OF_DOUBLE:
                checkArray(value, PropertyType.DOUBLE, type, path);
                return;
            default:
                if (!isScalar(value, type)) {
                    throw ImportRejection.invalid(path, "expected " + type.label() + ", got " + Json.describe(value)
                                                        + (type == PropertyType.DATETIME && value.isTextual()
                                                           ? " not in UTC yyyy-MM-dd'T'HH:mm:ss(.SSS)Z" : ""));
                }
        }
    }

    private static void checkArray(JsonNode value, PropertyType element, PropertyType type, String path) {
        if (!value.isArray()) {
            throw ImportRejection.invalid(path, "expected " + type.label() + ", got " + Json.describe(value));
        }
        for (int i = 0; i < value.size(); i++) {
            if (!isScalar(value.get(i), element)) {
                throw ImportRejection.invalid(path + "[" + i + "]",
                        "expected " + element.label() + ", got " + Json.describe(value.get(i)));
            }
        }
    }

    private static boolean isScalar(JsonNode value, PropertyType type) {
        switch (type) {
            case STRING: return value.isTextual();
            case LONG: return value.isIntegralNumber() && value.canConvertToLong();
            case DOUBLE: return value.isNumber() && Double.isFinite(value.doubleValue());
            case BOOLEAN: return value.isBoolean();
            case DATETIME: return value.isTextual() && Datetimes.parseDatetime(value.textValue()) != null;
            default: return false;
        }
    }

    private static Identity identity(JsonNode node, String path) {
        ObjectNode identity = requireObject(node, path);
        Map<String, String> identifiers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = identity.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String fieldPath = path + "." + entry.getKey();
            if (!IDENTIFIERS.contains(entry.getKey())) {
                throw ImportRejection.invalid(fieldPath, "unknown identifier; expected one of " + IDENTIFIERS);
            }
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                throw ImportRejection.invalid(fieldPath, "must be a string, got " + Json.describe(value));
            }
            if (value.textValue().isBlank()) {
                throw ImportRejection.invalid(fieldPath, "must not be empty");
            }
            if ("phone_no".equals(entry.getKey()) && !PHONE.matcher(value.textValue()).matches()) {
                throw ImportRejection.invalid(fieldPath,
                        "must be 8 to 15 digits, country code first, without '+' (e.g. 821012345678)");
            }
            identifiers.put(entry.getKey(), value.textValue());
        }
        if (identifiers.isEmpty()) {
            throw ImportRejection.invalid(path, "at least one of " + IDENTIFIERS + " must have a value");
        }
        return new Identity(identifiers);
    }

    private static Instant requestDatetime(ObjectNode body) {
        return datetime(requireText(body.get("request_datetime"), "request_datetime"), "request_datetime");
    }

    private static Instant datetime(String text, String path) {
        Instant instant = Datetimes.parseDatetime(text);
        if (instant == null) {
            throw ImportRejection.invalid(path,
                    "must be a UTC datetime yyyy-MM-dd'T'HH:mm:ss(.SSS)Z, got '" + text + "'");
        }
        return instant;
    }

    private static ObjectNode requireObject(JsonNode node, String path) {
        if (Json.absent(node)) {
            throw ImportRejection.invalid(path, "required");
        }
        if (!node.isObject()) {
            throw ImportRejection.invalid(path, "must be an object, got " + Json.describe(node));
        }
        return (ObjectNode) node;
    }

    private static String requireText(JsonNode node, String path) {
        if (Json.absent(node)) {
            throw ImportRejection.invalid(path, "required");
        }
        if (!node.isTextual()) {
            throw ImportRejection.invalid(path, "must be a string, got " + Json.describe(node));
        }
        if (node.textValue().isBlank()) {
            throw ImportRejection.invalid(path, "must not be empty");
        }
        return node.textValue();
    }

    private static void rejectUnknown(ObjectNode node, List<String> allowed, String prefix) {
        String unknown = Json.unknownField(node, allowed);
        if (unknown != null) {
            throw ImportRejection.invalid(prefix + unknown, "unknown field; expected one of " + allowed);
        }
    }
}
