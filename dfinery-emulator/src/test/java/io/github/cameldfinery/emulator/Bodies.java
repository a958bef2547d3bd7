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
