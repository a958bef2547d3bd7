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
package io.github.cameldfinery.component.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user event for {@code dfinery:event}. Its {@code event_log_id} is fixed when the event is built (a random UUID
 * unless given), so every retry and redelivery sends the same id and DFINERY stores the event once. An event built
 * anew from a message a broker redelivers is a new object: give it an id from the message (or the header
 * {@code CamelDfineryEventLogIdKey}, which replaces a generated id) so that it keeps its id across redeliveries.
 *
 * <pre>{@code
 * DfineryEvent.builder("df_purchase")
 *     .identity(DfineryIdentity.externalId("user-123"))
 *     .datetime(Instant.now())
 *     .property("df_order_id", "order-9")
 *     .item(DfineryItem.builder().itemId("sku-1").price(12900.0).quantity(1).build())
 *     .build();
 * }</pre>
 */
public final class DfineryEvent {

    private final String eventLogId;
    private final boolean eventLogIdGenerated;
    private final String eventName;
    private final Object datetime;
    private final DfineryIdentity identity;
    private final Map<String, Object> properties;
    private final List<DfineryItem> items;

    private DfineryEvent(Builder builder) {
        this.eventLogIdGenerated = builder.eventLogId == null;
        this.eventLogId = eventLogIdGenerated ? EventLogIds.next() : builder.eventLogId;
        this.eventName = builder.eventName;
        this.datetime = builder.datetime != null ? builder.datetime : Instant.now();
        this.identity = builder.identity;
        // The builder hands its collections over, and copies them only if it is changed afterwards.
        this.properties = Collections.unmodifiableMap(builder.properties);
        this.items = Collections.unmodifiableList(builder.items);
        builder.handedOver = true;
    }

    public static Builder builder(String eventName) {
        return new Builder(eventName);
    }

    public String getEventLogId() {
        return eventLogId;
    }

    /**
     * Whether the builder was given no id and made a random one: {@code dfinery:event} replaces such an id with one
     * derived from the message's {@code CamelDfineryEventLogIdKey} header when it has one.
     */
    public boolean isEventLogIdGenerated() {
        return eventLogIdGenerated;
    }

    public String getEventName() {
        return eventName;
    }

    /** When the event happened: an Instant, OffsetDateTime, ZonedDateTime, Date, epoch millis or ISO string. */
    public Object getDatetime() {
        return datetime;
    }

    /** The user; null when it comes from the message headers. */
    public DfineryIdentity getIdentity() {
        return identity;
    }

    public Map<String, Object> getProperties() {
        return properties;
    }

    public List<DfineryItem> getItems() {
        return items;
    }

    @Override
    public String toString() {
        return "DfineryEvent[" + eventName + ", " + eventLogId + "]";
    }

    /** Builds a {@link DfineryEvent}. */
    public static final class Builder {
        private final String eventName;
        private String eventLogId;
        private Object datetime;
        private DfineryIdentity identity;
        private Map<String, Object> properties = new LinkedHashMap<>();
        private List<DfineryItem> items = new ArrayList<>();
        private boolean handedOver;

        private Builder(String eventName) {
            this.eventName = eventName;
        }

        /** A UUID that identifies this business event; keep it stable across retries. Generated when not given. */
        public Builder eventLogId(String eventLogId) {
            this.eventLogId = eventLogId;
            return this;
        }

        /** When the event happened; defaults to the moment the event is built. */
        public Builder datetime(Object datetime) {
            this.datetime = datetime;
            return this;
        }

        public Builder identity(DfineryIdentity identity) {
            this.identity = identity;
            return this;
        }

        /** An event property registered in DFINERY (not an item: use {@link #item}). */
        public Builder property(String name, Object value) {
            own();
            properties.put(name, value);
            return this;
        }

        public Builder properties(Map<String, ?> values) {
            own();
            properties.putAll(values);
            return this;
        }

        public Builder item(DfineryItem item) {
            own();
            items.add(item);
            return this;
        }

        public DfineryEvent build() {
            return new DfineryEvent(this);
        }

        /** Copies the collections an event built earlier holds, before changing them for the next one. */
        private void own() {
            if (handedOver) {
                properties = new LinkedHashMap<>(properties);
                items = new ArrayList<>(items);
                handedOver = false;
            }
        }
    }
}
