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

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.github.cameldfinery.component.api.DfineryExportDataset;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.model.DfineryUserProfile;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.config.PropertyType;
import io.github.cameldfinery.emulator.config.Registry;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** dfinery:export as a consumer: day windows, quota, clamp, quoting, snapshots and output modes. */
class ExportConsumerTest extends DfineryTestSupport {

    final List<Exchange> received = new CopyOnWriteArrayList<>();
    final PollCounter polls = new PollCounter();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:seed").to("dfinery:event");
            }
        };
    }

    @Override
    public boolean isUseRouteBuilder() {
        return true;
    }

    void startRoute(String uri) throws Exception {
        context.getRegistry().bind("polls", polls);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&pollStrategy=#polls").routeId("export").process(received::add);
            }
        });
    }

    List<Map<String, String>> rows() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Exchange exchange : received) {
            @SuppressWarnings("unchecked")
            Map<String, String> row = exchange.getMessage().getBody(Map.class);
            rows.add(row);
        }
        return rows;
    }

    Set<String> storedBefore(LocalDate day) {
        return service().events().stream().filter(e -> e.eventDatetime().compareTo(day.toString()) < 0)
                .map(StoredEvent::eventLogId).collect(Collectors.toSet());
    }

    @Test
    void incrementalWindowsDeliverEveryClosedDayOnce() throws Exception {
        template.sendBody("direct:seed", spread(10, 12));
        LocalDate start = today().minusDays(10);

        startRoute("dfinery:export?startDate=" + start + "&delay=50&maxWindowsPerPoll=4");

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 120);
        polls.awaitTwoMore();
        List<Map<String, String>> rows = rows();
        assertThat(rows).hasSize(120);
        assertThat(rows).extracting(r -> r.get("df_event_log_id")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(storedBefore(today()));
        assertThat(service().stats().requests(ApiKind.EXPORT)).as("one call per day window").isEqualTo(10);
        Exchange first = received.get(0);
        assertThat(first.getMessage().getHeader(DfineryConstants.EXPORT_FROM_DATE)).isEqualTo(start.toString());
        assertThat(first.getMessage().getHeader(DfineryConstants.EXPORT_TO_DATE)).isEqualTo(start.toString());
        assertThat(first.getMessage().getHeader(DfineryConstants.EXPORT_ROW_INDEX)).isEqualTo(0L);
        assertThat(first.getMessage().getHeader(DfineryConstants.EXPORT_DATASET)).isEqualTo(DfineryExportDataset.events);
        assertThat(received.get(11).getMessage().getHeader(DfineryConstants.EXPORT_LAST_ROW)).isEqualTo(true);
        assertThat(received.get(11).getMessage().getHeader(DfineryConstants.EXPORT_ROW_COUNT)).isEqualTo(12L);
        assertThat(received.get(10).getMessage().getHeader(DfineryConstants.EXPORT_LAST_ROW)).isEqualTo(false);
        for (Exchange exchange : received) {
            String day = exchange.getMessage().getHeader(DfineryConstants.EXPORT_FROM_DATE).toString();
            assertThat(exchange.getMessage().getBody(Map.class).get("df_correction_datetime").toString()).startsWith(day);
        }
    }

    @Test
    void windowsOfSeveralDaysAndTheQuotaAreRespected() throws Exception {
        template.sendBody("direct:seed", spread(10, 2));
        startRoute("dfinery:export?startDate=" + today().minusDays(10)
                   + "&windowDays=2&delay=20&exportQuota=3&exportQuotaWindow=1h");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 12);
        polls.awaitTwoMore();

        assertThat(received).hasSize(12);
        assertThat(service().stats().requests(ApiKind.EXPORT)).as("3 calls of 2 days, then the quota is spent")
                .isEqualTo(3);
        assertThat(received).extracting(e -> e.getMessage().getHeader(DfineryConstants.EXPORT_TO_DATE))
                .contains(today().minusDays(5).toString());
    }

    @Test
    void aCursorOlderThanTheLookbackIsMovedForward() throws Exception {
        template.sendBody("direct:seed", spread(30, 1));
        startRoute("dfinery:export?startDate=" + today().minusDays(45) + "&delay=20&maxWindowsPerPoll=40");

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 30);

        assertThat(received).extracting(e -> e.getMessage().getHeader(DfineryConstants.EXPORT_FROM_DATE)).first()
                .isEqualTo(today().minusDays(30).toString());
        assertThat(service().stats().rejections("exceed_date_range_limit")).isZero();
    }

    @Test
    void quotingSurvivesTheRoundTrip() throws Exception {
        service().register(new Registry().eventProperty("tags", PropertyType.ARRAY_OF_STRING)
                .eventProperty("note", PropertyType.STRING));
        String note = "Great, \"really\" great\nsecond line\r\n한국어 리뷰";
        template.sendBody("direct:seed", DfineryEvent.builder("df_purchase").identity(DfineryIdentity.externalId("u,1"))
                .datetime(today().minusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC))
                .property("note", note).property("tags", List.of("a,b", "c")).property("df_order_id", "").build());

        startRoute("dfinery:export?delay=20");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        Map<String, String> row = rows().get(0);
        assertThat(row.get("note")).isEqualTo(note);
        assertThat(row.get("tags")).isEqualTo("[\"a,b\",\"c\"]");
        assertThat(row.get("df_order_id")).isEmpty();
        assertThat(row.get("df_discount")).isEmpty();
        assertThat(row.get("df_external_id")).isEqualTo("u,1");
        assertThat(row.keySet()).first().isEqualTo("df_unified_id");
    }

    @Test
    void userProfileSnapshotWithAudience() throws Exception {
        template.sendBody("dfinery:profile", List.of(
                DfineryUserProfile.of(DfineryIdentity.externalId("vip-1"), Map.of("df_name", "Kim")),
                DfineryUserProfile.of(DfineryIdentity.externalId("vip-2"), Map.of("df_name", "Lee")),
                DfineryUserProfile.of(DfineryIdentity.externalId("other"), Map.of("df_name", "Park"))));
        service().audience("vips", List.of("vip-1", "vip-2"));

        startRoute("dfinery:export?dataset=userProfiles&audience=vips&propertiesConditionType=include&properties=df_name"
                   + "&identitiesConditionType=include&identities=df_external_id&delay=100000");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(rows()).extracting(r -> r.get("df_external_id") + "=" + r.get("df_name"))
                .containsExactlyInAnyOrder("vip-1=Kim", "vip-2=Lee");
        assertThat(rows().get(0).keySet()).containsExactly("df_unified_id", "df_external_id", "df_name");
        assertThat(received.get(0).getMessage().getHeader(DfineryConstants.EXPORT_DATASET))
                .isEqualTo(DfineryExportDataset.userProfiles);
    }

    @Test
    void batchMode() throws Exception {
        template.sendBody("direct:seed", spread(1, 25));
        startRoute("dfinery:export?outputMode=batch&batchSize=10&delay=20");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
        assertThat(received).extracting(e -> e.getMessage().getBody(List.class).size()).containsExactly(10, 10, 5);
        assertThat(received).extracting(e -> e.getProperty(Exchange.BATCH_INDEX)).containsExactly(0, 1, 2);
        assertThat(received.get(2).getProperty(Exchange.BATCH_COMPLETE)).isEqualTo(true);
        assertThat(received.get(2).getMessage().getHeader(DfineryConstants.EXPORT_ROW_INDEX)).isEqualTo(20L);
    }

    @Test
    void streamModeHandsOverTheRawCsv() throws Exception {
        template.sendBody("direct:seed", spread(1, 5));
        List<String> bodies = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?outputMode=stream&delay=20").streamCache("false")
                        .process(e -> bodies.add(new String(e.getMessage().getBody(InputStream.class).readAllBytes(),
                                StandardCharsets.UTF_8)));
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> bodies.size() == 1);
        assertThat(bodies.get(0).split("\n")).hasSize(6);
        assertThat(bodies.get(0)).startsWith("df_unified_id,event_name,");
    }
}
