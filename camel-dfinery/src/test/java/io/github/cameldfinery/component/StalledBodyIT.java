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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.error.DfineryConnectionException;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server that sends an export's headers and then stalls in the body: the wait ends within exportReadTimeout plus
 * one second, a stop aborts a stalled body being read, and stream bodies left open give their concurrency slot back.
 * Real time (Failsafe): an export body's silence is measured on the system's ticker, and these bounds are the point.
 * An import answer that stalls is StalledImportAnswerTest's, on a clock the test moves.
 */
class StalledBodyIT extends DfineryTestSupport {

    /** Far longer than any deadline here: a wait that is not cut short shows. */
    static final Duration STALL = Duration.ofSeconds(25);
    static final long SLACK_MS = 1_000;

    @AfterEach
    void clearFaults() {
        service().faults(ApiKind.EVENT).clear();
        service().faults(ApiKind.EXPORT).clear();
    }

    @Test
    void aStalledExportBodyFailsWithinExportReadTimeout() {
        template.sendBody("dfinery:event", spread(1, 20));
        service().faults(ApiKind.EXPORT).failNext(1, Fault.stallBody(100, STALL));

        long start = System.nanoTime();
        Exchange exchange = template.send("dfinery:export?exportReadTimeout=1000", e -> e.getMessage()
                .setHeader(DfineryConstants.EXPORT_FROM_DATE, today().minusDays(1)));
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(exchange.getException()).isInstanceOf(DfineryConnectionException.class)
                .hasMessageContaining("exportReadTimeout");
        assertThat(tookMs).isLessThan(1_000 + SLACK_MS);
        // The slot was given back: the next export runs.
        Exchange next = template.send("dfinery:export", e -> e.getMessage()
                .setHeader(DfineryConstants.EXPORT_FROM_DATE, today().minusDays(1)));
        assertThat(next.getException()).isNull();
        assertThat(next.getMessage().getBody(List.class)).hasSize(20);
    }

    @Test
    void theConsumerExportsAStalledWindowAgainAndMissesNoRow() throws Exception {
        template.sendBody("dfinery:event", spread(1, 20));
        service().faults(ApiKind.EXPORT).failNext(1, Fault.stallBody(100, STALL));
        List<Map<?, ?>> rows = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?exportReadTimeout=1000&delay=100&startDate=" + today().minusDays(1))
                        .process(e -> rows.add(e.getMessage().getBody(Map.class)));
            }
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> rows.size() >= 20);
        assertThat(service().stats().requests(ApiKind.EXPORT)).isEqualTo(2);
    }

    @Test
    void theRoutesOwnTimeDoesNotCountAgainstExportReadTimeout() throws Exception {
        template.sendBody("dfinery:event", spread(1, 20));
        List<Object> batches = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // Each batch takes longer than exportReadTimeout in the route, between two reads of the body.
                from("dfinery:export?outputMode=batch&batchSize=5&exportReadTimeout=300&delay=100&startDate="
                     + today().minusDays(1)).routeId("slow")
                        .delay(600).syncDelayed()
                        .process(e -> batches.add(e.getMessage().getBody()));
            }
        });

        await().atMost(Duration.ofSeconds(15)).until(() -> batches.size() >= 4);
        assertThat(service().stats().requests(ApiKind.EXPORT)).isEqualTo(1);
    }

    @Test
    void stoppingTheContextAbortsAnExportBodyBeingRead() throws Exception {
        template.sendBody("dfinery:event", spread(1, 20));
        service().faults(ApiKind.EXPORT).failNext(1, Fault.stallBody(100, STALL));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?delay=100&startDate=" + today().minusDays(1)).routeId("stalled")
                        .to("log:rows?level=OFF");
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> service().stats().requests(ApiKind.EXPORT) >= 1);

        long start = System.nanoTime();
        context.stop();
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        // The stop waits while bytes still come, and aborts a body silent for STALL_ON_STOP (ExportShutdownIT has
        // the times): never the whole shutdown timeout.
        assertThat(tookMs).isLessThan(TimeUnit.SECONDS.toMillis(context.getShutdownStrategy().getTimeout()));
        await().atMost(Duration.ofMillis(SLACK_MS)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().contains("dfinery://export") && t.isAlive()));
    }

    @Test
    void streamBodiesLeftOpenGiveTheirSlotsBack() throws Exception {
        template.sendBody("dfinery:event", spread(1, 4));
        String uri = "dfinery:export?outputMode=stream&exportReadTimeout=1000";
        List<InputStream> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Exchange exchange = template.send(uri, e -> e.getMessage()
                    .setHeader(DfineryConstants.EXPORT_FROM_DATE, today().minusDays(1)));
            assertThat(exchange.getException()).isNull();
            open.add(exchange.getMessage().getBody(InputStream.class));
        }
        long start = System.nanoTime();

        // Never closed: each is aborted once unread for exportReadTimeout after its exchange ended.
        await().atMost(Duration.ofMillis(1_000 + SLACK_MS)).untilAsserted(() -> {
            Exchange exchange = template.send(uri, e -> e.getMessage()
                    .setHeader(DfineryConstants.EXPORT_FROM_DATE, today().minusDays(1)));
            assertThat(exchange.getException()).isNull();
            exchange.getMessage().getBody(InputStream.class).close();
        });
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000 + SLACK_MS);
        assertThat(service().stats().requests(ApiKind.EXPORT)).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aStreamBodyReadToItsEndGivesItsSlotBackUnclosed() throws Exception {
        template.sendBody("dfinery:event", spread(1, 4));
        String uri = "dfinery:export?outputMode=stream";
        for (int i = 0; i < 10; i++) {
            Exchange exchange = template.send(uri, e -> e.getMessage()
                    .setHeader(DfineryConstants.EXPORT_FROM_DATE, today().minusDays(1)));
            assertThat(exchange.getException()).as("export %d", i).isNull();
            // read to the end, never closed
            assertThat(exchange.getMessage().getBody(InputStream.class).readAllBytes()).isNotEmpty();
        }
    }
}
