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
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryItem;
import io.github.cameldfinery.component.validation.RequestRules;

/**
 * A typed {@link DfineryEvent} written straight into the request JSON, without building a tree of it first: the
 * common case of a route that sends typed events, and the busiest path of the component. Values go through the
 * same conversions ({@link JsonTrees}) and rules ({@link RequestRules}) as every other body form; a violation
 * throws while the requests are built, before anything is sent.
 */
final class TypedEventJson implements Supplier<String> {

    private final DfineryEvent event;
    private final String eventLogId;
    private final String datetime;
    private final int index;

    /**
     * Checks what can be checked up front: id, name, time and the item count.
     *
     * @param index the event's place in a List body, or -1 when it is the body
     * @param eventLogId the id to send: the event's own, or one derived from the message's event id key
     */
    TypedEventJson(DfineryEvent event, int index, String eventLogId) {
        this.event = event;
        this.index = index;
        this.eventLogId = eventLogId;
        RequestRules.eventLogId(eventLogId, this, "event_log_id");
        RequestRules.requiredText(event.getEventName(), this, "event_name");
        this.datetime = Datetimes.toApi(event.getDatetime(), this, "event_datetime");
        RequestRules.itemCount(event.getItems().size(), this, "event_items");
        RequestRules.noItemsInProperties(event.getProperties()::containsKey, this, "event_properties");
    }

    /** Where the event sits in the body, for error messages: built only when one needs it. */
    @Override
    public String get() {
        return index < 0 ? "body" : "body[" + index + "]";
    }

    String eventLogId() {
        return eventLogId;
    }

    int items() {
        return event.getItems().size();
    }

    /** Writes the event in the API's field order, checking each property value on the way. */
    void write(JsonGenerator json, SerializerProvider trees) throws IOException {
        json.writeStartObject();
        json.writeStringField("event_log_id", eventLogId);
        json.writeStringField("event_name", event.getEventName());
        json.writeStringField("event_datetime", datetime);
        if (!event.getItems().isEmpty()) {
            json.writeArrayFieldStart("event_items");
            int i = 0;
            for (DfineryItem item : event.getItems()) {
                int at = i++;
                writeProperties(json, item.properties(), () -> RequestRules.at(get(), "event_items", at), trees);
            }
            json.writeEndArray();
        }
        if (!event.getProperties().isEmpty()) {
            json.writeFieldName("event_properties");
            writeProperties(json, event.getProperties(), () -> get() + ".event_properties", trees);
        }
        json.writeEndObject();
    }

    private static void writeProperties(JsonGenerator json, Map<String, Object> properties, Supplier<String> path,
                                        SerializerProvider trees) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            PropertyValues.write(json, property.getKey(), property.getValue(), path, trees);
        }
        json.writeEndObject();
    }
}
