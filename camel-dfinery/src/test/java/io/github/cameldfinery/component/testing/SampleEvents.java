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
package io.github.cameldfinery.component.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;

/** Events for tests that need events to send, not particular ones. */
public final class SampleEvents {

    /** The datetime of the sample events: fixed, so that what is sent is the same from run to run. */
    public static final String DATETIME = "2026-11-27T10:15:30.123Z";

    private SampleEvents() {
    }

    /** A {@code df_login} of the user with this external id. */
    public static DfineryEvent login(String externalId) {
        return DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId(externalId)).datetime(DATETIME).build();
    }

    /** {@code count} logins of {@code users} users in turn ({@code user-0}, {@code user-1}, ...). */
    public static List<DfineryEvent> logins(int count, int users) {
        List<DfineryEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(login("user-" + (i % users)));
        }
        return events;
    }

    /** An event as a map with the API's field names, as a route that reads JSON or builds maps sends it. */
    public static Map<String, Object> eventMap(String eventName, String externalId, String datetime) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_name", eventName);
        event.put("event_datetime", datetime);
        event.put("identity", Map.of("external_id", externalId));
        return event;
    }
}
