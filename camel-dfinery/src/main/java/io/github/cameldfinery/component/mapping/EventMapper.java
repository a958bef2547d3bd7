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
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.api.ImportRequest;
import io.github.cameldfinery.component.api.Json;
import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryEventLogIds;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.validation.DfineryTrackingPlan;
import io.github.cameldfinery.component.validation.RequestRules;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;

/**
 * {@code dfinery:event}: any mix of events becomes requests of one identity each, at most 100 events and 100
 * items per request, events in their original order within each identity. An event without an id gets one derived
 * from the message's event id key and its place among the message's events when the headers give a key
 * ({@link DfineryEventLogIds#fromKey}), a random one otherwise.
 */
public final class EventMapper implements RequestMapper {

    public static final String PATH = "/api/v1/events";

    private static final List<String> REQUEST_FIELDS = List.of("common", "events");
    private static final List<String> COMMON_FIELDS = List.of("identity");
    private static final List<String> EVENT_FIELDS = List.of("event_log_id", "event_name", "event_datetime",
            "event_items", "event_properties", "identity");

    private final DfineryTrackingPlan trackingPlan;
    private final int maxRequestSize;
    /** About how many bytes an event of this endpoint takes: sizes the next buffer so that it need not grow. */
    private volatile int bytesPerEvent = 512;

    /** With the default bound on a request's size. */
    public EventMapper(DfineryTrackingPlan trackingPlan) {
        this(trackingPlan, RequestRules.DEFAULT_MAX_REQUEST_SIZE);
    }

    /** @param maxRequestSize the largest request in bytes, 0 for no bound: larger batches are split further */
    public EventMapper(DfineryTrackingPlan trackingPlan, int maxRequestSize) {
        this.trackingPlan = trackingPlan;
        this.maxRequestSize = maxRequestSize;
    }

    /** Writes one event into the request being built. */
    @FunctionalInterface
    private interface EventWriter {
        void write(JsonGenerator json, SerializerProvider trees) throws IOException;
    }

    /**
     * One validated event: whom it is about, its id and item count (for chunking), how to write it, and where it sits
     * in the body (for an error).
     */
    private record Draft(ObjectNode identity, String eventLogId, int items, EventWriter writer, Supplier<String> path) {
    }

    @Override
    public List<ImportRequest> toRequests(Message message, MessageHeaders headers) {
        JsonNode headerIdentity = headers.identity();
        // Identities are validated once and shared, so the same user is the same node: grouped by reference.
        Map<ObjectNode, List<Draft>> byIdentity = new IdentityHashMap<>();
        List<ObjectNode> order = new ArrayList<>();
        Map<JsonNode, ObjectNode> identities = new java.util.HashMap<>();
        List<DfineryEvent> typed = trackingPlan == null ? typedEvents(message.getBody()) : null;
        if (typed != null) {
            Map<DfineryIdentity, ObjectNode> typedIdentities = new java.util.HashMap<>();
            boolean list = !(message.getBody() instanceof DfineryEvent);
            for (int i = 0; i < typed.size(); i++) {
                DfineryEvent event = typed.get(i);
                String id = headers.eventLogIdKey() != null && event.isEventLogIdGenerated()
                        ? DfineryEventLogIds.fromKey(headers.eventLogIdKey(), i) : event.getEventLogId();
                add(typedDraft(event, list ? i : -1, id, headerIdentity, identities, typedIdentities), byIdentity,
                        order);
            }
        } else {
            int[] position = {0};
            for (BodyElements.Element element : BodyElements.of(message)) {
                for (Draft draft : drafts(element, headerIdentity, identities, headers.eventLogIdKey(), position)) {
                    add(draft, byIdentity, order);
                }
            }
        }
        List<ImportRequest> requests = new ArrayList<>();
        for (ObjectNode identity : order) {
            chunk(identity, byIdentity.get(identity), requests);
        }
        return requests;
    }

    private static void add(Draft draft, Map<ObjectNode, List<Draft>> byIdentity, List<ObjectNode> order) {
        List<Draft> drafts = byIdentity.get(draft.identity());
        if (drafts == null) {
            drafts = new ArrayList<>();
            byIdentity.put(draft.identity(), drafts);
            order.add(draft.identity());
        }
        drafts.add(draft);
    }

    /** The body's events when it is a DfineryEvent or a collection of nothing else; null otherwise. */
    private static List<DfineryEvent> typedEvents(Object body) {
        if (body instanceof DfineryEvent) {
            return List.of((DfineryEvent) body);
        }
        if (!(body instanceof java.util.Collection) || ((java.util.Collection<?>) body).isEmpty()) {
            return null;
        }
        List<DfineryEvent> events = new ArrayList<>(((java.util.Collection<?>) body).size());
        for (Object element : (java.util.Collection<?>) body) {
            if (!(element instanceof DfineryEvent)) {
                return null;
            }
            events.add((DfineryEvent) element);
        }
        return events;
    }

    private static Draft typedDraft(DfineryEvent event, int index, String eventLogId, JsonNode headerIdentity,
                                    Map<JsonNode, ObjectNode> identities, Map<DfineryIdentity, ObjectNode> typedIdentities) {
        TypedEventJson json = new TypedEventJson(event, index, eventLogId);
        ObjectNode identity;
        if (event.getIdentity() != null) {
            identity = typedIdentities.get(event.getIdentity());
            if (identity == null) {
                String path = json.get() + ".identity";
                identity = RequestRules.identity(JsonTrees.toTree(event.getIdentity(), path), path);
                typedIdentities.put(event.getIdentity(), identity);
            }
        } else {
            identity = headerIdentity(headerIdentity, json, identities);
        }
        return new Draft(identity, json.eventLogId(), json.items(), json::write, json);
    }

    /** The header identity, validated once per message. */
    private static ObjectNode headerIdentity(JsonNode headerIdentity, TypedEventJson event,
                                             Map<JsonNode, ObjectNode> identities) {
        ObjectNode clean = headerIdentity == null ? null : identities.get(headerIdentity);
        return clean != null ? clean : identity(headerIdentity, event.get() + ".identity (or headers)", identities);
    }

    /** Validates an identity once per distinct value in a message; events of one user share the clean copy. */
    private static ObjectNode identity(JsonNode raw, String path, Map<JsonNode, ObjectNode> identities) {
        ObjectNode clean = raw == null ? null : identities.get(raw);
        if (clean == null) {
            clean = RequestRules.identity(raw, path);
            identities.put(raw, clean);
        }
        return clean;
    }

    /**
     * The events of one element of the body.
     *
     * @param key      the message's event id key, or null
     * @param position the place of the element's first event among the message's events; advanced past its events
     */
    private List<Draft> drafts(BodyElements.Element element, JsonNode headerIdentity, Map<JsonNode, ObjectNode> identities,
                               String key, int[] position) {
        JsonNode tree = element.tree();
        List<Draft> drafts = new ArrayList<>();
        if (tree.has("events") || tree.has("common")) {
            RequestRules.noUnknownFields(tree, REQUEST_FIELDS, element.path());
            JsonNode common = tree.get("common");
            JsonNode identityNode = headerIdentity;
            String identityPath = "headers";
            if (common != null && !common.isNull()) {
                RequestRules.noUnknownFields(RequestRules.requiredObject(common, element.path() + ".common"),
                        COMMON_FIELDS, element.path() + ".common");
                identityNode = common.get("identity");
                identityPath = element.path() + ".common.identity";
            }
            ObjectNode identity = identity(identityNode, identityPath, identities);
            JsonNode events = tree.get("events");
            if (events == null || !events.isArray() || events.isEmpty()) {
                throw new DfineryValidationException(element.path() + ".events", "must be a non-empty array of events");
            }
            for (int i = 0; i < events.size(); i++) {
                String path = element.path() + ".events[" + i + "]";
                ObjectNode event = RequestRules.requiredObject(events.get(i), path);
                if (event.has("identity")) {
                    throw new DfineryValidationException(path + ".identity", "not allowed here: the request's identity "
                                                                             + "is common.identity");
                }
                drafts.add(draft(identity, event, path, key, position[0]++));
            }
        } else {
            ObjectNode event = (ObjectNode) tree;
            JsonNode own = event.get("identity");
            ObjectNode identity = own != null && !own.isNull()
                    ? identity(own, element.path() + ".identity", identities)
                    : identity(headerIdentity, element.path() + ".identity (or headers)", identities);
            drafts.add(draft(identity, event, element.path(), key, position[0]++));
        }
        return drafts;
    }

    /**
     * Normalizes an event in place: the tree is the mapper's own (built from the body, or a copy of a JsonNode
     * body), so no second copy is made.
     */
    private Draft draft(ObjectNode identity, ObjectNode event, String path, String key, int position) {
        RequestRules.noUnknownFields(event, EVENT_FIELDS, path);
        event.remove("identity");
        JsonNode id = event.get("event_log_id");
        if (id == null || id.isNull()) {
            event.put("event_log_id", key != null ? DfineryEventLogIds.fromKey(key, position) : UUID.randomUUID().toString());
        } else {
            RequestRules.eventLogId(id, path + ".event_log_id");
        }
        RequestRules.requiredText(event.get("event_name"), path + ".event_name");
        JsonNode datetime = event.get("event_datetime");
        if (datetime == null || datetime.isNull()) {
            throw new DfineryValidationException(path + ".event_datetime", "required");
        }
        if (!datetime.isTextual() || !Datetimes.isCanonical(datetime.textValue())) {
            event.put("event_datetime", Datetimes.toApi(datetime, path + ".event_datetime"));
        }
        int items = 0;
        JsonNode itemsNode = event.get("event_items");
        if (itemsNode != null && itemsNode.isNull()) {
            event.remove("event_items");
        } else if (itemsNode != null) {
            if (!itemsNode.isArray()) {
                throw new DfineryValidationException(path + ".event_items", "must be an array of items");
            }
            for (int i = 0; i < itemsNode.size(); i++) {
                JsonNode item = itemsNode.get(i);
                if (!item.isObject()) {
                    RequestRules.requiredObject(item, RequestRules.at(path, "event_items", i));
                }
                RequestRules.propertyValues((ObjectNode) item, path, "event_items", i);
            }
            items = itemsNode.size();
            RequestRules.itemCount(items, path + ".event_items");
        }
        JsonNode properties = event.get("event_properties");
        if (properties != null && properties.isNull()) {
            event.remove("event_properties");
        } else if (properties != null) {
            if (!properties.isObject()) {
                RequestRules.requiredObject(properties, path + ".event_properties");
            }
            RequestRules.noItemsInProperties(properties::has, path + ".event_properties");
            RequestRules.propertyValues((ObjectNode) properties, path, "event_properties", -1);
        }
        if (trackingPlan != null) {
            trackingPlan.checkEvent(event, path);
        }
        return new Draft(identity, event.get("event_log_id").textValue(), items,
                (json, trees) -> JsonTrees.write(json, event, trees), () -> path);
    }

    private void chunk(ObjectNode identity, List<Draft> drafts, List<ImportRequest> into) {
        List<Draft> current = new ArrayList<>();
        int items = 0;
        for (Draft draft : drafts) {
            if (current.size() == RequestRules.MAX_EVENTS_PER_REQUEST
                || items + draft.items() > RequestRules.MAX_ITEMS_PER_REQUEST) {
                requests(identity, current, into);
                current = new ArrayList<>();
                items = 0;
            }
            current.add(draft);
            items += draft.items();
        }
        requests(identity, current, into);
    }

    /**
     * The request for these events, or, when it would pass maxRequestSize, the requests for each half: rare enough
     * that writing the events again costs less than measuring every event first.
     */
    private void requests(ObjectNode identity, List<Draft> drafts, List<ImportRequest> into) {
        ImportRequest request = request(identity, drafts);
        if (maxRequestSize <= 0 || request.length() <= maxRequestSize) {
            into.add(request);
        } else if (drafts.size() == 1) {
            RequestRules.requestSize(request.length(), maxRequestSize, drafts.get(0).path());
        } else {
            int half = drafts.size() / 2;
            requests(identity, drafts.subList(0, half), into);
            requests(identity, drafts.subList(half, drafts.size()), into);
        }
    }

    /** {@code {"common":{"identity":…},"events":[…]}}, written in one pass into one buffer. */
    private ImportRequest request(ObjectNode identity, List<Draft> drafts) {
        List<String> ids = new ArrayList<>(drafts.size());
        int items = 0;
        RequestBuffer bytes = new RequestBuffer(256 + drafts.size() * bytesPerEvent);
        SerializerProvider trees = JsonTrees.provider();
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(bytes)) {
            json.writeStartObject();
            json.writeObjectFieldStart("common");
            json.writeFieldName("identity");
            JsonTrees.write(json, identity, trees);
            json.writeEndObject();
            json.writeArrayFieldStart("events");
            for (Draft draft : drafts) {
                draft.writer().write(json, trees);
                ids.add(draft.eventLogId());
                items += draft.items();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (DfineryValidationException e) {
            throw e;
        } catch (IOException e) {
            throw new RuntimeCamelException("Cannot serialize a DFINERY event request", e);
        }
        // Up at once to what this request needed (and an eighth more), down slowly; never past 64 KB an event.
        int needed = bytes.size() / drafts.size();
        bytesPerEvent = Math.min(1 << 16, Math.max(needed + needed / 8, (bytesPerEvent * 7 + needed) / 8));
        return new ImportRequest(DfineryApi.event, PATH, bytes.buffer(), bytes.size(), ids, items);
    }
}
