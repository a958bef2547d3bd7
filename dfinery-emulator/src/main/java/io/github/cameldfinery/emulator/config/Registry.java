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
package io.github.cameldfinery.emulator.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a DFINERY service has registered in its console: event names, event properties, item (df_item)
 * properties and user properties with their types. DFINERY only loads registered data.
 */
public final class Registry {

    /** Standard events of the DFINERY taxonomy. */
    public static final List<String> STANDARD_EVENTS = List.of(
            "df_login", "df_logout", "df_sign_up", "df_purchase", "df_view_home", "df_view_product_details",
            "df_add_to_cart", "df_add_to_wishlist", "df_refund", "df_view_search_result", "df_share_product",
            "df_view_list", "df_view_cart", "df_add_payment_info", "df_remove_cart");

    /** Consent flags: registered automatically when a service is created, so always present. */
    public static final List<String> CONSENT_FLAGS = List.of(
            "df_push_optin", "df_push_ads_optin", "df_sms_ads_optin", "df_kakao_ads_optin", "df_push_night_ads_optin");

    @JsonProperty("events")
    private Set<String> events = new LinkedHashSet<>();
    @JsonProperty("event_properties")
    private Map<String, PropertyType> eventProperties = new LinkedHashMap<>();
    @JsonProperty("item_properties")
    private Map<String, PropertyType> itemProperties = new LinkedHashMap<>();
    @JsonProperty("user_properties")
    private Map<String, PropertyType> userProperties = new LinkedHashMap<>();

    /** An empty registry; the consent flags are still registered, as DFINERY does for every service. */
    public static Registry empty() {
        Registry registry = new Registry();
        CONSENT_FLAGS.forEach(flag -> registry.userProperties.put(flag, PropertyType.BOOLEAN));
        return registry;
    }

    /** The standard {@code df_*} names of the DFINERY taxonomy plus the consent flags. */
    public static Registry standard() {
        Registry registry = empty();
        registry.events.addAll(STANDARD_EVENTS);
        registry.eventProperty("df_order_id", PropertyType.STRING)
                .eventProperty("df_total_purchase_amount", PropertyType.DOUBLE)
                .eventProperty("df_total_refund_amount", PropertyType.DOUBLE)
                .eventProperty("df_delivery_charge", PropertyType.DOUBLE)
                .eventProperty("df_discount", PropertyType.DOUBLE)
                .eventProperty("df_payment_method", PropertyType.STRING)
                .eventProperty("df_keyword", PropertyType.STRING)
                .eventProperty("df_sign_channel", PropertyType.STRING);
        registry.itemProperty("df_item_id", PropertyType.STRING)
                .itemProperty("df_item_name", PropertyType.STRING)
                .itemProperty("df_price", PropertyType.DOUBLE)
                .itemProperty("df_quantity", PropertyType.LONG)
                .itemProperty("df_discount", PropertyType.DOUBLE)
                .itemProperty("df_category1", PropertyType.STRING)
                .itemProperty("df_category2", PropertyType.STRING);
        registry.userProperty("df_name", PropertyType.STRING)
                .userProperty("df_gender", PropertyType.STRING)
                .userProperty("df_birth", PropertyType.STRING)
                .userProperty("df_membership", PropertyType.STRING);
        return registry;
    }

    public Registry event(String... names) {
        Collections.addAll(events, names);
        return this;
    }

    public Registry eventProperty(String name, PropertyType type) {
        eventProperties.put(name, type);
        return this;
    }

    public Registry itemProperty(String name, PropertyType type) {
        itemProperties.put(name, type);
        return this;
    }

    public Registry userProperty(String name, PropertyType type) {
        userProperties.put(name, type);
        return this;
    }

    /** Adds everything {@code other} registers; {@code other} wins where both register a name. */
    public Registry merge(Registry other) {
        events.addAll(other.events);
        eventProperties.putAll(other.eventProperties);
        itemProperties.putAll(other.itemProperties);
        userProperties.putAll(other.userProperties);
        return this;
    }

    public boolean hasEvent(String name) {
        return events.contains(name);
    }

    public Map<String, PropertyType> eventProperties() {
        return Collections.unmodifiableMap(eventProperties);
    }

    public Map<String, PropertyType> itemProperties() {
        return Collections.unmodifiableMap(itemProperties);
    }

    public Map<String, PropertyType> userProperties() {
        return Collections.unmodifiableMap(userProperties);
    }

    public Set<String> events() {
        return Collections.unmodifiableSet(events);
    }
}
