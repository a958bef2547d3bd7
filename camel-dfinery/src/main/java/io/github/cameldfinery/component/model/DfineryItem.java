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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One product of an event ({@code df_item}): sub-property name to value, e.g. {@code df_item_id}, {@code df_price}.
 * Values: String, a whole number, a decimal number, Boolean, a date-time, or a list of strings or numbers.
 */
public final class DfineryItem {

    private final Map<String, Object> properties;

    /** Takes the map as it is: callers hand over a map of their own. */
    private DfineryItem(Map<String, Object> properties) {
        this.properties = Collections.unmodifiableMap(properties);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static DfineryItem of(Map<String, ?> properties) {
        return new DfineryItem(new LinkedHashMap<>(properties));
    }

    public Map<String, Object> properties() {
        return properties;
    }

    @Override
    public String toString() {
        return "DfineryItem" + properties.keySet();
    }

    /** Builds a {@link DfineryItem}. */
    public static final class Builder {
        private Map<String, Object> properties = new LinkedHashMap<>();
        private boolean handedOver;

        public Builder itemId(String id) {
            return property("df_item_id", id);
        }

        public Builder name(String name) {
            return property("df_item_name", name);
        }

        public Builder price(double price) {
            return property("df_price", price);
        }

        public Builder quantity(long quantity) {
            return property("df_quantity", quantity);
        }

        public Builder property(String name, Object value) {
            if (handedOver) {
                properties = new LinkedHashMap<>(properties);
                handedOver = false;
            }
            properties.put(name, value);
            return this;
        }

        /** The item; the builder hands its map over and copies it only if it is changed afterwards. */
        public DfineryItem build() {
            handedOver = true;
            return new DfineryItem(properties);
        }
    }
}
