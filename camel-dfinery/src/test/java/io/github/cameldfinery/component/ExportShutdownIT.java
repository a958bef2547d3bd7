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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.cameldfinery.component.error.DfineryConnectionException;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stopping an export consumer with real time and real shutdown timeouts. A graceful stop lets the window being read
 * finish (one export call for it, the cursor past it), and does not wait on a body that stalls (no byte for
 * {@link DfineryExportConsumer#STALL_ON_STOP}): that body is aborted, and a route reading it fails with a
 * DfineryConnectionException. The stop times are logged ("Measured: …"); the assertions only hold them well under
 * the shutdown timeouts, as a loaded machine may be slow.
 */
class ExportShutdownIT extends DfineryTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ExportShutdownIT.class);
    /** Far longer than any stop may take: a stop that waits for it shows. */
    static final Duration STALL = Duration.ofSeconds(90);

    final MemoryStateRepository cursors = new MemoryStateRepository();
    final List<Object> received = new CopyOnWriteArrayList<>();
    final List<Throwable> readFailures = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("cursors", cursors);
        return context;
    }

    @BeforeEach
    void camelsDefaultShutdownTimeout() {
        // CamelTestSupport sets 10 s
        context.getShutdownStrategy().setTimeout(45);
    }

    @AfterEach
    void clearFaults() {
        service().faults(ApiKind.EXPORT).clear();
    }

    String yesterday() {
        return today().minusDays(1).toString();
    }

    String consumer(String options) {
        return "dfinery:export?stateRepository=#cursors&cursorKey=stop&delay=50&startDate=" + yesterday() + options;
    }

    long exportCalls() {
        return service().stats().requests(ApiKind.EXPORT);
    }

    boolean cursorAtToday() {
        return today().toString().equals(cursors.getState("stop"));
    }

    long stopContext(String what) {
        long start = System.nanoTime();
        context.stop();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        LOG.info("Measured: {} stopped the context in {} ms (shutdown timeout {} s)", what, millis,
                context.getShutdownStrategy().getTimeout());
        return millis;
    }

    @Test
    void aGracefulStopFinishesTheWindowItIsReadingInRowsMode() throws Exception {
        template.sendBody("dfinery:event", spread(1, 60));
        // bytes keep flowing, slowly: 60 rows over about 4 s, while the route takes no time
        service().faults(ApiKind.EXPORT).failNext(1, Fault.slowBody(300, Duration.ofMillis(100)));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumer("")).routeId("rows").process(e -> received.add(e.getMessage().getBody(Map.class)));
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 5);

        long start = System.nanoTime();
        context.getRouteController().stopRoute("rows");
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        LOG.info("Measured: rows mode, a window whose bytes still flow: stopRoute (shutdown timeout {} s) took {} ms",
                context.getShutdownStrategy().getTimeout(), took);

        assertThat(received).as("the whole window").hasSize(60);
        assertThat(cursorAtToday()).as("the cursor past the window").isTrue();
        assertThat(took).as("well under the 45 s shutdown timeout").isLessThan(30_000);
        context.getRouteController().startRoute("rows");
        DfineryExportConsumer consumer = (DfineryExportConsumer) context.getRoute("rows").getConsumer();
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.getCounter() >= 5);
        assertThat(exportCalls()).as("one export call for the window across the stop and the start").isEqualTo(1);
        LOG.info("Measured: export calls for one window across a graceful stop and start (rows mode): {}", exportCalls());
    }

    @Test
    void aGracefulStopFinishesTheWindowItIsReadingInStreamMode() throws Exception {
        template.sendBody("dfinery:event", spread(1, 60));
        service().faults(ApiKind.EXPORT).failNext(1, Fault.slowBody(300, Duration.ofMillis(100)));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the route reads the body as it trickles in: the stop comes while it reads
                from(consumer("&outputMode=stream")).routeId("stream").streamCache("false")
                        .process(e -> received.add("started"))
                        .convertBodyTo(String.class)
                        .process(e -> received.add(e.getMessage().getBody(String.class)));
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 1);

        long took = stopContext("stream mode, a body whose bytes still flow, read by the route");

        assertThat(received).hasSize(2);
        assertThat(received.get(1).toString().lines()).hasSize(61);
        assertThat(cursorAtToday()).isTrue();
        assertThat(exportCalls()).isEqualTo(1);
        assertThat(took).isLessThan(30_000);
    }

    @Test
    void aStopDoesNotWaitForAStalledStreamBodyTheRouteIsReading() throws Exception {
        template.sendBody("dfinery:event", spread(1, 30));
        service().faults(ApiKind.EXPORT).failNext(1, Fault.stallBody(100, STALL));
        AtomicBoolean reading = new AtomicBoolean();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumer("&outputMode=stream")).routeId("stalled-stream").streamCache("false")
                        .process(e -> {
                            reading.set(true);
                            try (InputStream body = e.getMessage().getBody(InputStream.class)) {
                                body.readAllBytes();
                            } catch (RuntimeException | java.io.IOException failure) {
                                readFailures.add(failure);
                                throw failure;
                            }
                        });
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(reading::get);

        long start = System.nanoTime();
        context.getRouteController().stopRoute("stalled-stream", 30, TimeUnit.SECONDS);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        LOG.info("Measured: stream mode, a stalled body the route reads: stopRoute (timeout 30 s) took {} ms", took);

        assertThat(took).as("well under the route's 30 s timeout").isLessThan(20_000);
        assertThat(readFailures).hasSize(1).first().isInstanceOf(DfineryConnectionException.class);
        assertThat(readFailures.get(0)).hasMessageContaining("stopping");
        assertThat(cursors.getState("stop")).as("the window will be exported again").isNull();
    }

    @Test
    void aContextStopDoesNotWaitTheShutdownTimeoutForAStalledStreamBody() throws Exception {
        template.sendBody("dfinery:event", spread(1, 30));
        service().faults(ApiKind.EXPORT).failNext(1, Fault.stallBody(100, STALL));
        AtomicBoolean reading = new AtomicBoolean();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumer("&outputMode=stream")).routeId("stalled-stream").streamCache("false")
                        .process(e -> reading.set(true))
                        .to("file:target/stalled-export?fileName=${exchangeId}.csv");
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(reading::get);

        long took = stopContext("stream mode, a stalled body the route writes to a file");

        assertThat(took).as("well under the 45 s shutdown timeout").isLessThan(30_000);
    }

    @Test
    void aContextStopDoesNotWaitForAStalledBodyInRowsMode() throws Exception {
        template.sendBody("dfinery:event", spread(1, 30));
        service().faults(ApiKind.EXPORT).failNext(1, Fault.stallBody(100, STALL));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumer("")).routeId("stalled-rows").process(e -> received.add(e.getMessage().getBody()));
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> exportCalls() >= 1);

        long took = stopContext("rows mode, a stalled body");

        assertThat(took).isLessThan(30_000);
        assertThat(received).as("the body stalled before its first row").isEmpty();
        assertThat(cursors.getState("stop")).isNull();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().contains("dfinery://export") && t.isAlive()));
    }

    @Test
    void aContextStopDoesNotWaitForAnAnswerThatDoesNotCome() throws Exception {
        template.sendBody("dfinery:event", spread(1, 30));
        service().faults(ApiKind.EXPORT).failNext(1, Fault.delay(STALL));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumer("&requestTimeout=120000")).routeId("no-answer")
                        .process(e -> received.add(e.getMessage().getBody()));
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> exportCalls() >= 1);

        long took = stopContext("rows mode, no answer to the export call");

        assertThat(took).isLessThan(30_000);
        assertThat(cursors.getState("stop")).isNull();
    }
}
