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
package io.github.cameldfinery.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.model.DfineryItem;

/**
 * The ingestion workload: batches of 100 purchase events of one user (1,000 users), about 1 KB each on the wire,
 * built per batch so that no path gets its objects for free.
 */
final class Workload {

    static final int BATCH = 100;
    static final int USERS = 1000;
    static final String NAME = "A fairly descriptive product name that pads the event to about one kilobyte. ";
    static final Instant WHEN = Instant.parse("2026-11-27T10:15:30.123Z");

    private Workload() {
    }

    static String user(int batch) {
        return "user-" + batch % USERS;
    }

    /** What the component takes: typed events. */
    static List<DfineryEvent> typed(int batch) {
        List<DfineryEvent> events = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            events.add(DfineryEvent.builder("df_purchase").identity(DfineryIdentity.externalId(user(batch))).datetime(WHEN)
                    .property("df_order_id", "order-" + batch + "-" + i).property("df_total_purchase_amount", 12900.0)
                    .property("df_payment_method", "card")
                    .item(DfineryItem.builder().itemId("SKU-" + i).name(NAME.repeat(8)).price(12900.0).quantity(1).build())
                    .build());
        }
        return events;
    }

    /** What users of camel-http build by hand: the API's request shape as Maps, for Jackson to marshal. */
    static Map<String, Object> requestMap(int batch) {
        List<Map<String, Object>> events = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("df_item_id", "SKU-" + i);
            item.put("df_item_name", NAME.repeat(8));
            item.put("df_price", 12900.0);
            item.put("df_quantity", 1);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("df_order_id", "order-" + batch + "-" + i);
            properties.put("df_total_purchase_amount", 12900.0);
            properties.put("df_payment_method", "card");
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event_log_id", UUID.randomUUID().toString());
            event.put("event_name", "df_purchase");
            event.put("event_datetime", "2026-11-27T10:15:30.123Z");
            event.put("event_items", List.of(item));
            event.put("event_properties", properties);
            events.add(event);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("common", Map.of("identity", Map.of("external_id", user(batch))));
        request.put("events", events);
        return request;
    }
}
