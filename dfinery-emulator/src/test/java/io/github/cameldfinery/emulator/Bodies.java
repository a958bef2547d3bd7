package io.github.cameldfinery.emulator;

import java.util.UUID;

/** Request bodies in the documented shapes. */
final class Bodies {

    private Bodies() {
    }

    static String event(String eventName, String datetime) {
        return "{\"event_log_id\":\"" + UUID.randomUUID() + "\",\"event_name\":\"" + eventName
               + "\",\"event_datetime\":\"" + datetime + "\"}";
    }

    static String events(String externalId, String... events) {
        return "{\"common\":{\"identity\":{\"external_id\":\"" + externalId + "\"}},\"events\":["
               + String.join(",", events) + "]}";
    }

    static String purchases(String externalId, int count, String datetime) {
        String[] events = new String[count];
        for (int i = 0; i < count; i++) {
            events[i] = event("df_purchase", datetime);
        }
        return events(externalId, events);
    }

    static String identity(String identityJson) {
        return "{\"identity\":" + identityJson + ",\"request_datetime\":\"2024-06-24T06:01:48.501Z\"}";
    }

    static String profile(String externalId, String propertiesJson) {
        return "{\"identity\":{\"external_id\":\"" + externalId + "\"},\"user_properties\":" + propertiesJson
               + ",\"request_datetime\":\"2024-05-14T06:05:46.363Z\"}";
    }
}
