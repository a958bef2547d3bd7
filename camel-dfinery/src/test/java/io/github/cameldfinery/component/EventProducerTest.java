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
package io.github.cameldfinery.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.model.DfineryItem;
import io.github.cameldfinery.emulator.state.RecordedRequest;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** dfinery:event with every accepted body form, checked field by field against what the emulator stored. */
class EventProducerTest extends DfineryTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events").to("dfinery:event");
            }
        };
    }

    @Test
    void typedEventIsStoredFieldByField() {
        DfineryEvent event = DfineryEvent.builder("df_purchase")
                .identity(DfineryIdentity.builder().externalId("user-1").email("kim@example.com").build())
                .datetime(Instant.parse(T))
                .property("df_order_id", "order-9").property("df_total_purchase_amount", 25800.0)
                .item(DfineryItem.builder().itemId("sku-1").name("Mug, \"large\"").price(12900.0).quantity(2).build())
                .build();

        Exchange exchange = send("direct:events", event);

        assertThat(exchange.getException()).isNull();
        StoredEvent stored = service().events().get(0);
        assertThat(stored.eventLogId()).isEqualTo(event.getEventLogId());
        assertThat(stored.eventName()).isEqualTo("df_purchase");
        assertThat(stored.eventDatetime()).isEqualTo(T);
        assertThat(stored.identity()).containsExactly(Map.entry("external_id", "user-1"), Map.entry("email", "kim@example.com"));
        assertThat(stored.properties().get("df_order_id").textValue()).isEqualTo("order-9");
        assertThat(stored.properties().get("df_total_purchase_amount").doubleValue()).isEqualTo(25800.0);
        assertThat(stored.items()).hasSize(1);
        assertThat(stored.items().get(0).get("df_item_name").textValue()).isEqualTo("Mug, \"large\"");
        assertThat(stored.items().get(0).get("df_quantity").longValue()).isEqualTo(2);
        assertThat(exchange.getMessage().getHeader(DfineryConstants.RESPONSE_CODE)).isEqualTo("20000");
        assertThat(exchange.getMessage().getHeader(DfineryConstants.RESPONSE_MESSAGE)).isEqualTo("OK");
        assertThat(exchange.getMessage().getHeader(DfineryConstants.REQUEST_COUNT)).isEqualTo(1);
        assertThat(exchange.getMessage().getHeader(DfineryConstants.EVENT_LOG_IDS)).isEqualTo(List.of(event.getEventLogId()));
        assertThat(exchange.getMessage().getHeader(DfineryConstants.SERVICE_ID)).isEqualTo(SERVICE);
        assertThat(exchange.getMessage().getHeader(DfineryConstants.RATE_LIMIT_WINDOW)).isEqualTo("1m");
        assertThat(exchange.getMessage().getHeader(DfineryConstants.RATE_LIMIT_REMAINING)).isEqualTo(999_999L);
        assertThat(exchange.getMessage().getHeader(DfineryConstants.RATE_LIMIT_RESET, Instant.class)).isAfter(Instant.now());
    }

    @Test
    void wireFormatIsTheDocumentedShape() throws Exception {
        send("direct:events", DfineryEvent.builder("df_login").eventLogId("0166a71c-caf4-462d-8201-9c30c40f2354")
                .identity(DfineryIdentity.externalId("dfn-user-123")).datetime(Instant.parse(T)).build());

        RecordedRequest request = service().recentRequests().get(0);
        assertThat(request.path()).isEqualTo("/api/v1/events");
        assertThat(request.body()).isEqualTo("{\"common\":{\"identity\":{\"external_id\":\"dfn-user-123\"}},\"events\":[{"
                + "\"event_log_id\":\"0166a71c-caf4-462d-8201-9c30c40f2354\",\"event_name\":\"df_login\","
                + "\"event_datetime\":\"2026-11-27T10:15:30.123Z\"}]}");
    }

    @Test
    void apiShapedMapAndJsonInEveryEncoding() {
        Map<String, Object> map = Map.of("common", Map.of("identity", Map.of("external_id", "u-map")),
                "events", List.of(Map.of("event_name", "df_login", "event_datetime", T)));
        String json = "{\"common\":{\"identity\":{\"external_id\":\"u-json\"}},\"events\":[{\"event_name\":\"df_login\","
                + "\"event_datetime\":\"" + T + "\"}]}";

        assertThat(send("direct:events", map).getException()).isNull();
        assertThat(send("direct:events", json).getException()).isNull();
        assertThat(send("direct:events", json.replace("u-json", "u-bytes").getBytes(StandardCharsets.UTF_8)).getException()).isNull();
        assertThat(send("direct:events", new ByteArrayInputStream(json.replace("u-json", "u-stream")
                .getBytes(StandardCharsets.UTF_8))).getException()).isNull();

        assertThat(service().events()).extracting(e -> e.identity().get("external_id"))
                .containsExactly("u-map", "u-json", "u-bytes", "u-stream");
        assertThat(service().events()).extracting(StoredEvent::eventLogId).allSatisfy(id -> UUID.fromString(id));
    }

    @Test
    void singleEventTakesItsIdentityFromTheBodyOrTheHeaders() {
        Map<String, Object> withIdentity = new LinkedHashMap<>();
        withIdentity.put("event_name", "df_view_home");
        withIdentity.put("event_datetime", Instant.parse(T));
        withIdentity.put("identity", Map.of("phone_no", "821012345678"));
        assertThat(send("direct:events", withIdentity).getException()).isNull();

        assertThat(send("direct:events", "{\"event_name\":\"df_view_home\",\"event_datetime\":\"" + T + "\"}",
                DfineryConstants.EXTERNAL_ID, "from-header").getException()).isNull();
        assertThat(send("direct:events", Map.of("event_name", "df_view_home", "event_datetime", T),
                DfineryConstants.IDENTITY, DfineryIdentity.builder().lineUserId("line-7").build()).getException()).isNull();

        assertThat(service().events()).extracting(StoredEvent::identity).containsExactly(
                Map.of("phone_no", "821012345678"), Map.of("external_id", "from-header"), Map.of("line_user_id", "line-7"));
    }

    @Test
    void eventLogIdIsKeptWhenGivenAndGeneratedWhenAbsent() {
        String given = "6f1c2b1a-8f7e-4d1c-9b2a-1234567890ab";
        send("direct:events", List.of(
                Map.of("event_name", "df_login", "event_datetime", T, "event_log_id", given, "identity", Map.of("external_id", "u1")),
                Map.of("event_name", "df_logout", "event_datetime", T, "identity", Map.of("external_id", "u1"))));
        List<StoredEvent> events = service().events();
        assertThat(events.get(0).eventLogId()).isEqualTo(given);
        assertThat(UUID.fromString(events.get(1).eventLogId()).version()).isEqualTo(4);
    }

    @Test
    void datetimesOfEveryKindBecomeUtcWithMillis() {
        Instant instant = Instant.parse("2026-11-27T01:02:03.456Z");
        List<Object> forms = List.of(instant, OffsetDateTime.parse("2026-11-27T10:02:03.456+09:00"),
                ZonedDateTime.ofInstant(instant, ZoneId.of("America/New_York")), Date.from(instant),
                instant.toEpochMilli(), "2026-11-27T10:02:03.456+09:00", "2026-11-27T01:02:03.456Z");
        List<Object> events = new ArrayList<>();
        for (Object datetime : forms) {
            events.add(Map.of("event_name", "df_login", "event_datetime", datetime, "identity", Map.of("external_id", "u1")));
        }
        assertThat(send("direct:events", events).getException()).isNull();
        assertThat(service().events()).extracting(StoredEvent::eventDatetime).hasSize(forms.size())
                .containsOnly("2026-11-27T01:02:03.456Z");
        assertThat(send("direct:events", "{\"event_name\":\"df_login\",\"event_datetime\":1795741323456,"
                + "\"identity\":{\"external_id\":\"u1\"}}").getException()).as("epoch millis in JSON").isNull();
    }

    @Test
    void manyEventsOfSeveralUsersAreGroupedAndChunkedInOrder() {
        List<DfineryEvent> events = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String user = "user-" + (i % 3);
            events.add(DfineryEvent.builder("df_purchase").identity(DfineryIdentity.externalId(user))
                    .datetime(Instant.parse(T).plusSeconds(i)).property("df_order_id", "o-" + i).build());
        }

        Exchange exchange = send("direct:events", events);

        assertThat(exchange.getException()).isNull();
        // user-0 has 84 events, user-1 and user-2 83 each: one request per user.
        assertThat(exchange.getMessage().getHeader(DfineryConstants.REQUEST_COUNT)).isEqualTo(3);
        assertThat(service().stats().eventsStored()).isEqualTo(250);
        Map<String, List<String>> orders = service().events().stream().collect(Collectors.groupingBy(
                e -> e.identity().get("external_id"), LinkedHashMap::new,
                Collectors.mapping(e -> e.properties().get("df_order_id").textValue(), Collectors.toList())));
        assertThat(orders.get("user-1")).startsWith("o-1", "o-4", "o-7").hasSize(83);
        assertThat(exchange.getMessage().getHeader(DfineryConstants.EVENT_LOG_IDS, List.class)).hasSize(250);

        List<DfineryEvent> oneUser = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            oneUser.add(DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("solo")).datetime(T).build());
        }
        Exchange chunked = send("direct:events", oneUser);
        assertThat(chunked.getMessage().getHeader(DfineryConstants.REQUEST_COUNT)).isEqualTo(3);
        List<RecordedRequest> requests = service().recentRequests();
        assertThat(requests.subList(requests.size() - 3, requests.size()))
                .extracting(r -> r.body().split("\"event_log_id\"").length - 1).containsExactly(100, 100, 50);
    }

    @Test
    void itemsAreCappedAtOneHundredPerRequest() {
        List<DfineryEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            DfineryEvent.Builder event = DfineryEvent.builder("df_purchase").identity(DfineryIdentity.externalId("u1")).datetime(T);
            for (int j = 0; j < 30; j++) {
                event.item(DfineryItem.builder().itemId("sku-" + j).price(1.0).build());
            }
            events.add(event.build());
        }

        Exchange exchange = send("direct:events", events);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(DfineryConstants.REQUEST_COUNT)).as("3 + 2 events of 30 items").isEqualTo(2);
        assertThat(service().stats().eventsStored()).isEqualTo(5);
    }

    @Test
    void serviceIdHeaderOverridesTheOption() {
        Exchange exchange = send("direct:events", DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("u1"))
                .datetime(T).build(), DfineryConstants.SERVICE_ID, OTHER_SERVICE);
        assertThat(exchange.getException()).isNull();
        assertThat(dfinery.service(OTHER_SERVICE).stats().eventsStored()).isEqualTo(1);
        assertThat(service().stats().eventsStored()).isZero();
    }
}
