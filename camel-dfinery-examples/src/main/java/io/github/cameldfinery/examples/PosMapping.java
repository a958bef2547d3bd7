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
package io.github.cameldfinery.examples;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.model.DfineryItem;
import io.github.cameldfinery.component.model.DfineryUserProfile;

/**
 * Turns point-of-sale records into DFINERY messages: members into unified profiles, consents into user
 * properties, order lines into purchase events with their items. Used by the Java DSL and the YAML routes alike.
 */
public class PosMapping {

    /** A member record becomes the identity DFINERY unifies on: member id, email and phone. */
    public DfineryIdentity identity(Map<String, String> member) {
        return DfineryIdentity.builder().externalId(member.get("member_id")).email(member.get("email"))
                .phoneNo(member.get("phone")).build();
    }

    /** A consent record becomes explicit true/false consent flags (null would mean "may send"). */
    public DfineryUserProfile consent(Map<String, String> consent) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("df_sms_ads_optin", "Y".equals(consent.get("sms_ads")));
        properties.put("df_push_ads_optin", "Y".equals(consent.get("push_ads")));
        properties.put("df_kakao_ads_optin", "Y".equals(consent.get("kakao_ads")));
        return DfineryUserProfile.of(DfineryIdentity.externalId(consent.get("member_id")), properties);
    }

    /**
     * Order lines (several per order) become one df_purchase event per order with its items, in file order. The
     * sample dates orders by days before today, so that a run always has recent, exportable days. The event id is
     * derived from the order id, so a second run sends the same ids and DFINERY stores each order once.
     */
    public List<DfineryEvent> purchases(List<Map<String, String>> lines) {
        Map<String, List<Map<String, String>>> orders = new LinkedHashMap<>();
        for (Map<String, String> line : lines) {
            orders.computeIfAbsent(line.get("order_id"), id -> new ArrayList<>()).add(line);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<DfineryEvent> events = new ArrayList<>(orders.size());
        orders.forEach((orderId, orderLines) -> {
            Map<String, String> first = orderLines.get(0);
            Instant at = today.minusDays(Long.parseLong(first.get("days_ago"))).atTime(LocalTime.parse(first.get("time")))
                    .toInstant(ZoneOffset.UTC);
            double total = 0;
            DfineryEvent.Builder event = DfineryEvent.builder("df_purchase")
                    .eventLogId(UUID.nameUUIDFromBytes(("offline-store/" + orderId).getBytes()).toString())
                    .identity(DfineryIdentity.externalId(first.get("member_id")))
                    .datetime(at)
                    .property("df_order_id", orderId);
            for (Map<String, String> line : orderLines) {
                double price = Double.parseDouble(line.get("unit_price"));
                long quantity = Long.parseLong(line.get("quantity"));
                total += price * quantity;
                event.item(DfineryItem.builder().itemId(line.get("sku")).name(line.get("item_name")).price(price)
                        .quantity(quantity).build());
            }
            events.add(event.property("df_total_purchase_amount", total).property("df_payment_method", "offline").build());
        });
        return events;
    }
}
