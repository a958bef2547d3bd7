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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.model.DfineryItem;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.DfineryEmulator;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applications that stop and start again, crash in the middle of a window, and meet cut-short bodies and server
 * faults: with a persistent cursor every stored event arrives, and with the idempotent consumer on
 * df_event_log_id (the documented recipe for at-least-once delivery) each arrives exactly once.
 */
class ExportRestartTest {

    static final String SERVICE = "shop";

    @TempDir
    Path dir;
    DfineryEmulator emulator;
    /** The context that seeds the events; today is taken from its component's clock. */
    CamelContext seeder;
    final Map<String, Integer> sink = new ConcurrentHashMap<>();
    final List<String> raw = new CopyOnWriteArrayList<>();

    @BeforeEach
    void seed() throws Exception {
        emulator = DfineryEmulator.start(new EmulatorConfig().service(new ServiceConfig(SERVICE, "imp", "exp")));
        seeder = context(null);
        seeder.start();
        seeder.createProducerTemplate().sendBody("dfinery:event", ExportTestData.spread(today(), 10, 30));
        seeder.stop();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    LocalDate today() {
        return ExportTestData.today(seeder);
    }

    Set<String> expected() {
        String today = today().toString();
        return emulator.service(SERVICE).events().stream().filter(e -> e.eventDatetime().compareTo(today) < 0)
                .map(StoredEvent::eventLogId).collect(Collectors.toSet());
    }

    /** One run of the application; {@code failOnRow} makes the route fail once on that row (a crash mid-window). */
    CamelContext context(RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        DfineryComponent component = new DfineryComponent();
        component.getConfiguration().setBaseUri(emulator.baseUri().toString());
        component.getConfiguration().setServiceId(SERVICE);
        component.getConfiguration().setAccessToken("imp");
        component.getConfiguration().setBearerToken("exp");
        component.getConfiguration().setRetryDelay(1);
        component.getConfiguration().setRetryMaxDelay(5);
        context.addComponent("dfinery", component);
        context.getRegistry().bind("cursor", FileStateRepository.fileStateRepository(dir.resolve("cursor.dat").toFile()));
        context.getRegistry().bind("seen", FileIdempotentRepository.fileIdempotentRepository(
                dir.resolve("seen.dat").toFile(), 100_000));
        if (routes != null) {
            context.addRoutes(routes);
        }
        return context;
    }

    RouteBuilder exportRoute(AtomicInteger failOnRow) {
        String start = today().minusDays(10).toString();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?startDate=" + start + "&stateRepository=#cursor&delay=30&maxWindowsPerPoll=2"
                     + "&backoffErrorThreshold=1&backoffMultiplier=1")
                        .process(e -> raw.add(e.getMessage().getBody(Map.class).get("df_event_log_id").toString()))
                        .process(e -> {
                            if (failOnRow != null && failOnRow.decrementAndGet() == 0) {
                                throw new IllegalStateException("crash in the middle of a window");
                            }
                        })
                        .idempotentConsumer(simple("${body[df_event_log_id]}")).idempotentRepository("seen")
                        .process(e -> sink.merge(e.getMessage().getBody(Map.class).get("df_event_log_id").toString(), 1,
                                Integer::sum));
            }
        };
    }

    @Test
    void stoppedAndRestartedSeveralTimesBetweenAndWithinWindows() throws Exception {
        Set<String> expected = expected();
        assertThat(expected).hasSize(300);
        for (int run = 0; run < 6 && sink.size() < expected.size(); run++) {
            // Every second run crashes on its 45th row, in the middle of its second window.
            AtomicInteger failOnRow = run % 2 == 1 ? new AtomicInteger(45) : null;
            CamelContext app = context(exportRoute(failOnRow));
            app.start();
            int before = sink.size();
            await().atMost(Duration.ofSeconds(20)).until(() -> sink.size() >= Math.min(expected.size(), before + 40));
            app.stop();
        }
        CamelContext last = context(exportRoute(null));
        last.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.size() == expected.size());
        last.stop();

        assertThat(sink.keySet()).isEqualTo(expected);
        assertThat(sink.values()).as("exactly once downstream").containsOnly(1);
        assertThat(raw).as("at-least-once from the consumer: the crashed windows came again").hasSizeGreaterThan(300);
        assertCursorAtToday();
    }

    @Test
    void cutBodiesAndServerFaultsStillDeliverEveryRowOnce() throws Exception {
        emulator.service(SERVICE).faults(ApiKind.EXPORT).failNext(1, Fault.cutExportBody()).failNext(1, Fault.http500())
                .passNext(1).failNext(1, Fault.errorUnder200()).failNext(1, Fault.cutExportBody())
                .failNext(1, Fault.dropBeforeProcessing());
        Set<String> expected = expected();
        CamelContext app = context(exportRoute(null));
        app.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.size() == expected.size());
        app.stop();

        assertThat(sink.keySet()).isEqualTo(expected);
        assertThat(sink.values()).containsOnly(1);
        assertThat(emulator.service(SERVICE).stats().faults().get(ApiKind.EXPORT)).isEqualTo(5);
        assertThat(emulator.service(SERVICE).stats().requests(ApiKind.EXPORT)).as("10 windows, 5 of them twice")
                .isEqualTo(15);
        assertThat(raw.size()).as("rows read before a cut came again in the retried window").isGreaterThanOrEqualTo(300);
    }

    @Test
    void aYamlRouteResumesFromThePersistentCursor() throws Exception {
        Set<String> expected = expected();
        String yaml = "- route:\n"
                + "    id: export-yaml\n"
                + "    from:\n"
                + "      uri: dfinery:export\n"
                + "      parameters:\n"
                + "        startDate: \"" + today().minusDays(10) + "\"\n"
                + "        stateRepository: \"#cursor\"\n"
                + "        delay: 30\n"
                + "        maxWindowsPerPoll: 3\n"
                + "      steps:\n"
                + "        - idempotentConsumer:\n"
                + "            simple: \"${body[df_event_log_id]}\"\n"
                + "            idempotentRepository: seen\n"
                + "            steps:\n"
                + "              - to: seda:sink\n";
        for (int run = 0; run < 3; run++) {
            CamelContext app = context(null);
            PluginHelper.getRoutesLoader(app).loadRoutes(ResourceHelper.fromString("export.yaml", yaml));
            app.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("seda:sink").process(e -> sink.merge(e.getMessage().getBody(Map.class).get("df_event_log_id")
                            .toString(), 1, Integer::sum));
                }
            });
            app.start();
            int before = sink.size();
            await().atMost(Duration.ofSeconds(20)).until(() -> sink.size() >= Math.min(expected.size(), before + 60));
            app.stop();
        }
        CamelContext app = context(null);
        PluginHelper.getRoutesLoader(app).loadRoutes(ResourceHelper.fromString("export.yaml", yaml.replace("seda:sink", "direct:sink")));
        app.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sink").process(e -> sink.merge(e.getMessage().getBody(Map.class).get("df_event_log_id")
                        .toString(), 1, Integer::sum));
            }
        });
        app.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.size() == expected.size());
        app.stop();
        assertThat(sink.keySet()).isEqualTo(expected);
        assertThat(sink.values()).containsOnly(1);
        assertCursorAtToday();
    }

    @Test
    void theConsumersIdempotentRepositoryRecordsARowOnlyOnceItsExchangeCompleted() throws Exception {
        Set<String> expected = expected();
        List<String> recordedTooEarly = new CopyOnWriteArrayList<>();
        List<String> failed = new CopyOnWriteArrayList<>();
        List<String> trace = new CopyOnWriteArrayList<>();
        List<String> cutByAStop = new CopyOnWriteArrayList<>();
        String start = today().minusDays(10).toString();
        for (int run = 0; run < 7 && sink.size() < expected.size(); run++) {
            // Every second run fails on its 45th row, in the middle of its second window; the last runs to the end.
            boolean last = run == 6;
            int thisRun = run;
            AtomicInteger failOnRow = run % 2 == 1 ? new AtomicInteger(45) : null;
            CamelContext app = context(new RouteBuilder() {
                @Override
                public void configure() {
                    from("dfinery:export?startDate=" + start + "&stateRepository=#cursor&idempotentRepository=#seen"
                         + "&delay=30&maxWindowsPerPoll=2&backoffErrorThreshold=1&backoffMultiplier=1")
                            .process(e -> {
                                String id = e.getMessage().getBody(Map.class).get("df_event_log_id").toString();
                                raw.add(id);
                                trace.add(thisRun + ":" + id + ":" + e.getMessage().getHeader(DfineryConstants.EXPORT_FROM_DATE)
                                        + ":" + e.getMessage().getHeader(DfineryConstants.EXPORT_ROW_INDEX) + ":"
                                        + Thread.currentThread().getName());
                                if (e.getContext().getRegistry().lookupByNameAndType("seen", IdempotentRepository.class)
                                        .contains(id)) {
                                    recordedTooEarly.add(id);
                                }
                                if (failOnRow != null && failOnRow.decrementAndGet() == 0) {
                                    failed.add(id);
                                    throw new IllegalStateException("crash in the middle of a window");
                                }
                                sink.merge(id, 1, Integer::sum);
                            });
                }
            });
            app.start();
            int before = sink.size();
            int enteredBefore = raw.size();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> sink.size() >= (last ? expected.size() : Math.min(expected.size(), before + 40)));
            app.stop();
            // A row of a window a stop had to abort (its timeout) is neither delivered nor failed: it comes again.
            raw.subList(enteredBefore, raw.size()).stream()
                    .filter(id -> !sink.containsKey(id) && !failed.contains(id)).forEach(cutByAStop::add);
        }
        assertThat(sink.keySet()).isEqualTo(expected);
        assertThat(sink.values()).as("exactly once downstream %s", trace.stream().filter(t -> sink.getOrDefault(
                t.split(":")[1], 0) > 1).toList()).containsOnly(1);
        assertThat(recordedTooEarly).as("rows recorded before their exchange completed").isEmpty();
        assertThat(failed).isNotEmpty();
        List<String> again = raw.stream().filter(id -> raw.indexOf(id) != raw.lastIndexOf(id)).distinct().toList();
        assertThat(again).as("rows that came into the route again: the failed ones, not their windows")
                .containsAll(failed);
        assertThat(again).as("and none that had been delivered (%s cut by a stop)", cutByAStop)
                .allMatch(id -> failed.contains(id) || cutByAStop.contains(id));
        assertCursorAtToday();
    }

    @Test
    void theRowsOfAnEventWithSeveralItemsHaveAKeyEachMadeOfTheirItemColumns() throws Exception {
        emulator.service(SERVICE).reset();
        seeder = context(null);
        seeder.start();
        seeder.createProducerTemplate().sendBody("dfinery:event", DfineryEvent
                .builder("df_purchase").identity(DfineryIdentity.externalId("u"))
                .datetime(today().minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .item(DfineryItem.builder().itemId("a").price(1).build())
                .item(DfineryItem.builder().itemId("b").price(2).build())
                .item(DfineryItem.builder().itemId("c").price(3).build())
                .build());
        seeder.stop();
        String id = emulator.service(SERVICE).events().get(0).eventLogId();
        MemoryIdempotentRepository delivered = new MemoryIdempotentRepository();
        List<String> items = new CopyOnWriteArrayList<>();
        CamelContext app = context(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?idempotentRepository=#delivered&delay=30&stateRepository=#cursor")
                        .process(e -> items.add(e.getMessage().getBody(Map.class).get("df_items_df_item_id").toString()));
            }
        });
        app.getRegistry().bind("delivered", delivered);
        app.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> items.size() == 3);
        app.stop();
        assertThat(items).containsExactly("a", "b", "c");
        // the event id and a hash of the item's own columns: the same key wherever the row stands in the body
        assertThat(delivered.getCache().keySet()).hasSize(3).allMatch(key -> key.matches(id + "/[0-9a-f]{16}"));
    }

    @Test
    void theConsumersIdempotentRepositoryNeedsRows() {
        CamelContext app = new DefaultCamelContext();
        app.getRegistry().bind("seen", new MemoryIdempotentRepository());
        assertThatThrownBy(() -> app.getEndpoint("dfinery:export?serviceId=s&outputMode=batch&idempotentRepository=#seen")
                .createConsumer(e -> { })).hasMessage("idempotentRepository records each row delivered: it needs "
                        + "outputMode=rows, got outputMode=batch");
    }

    void assertCursorAtToday() throws Exception {
        FileStateRepository cursor = FileStateRepository.fileStateRepository(dir.resolve("cursor.dat").toFile());
        cursor.start();
        assertThat(cursor.getState("dfinery-export/" + SERVICE + "/events/all"))
                .as("the cursor stands after yesterday").isEqualTo(today().toString());
        cursor.stop();
    }
}
