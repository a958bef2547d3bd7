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
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.model.DfineryItem;
import io.github.cameldfinery.component.model.DfineryUserProfile;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The consumer's idempotentRepository keys a row by what it is, not by where it stands: an event's id plus its item's
 * columns, a profile's unified id plus its values. A window exported again lists the rows of an event in another
 * order (the API promises none), and still each row reaches the route once.
 */
class ExportRowKeysTest extends DfineryTestSupport {

    final MemoryStateRepository cursors = new MemoryStateRepository();
    final MemoryIdempotentRepository delivered = new MemoryIdempotentRepository();
    final List<String> rows = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("cursors", cursors);
        context.getRegistry().bind("delivered", delivered);
        return context;
    }

    @AfterEach
    void clearFaults() {
        service().faults(ApiKind.EXPORT).clear();
    }

    String yesterday() {
        return today().minusDays(1).toString();
    }

    /**
     * Yesterday: a purchase of item a and twice the same item b, a login without items, a purchase of c1 and c2; 6
     * rows. Returns them as {@link #text} gives them, from an export without faults.
     */
    List<String> seedSixRows() {
        Instant day = today().minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        template.sendBody("dfinery:event", List.of(
                purchase("u1", day.plusSeconds(60), item("a", 1), item("b", 2), item("b", 2)),
                DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("u2")).datetime(day.plusSeconds(120))
                        .build(),
                purchase("u3", day.plusSeconds(180), item("c1", 3), item("c2", 4))));
        Exchange export = template.send("dfinery:export", e -> e.getMessage()
                .setHeader(DfineryConstants.EXPORT_FROM_DATE, yesterday()));
        @SuppressWarnings("unchecked")
        List<Map<String, String>> exported = export.getMessage().getBody(List.class);
        return exported.stream().map(ExportRowKeysTest::text).toList();
    }

    static DfineryEvent purchase(String user, Instant at, DfineryItem... items) {
        DfineryEvent.Builder event = DfineryEvent.builder("df_purchase").identity(DfineryIdentity.externalId(user))
                .datetime(at);
        for (DfineryItem item : items) {
            event.item(item);
        }
        return event.build();
    }

    static DfineryItem item(String id, double price) {
        return DfineryItem.builder().itemId(id).price(price).build();
    }

    /** A row as the test compares it: event id, item id and price. */
    static String text(Map<?, ?> row) {
        return row.get("df_event_log_id") + ":" + row.get("df_items_df_item_id") + ":" + row.get("df_items_df_price");
    }

    long exportCalls() {
        return service().stats().requests(ApiKind.EXPORT);
    }

    @ParameterizedTest(name = "the route fails once on row {0}")
    @ValueSource(ints = { 0, 1, 2, 3, 4, 5 })
    void everyRowArrivesOnceWhenTheRouteFailsOnAnyRowAndTheReExportReversesEveryEventsItems(int failOn)
            throws Exception {
        List<String> expected = seedSixRows();
        assertThat(expected).hasSize(6);
        service().faults(ApiKind.EXPORT).passNext(1).failNext(1, Fault.reversedItemRows());
        long callsBefore = exportCalls();
        AtomicInteger entered = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?idempotentRepository=#delivered&stateRepository=#cursors&cursorKey=keys&delay=30"
                     + "&startDate=" + yesterday())
                        .process(e -> {
                            if (entered.getAndIncrement() == failOn) {
                                throw new IllegalStateException("the route fails once, on row " + failOn);
                            }
                            rows.add(text(e.getMessage().getBody(Map.class)));
                        });
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> today().toString().equals(cursors.getState("keys")));

        assertThat(rows).as("each row once, identical item rows as often as the event has them")
                .containsExactlyInAnyOrderElementsOf(expected);
        // The emulator records an export once it has written the body, which may be after the client has read it.
        await().untilAsserted(() -> {
            assertThat(exportCalls() - callsBefore).as("the window, then again with its item rows reversed").isEqualTo(2);
            assertThat(service().recentRequests()).last().extracting(r -> r.code()).isEqualTo("fault:REVERSED_ITEM_ROWS");
        });
    }

    @Test
    void aRowsKeyIsItsEventIdAndAHashOfItsItemColumnsCountingIdenticalItems() throws Exception {
        seedSixRows();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?idempotentRepository=#delivered&stateRepository=#cursors&cursorKey=keys&delay=30"
                     + "&startDate=" + yesterday())
                        .process(e -> rows.add(text(e.getMessage().getBody(Map.class))));
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.size() == 6);
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.getCache().size() == 6);

        Map<String, String> ids = service().events().stream().collect(Collectors.toMap(e -> e.eventName() + ":"
                + e.externalId(), e -> e.eventLogId()));
        List<String> keys = List.copyOf(delivered.getCache().keySet());
        String login = ids.get("df_login:u2");
        assertThat(keys).as("a row without item values: the event id").contains(login);
        List<String> first = keys.stream().filter(k -> k.startsWith(ids.get("df_purchase:u1"))).sorted().toList();
        assertThat(first).hasSize(3).allMatch(k -> k.matches(ids.get("df_purchase:u1") + "/[0-9a-f]{16}(#2)?"));
        assertThat(first.stream().filter(k -> k.endsWith("#2")))
                .as("the second of two identical items: the same hash, counted").hasSize(1)
                .allMatch(k -> first.contains(k.substring(0, k.length() - 2)));
        assertThat(keys.stream().filter(k -> k.startsWith(ids.get("df_purchase:u3")))).hasSize(2)
                .noneMatch(k -> k.contains("#"));
    }

    @Test
    void aProfileRowIsKeyedByItsUnifiedIdAndValuesSoAReExportDeliversOnlyWhatChanged() throws Exception {
        template.sendBody("dfinery:profile", List.of(
                DfineryUserProfile.of(DfineryIdentity.externalId("p1"), Map.of("df_name", "Kim")),
                DfineryUserProfile.of(DfineryIdentity.externalId("p2"), Map.of("df_name", "Lee")),
                DfineryUserProfile.of(DfineryIdentity.externalId("p3"), Map.of("df_name", "Park"))));
        service().faults(ApiKind.EXPORT).passNext(1).failNext(1, Fault.reversedItemRows());
        AtomicInteger entered = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?dataset=userProfiles&idempotentRepository=#delivered&delay=30"
                     + "&propertiesConditionType=include&properties=df_name"
                     + "&identitiesConditionType=include&identities=df_external_id")
                        .process(e -> {
                            if (entered.getAndIncrement() == 1) {
                                throw new IllegalStateException("the route fails once, on the second profile");
                            }
                            Map<?, ?> row = e.getMessage().getBody(Map.class);
                            rows.add(row.get("df_external_id") + "=" + row.get("df_name"));
                        });
            }
        });

        // The snapshot after the failure (in reverse order) and the ones after it deliver nothing already delivered.
        await().atMost(Duration.ofSeconds(20)).until(() -> exportCalls() >= 5);
        assertThat(rows).containsExactlyInAnyOrder("p1=Kim", "p2=Lee", "p3=Park");

        template.sendBody("dfinery:profile", DfineryUserProfile.of(DfineryIdentity.externalId("p2"),
                Map.of("df_name", "Lim")));
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.contains("p2=Lim"));
        long calls = exportCalls();
        await().atMost(Duration.ofSeconds(20)).until(() -> exportCalls() >= calls + 3);
        assertThat(rows).as("a changed profile comes again, the others do not")
                .containsExactlyInAnyOrder("p1=Kim", "p2=Lee", "p3=Park", "p2=Lim");
    }
}
