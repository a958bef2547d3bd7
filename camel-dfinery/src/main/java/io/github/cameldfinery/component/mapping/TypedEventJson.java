package io.github.cameldfinery.component.mapping;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryItem;
import io.github.cameldfinery.component.validation.RequestRules;

/**
 * A typed {@link DfineryEvent} written straight into the request JSON, without building a tree of it first: the
 * common case of a route that sends typed events, and the busiest path of the component. Values go through the
 * same conversions ({@link JsonTrees}) and rules ({@link RequestRules}) as every other body form; a violation
 * throws while the requests are built, before anything is sent.
 */
final class TypedEventJson {

    private final DfineryEvent event;
    private final String datetime;
    private final String path;

    /** Checks what can be checked up front: id, name, time and the item count. */
    TypedEventJson(DfineryEvent event, String path) {
        this.event = event;
        this.path = path;
        RequestRules.eventLogId(event.getEventLogId(), path + ".event_log_id");
        RequestRules.requiredText(event.getEventName(), path + ".event_name");
        this.datetime = Datetimes.toApi(event.getDatetime(), path + ".event_datetime");
        RequestRules.itemCount(event.getItems().size(), path + ".event_items");
        RequestRules.noItemsInProperties(event.getProperties()::containsKey, path + ".event_properties");
    }

    String eventLogId() {
        return event.getEventLogId();
    }

    int items() {
        return event.getItems().size();
    }

    /** Writes the event in the API's field order, checking each property value on the way. */
    void write(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("event_log_id", event.getEventLogId());
        json.writeStringField("event_name", event.getEventName());
        json.writeStringField("event_datetime", datetime);
        if (!event.getItems().isEmpty()) {
            json.writeArrayFieldStart("event_items");
            int i = 0;
            for (DfineryItem item : event.getItems()) {
                writeProperties(json, item.properties(), RequestRules.at(path, "event_items", i++));
            }
            json.writeEndArray();
        }
        if (!event.getProperties().isEmpty()) {
            json.writeFieldName("event_properties");
            writeProperties(json, event.getProperties(), path + ".event_properties");
        }
        json.writeEndObject();
    }

    private static void writeProperties(JsonGenerator json, Map<String, Object> properties, String path)
            throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            PropertyValues.write(json, property.getKey(), property.getValue(), path);
        }
        json.writeEndObject();
    }
}
