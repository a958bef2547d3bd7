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
package io.github.cameldfinery.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.DfineryConstants;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryItem;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * Event ingestion against one emulator (in its own JVM), every path side by side in one run, in several rounds in
 * rotating order, each path on a reset emulator with both heaps collected first:
 * <ul>
 * <li>a: a dfinery:event route fed typed events (built inside the clock);</li>
 * <li>a-map: the same route fed the API's request shape as Maps (built inside the clock);</li>
 * <li>a-json: the same route fed JSON text, as it arrives from HTTP or a queue (serialised before the clock);</li>
 * <li>b: the same work by hand with camel-http and camel-jackson (Maps built inside the clock);</li>
 * <li>c: raw java.net.http, blocking send, bodies serialised before the clock: the transport alone;</li>
 * <li>c2 (c'): the typed events built inside the clock, written with a plain Jackson JsonGenerator and posted with
 * blocking send: the ceiling for any path that must build JSON.</li>
 * </ul>
 * All paths keep the same number of requests in flight. Arguments: emulator base URI, events (default 1,000,000),
 * requests in flight (default 8), rounds (default 3), paths (default a,a-map,a-json,b,c,c2).
 */
public final class Ingestion {

    static final String SERVICE = "bench";
    static final String IMPORT = "bench-import";
    static final JsonFactory JSON = new JsonFactory();

    private Ingestion() {
    }

    /** The outcome of one path in one round. */
    record Result(String path, long events, long requests, Stats stats) {
        double eventsPerSecond() {
            return events / stats.seconds();
        }

        double cpuPerEvent() {
            return stats.cpuMillisPer1000(events);
        }

        String line() {
            return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.1f | %.1f | %,.0f | %d | %.1f | %.1f |", path,
                    eventsPerSecond(), requests / stats.seconds(), events / (double) requests, cpuPerEvent(),
                    stats.allocatedPerEvent(events), stats.threadsStarted(), stats.percentileMillis(0.50),
                    stats.percentileMillis(0.99));
        }
    }

    /** One path: how to run it for a number of batches. */
    @FunctionalInterface
    interface PathRun {
        Result run(int batches) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<String> paths = List.of((args.length > 4 ? args[4] : "a,a-map,a-json,b,c,c2").split(","));
        int batches = events / Workload.BATCH;
        CamelContext context = context(base);
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, PathRun> runs = new LinkedHashMap<>();
        runs.put("a", n -> viaCamel("a", template, "direct:component", n, inFlight, Workload::typed,
                Ingestion::requestsSent));
        runs.put("a-map", n -> viaCamel("a-map", template, "direct:component", n, inFlight, Workload::requestMap,
                Ingestion::requestsSent));
        runs.put("a-json", n -> {
            List<byte[]> bodies = prepare(n);
            return viaCamel("a-json", template, "direct:component", n, inFlight, bodies::get, Ingestion::requestsSent);
        });
        runs.put("b", n -> viaCamel("b", template, "direct:camel-http", n, inFlight, Workload::requestMap, e -> 1));
        runs.put("c", n -> raw("c", http, base, inFlight, prepare(n)::get, n));
        runs.put("c2", n -> raw("c2", http, base, inFlight, Ingestion::writeTyped, n));

        // Warm every path first (a fifth of the work each), so that none pays for the JIT compiling code it shares
        // with the others (Jackson, the HTTP client, Camel).
        int warm = Math.max(20, batches / 5);
        for (String path : paths) {
            runs.get(path).run(warm);
        }
        Map<String, List<Result>> results = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "events=%d batches=%d inFlight=%d rounds=%d cpus=%d%n", events, batches, inFlight,
                rounds, Runtime.getRuntime().availableProcessors());
        System.out.println(HEADER);
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < paths.size(); k++) {
                String path = paths.get((k + round) % paths.size());
                collectGarbage(http, base);
                reset(http, base);
                Result result = runs.get(path).run(batches);
                check(http, base, (long) batches * Workload.BATCH);
                results.computeIfAbsent(path, p -> new ArrayList<>()).add(result);
                System.out.println(result.line().replaceFirst("\\| ", "| r" + (round + 1) + " "));
            }
        }
        if (Boolean.getBoolean("bench.threads")) {
            threadCpu();
        }
        context.stop();
        summary(results);
    }

    static final String HEADER = "| Path | Events/s | Requests/s | Events/request | Client CPU ms per 1,000 events "
                                 + "| Bytes allocated per event | Threads started | p50 ms | p99 ms |\n"
                                 + "|---|---|---|---|---|---|---|---|---|";

    /** CPU time per thread group (names with digits folded), to see where a path's CPU goes. */
    static void threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                cpu.merge(info.getThreadName().replaceAll("\\d+", "#"),
                        threads.getThreadCpuTime(info.getThreadId()) / 1_000_000, Long::sum);
            }
        }
        cpu.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(12)
                .forEach(e -> System.out.println("cpu ms " + e.getValue() + " " + e.getKey()));
    }

    /** Medians of the rounds, with the range of events/s, and the ratios the targets are stated in. */
    static void summary(Map<String, List<Result>> results) {
        System.out.println();
        System.out.println("| Path | Events/s, median (min-max) | Client CPU ms per 1,000 events, median "
                           + "| Bytes allocated per event, median |");
        System.out.println("|---|---|---|---|");
        Map<String, Double> rate = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        results.forEach((path, list) -> {
            double[] rates = list.stream().mapToDouble(Result::eventsPerSecond).sorted().toArray();
            rate.put(path, median(rates));
            cpu.put(path, median(list.stream().mapToDouble(Result::cpuPerEvent).sorted().toArray()));
            double alloc = median(list.stream().mapToDouble(r -> r.stats().allocatedPerEvent(r.events())).sorted()
                    .toArray());
            System.out.printf(Locale.ROOT, "| %s | %,.0f (%,.0f-%,.0f) | %.1f | %,.0f |%n", path, rate.get(path), rates[0],
                    rates[rates.length - 1], cpu.get(path), alloc);
        });
        System.out.println();
        ratio("a/b events/s", rate, "a", "b");
        ratio("a/c2 events/s", rate, "a", "c2");
        ratio("a-map/a events/s", rate, "a-map", "a");
        ratio("a-json/a events/s", rate, "a-json", "a");
        ratio("a/c events/s", rate, "a", "c");
        ratio("a/b client CPU per event", cpu, "a", "b");
    }

    private static void ratio(String name, Map<String, Double> values, String x, String y) {
        if (values.containsKey(x) && values.containsKey(y)) {
            System.out.printf(Locale.ROOT, "%s = %.2f%n", name, values.get(x) / values.get(y));
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static int requestsSent(Exchange exchange) {
        return exchange.getMessage().getHeader(DfineryConstants.REQUEST_COUNT, Integer.class);
    }

    static CamelContext context(URI base) throws Exception {
        CamelContext context = new DefaultCamelContext();
        DfineryComponent dfinery = new DfineryComponent();
        dfinery.getConfiguration().setBaseUri(base.toString());
        dfinery.getConfiguration().setServiceId(SERVICE);
        dfinery.getConfiguration().setAccessToken(IMPORT);
        dfinery.getConfiguration().setEventQuota(100_000_000);
        context.addComponent("dfinery", dfinery);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:component").to("dfinery:event");
                from("direct:camel-http")
                        .marshal().json(JsonLibrary.Jackson)
                        .setHeader("access_token", constant(IMPORT))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .to(base + "/api/v1/events?service_id=" + SERVICE)
                        .unmarshal().json(JsonLibrary.Jackson, Map.class)
                        .process(e -> {
                            if (!"20000".equals(e.getMessage().getBody(Map.class).get("code"))) {
                                throw new IllegalStateException("DFINERY refused: " + e.getMessage().getBody());
                            }
                        });
            }
        });
        return context;
    }

    static Result viaCamel(String name, ProducerTemplate template, String uri, int batches, int inFlight,
                           IntFunction<Object> body, java.util.function.Function<Exchange, Integer> requestsOf)
            throws Exception {
        Semaphore slots = new Semaphore(inFlight);
        AtomicLong requests = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        Stats stats = new Stats(batches);
        // Completed exchanges are not kept: holding 10,000 of them (and their bodies) would measure the GC.
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(batches);
        for (int i = 0; i < batches; i++) {
            slots.acquire();
            Object payload = body.apply(i);
            long start = System.nanoTime();
            template.asyncSend(uri, e -> e.getMessage().setBody(payload)).whenComplete((exchange, failure) -> {
                stats.latency(System.nanoTime() - start);
                if (failure != null || exchange.getException() != null) {
                    failures.incrementAndGet();
                } else {
                    requests.addAndGet(requestsOf.apply(exchange));
                }
                slots.release();
                done.countDown();
            });
        }
        done.await();
        stats.stop();
        if (failures.get() > 0) {
            throw new IllegalStateException(name + ": " + failures.get() + " failed exchanges");
        }
        return new Result(name, (long) batches * Workload.BATCH, requests.get(), stats);
    }

    /** The bodies the raw loop posts, serialised before the clock starts. */
    static List<byte[]> prepare(int batches) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<byte[]> bodies = new ArrayList<>(batches);
        for (int i = 0; i < batches; i++) {
            bodies.add(mapper.writeValueAsBytes(Workload.requestMap(i)));
        }
        return bodies;
    }

    /**
     * Blocking sends from {@code inFlight} threads; {@code body} gives batch i's request bytes (looked up, or built and
     * written inside the clock).
     */
    static Result raw(String name, HttpClient http, URI base, int inFlight, IntFunction<byte[]> body, int batches)
            throws Exception {
        URI uri = URI.create(base + "/api/v1/events?service_id=" + SERVICE);
        Stats stats = new Stats(batches);
        ExecutorService pool = Executors.newFixedThreadPool(inFlight);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < inFlight; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < batches; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json").header("access_token", IMPORT)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.apply(i))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    stats.latency(System.nanoTime() - start);
                    if (!response.body().contains("\"20000\"")) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        stats.stop();
        pool.shutdown();
        if (failures.get() > 0) {
            throw new IllegalStateException(name + ": " + failures.get() + " failed requests");
        }
        return new Result(name, (long) batches * Workload.BATCH, batches, stats);
    }

    /** Batch i's typed events, built now and written by hand with a plain JsonGenerator in the API's shape. */
    static byte[] writeTyped(int batch) {
        return writeTyped(Workload.typed(batch));
    }

    /** Typed events of one user written by hand with a plain JsonGenerator, no checks: the floor for writing them. */
    static byte[] writeTyped(List<DfineryEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 * 1024);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeObjectFieldStart("common");
            json.writeObjectFieldStart("identity");
            for (Map.Entry<String, String> id : events.get(0).getIdentity().identifiers().entrySet()) {
                json.writeStringField(id.getKey(), id.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("events");
            for (DfineryEvent event : events) {
                json.writeStartObject();
                json.writeStringField("event_log_id", event.getEventLogId());
                json.writeStringField("event_name", event.getEventName());
                json.writeStringField("event_datetime", ((Instant) event.getDatetime()).toString());
                json.writeArrayFieldStart("event_items");
                for (DfineryItem item : event.getItems()) {
                    writeValues(json, item.properties());
                }
                json.writeEndArray();
                json.writeFieldName("event_properties");
                writeValues(json, event.getProperties());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeValues(JsonGenerator json, Map<String, Object> values) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Object> value : values.entrySet()) {
            json.writeFieldName(value.getKey());
            Object v = value.getValue();
            if (v instanceof String) {
                json.writeString((String) v);
            } else if (v instanceof Double) {
                json.writeNumber((Double) v);
            } else {
                json.writeNumber(((Number) v).longValue());
            }
        }
        json.writeEndObject();
    }

    /** A full collection in both JVMs, so that no path pays for the garbage of the one before. */
    static void collectGarbage(HttpClient http, URI base) throws Exception {
        System.gc();
        http.send(HttpRequest.newBuilder(base.resolve("/_emulator/gc")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    static void reset(HttpClient http, URI base) throws Exception {
        http.send(HttpRequest.newBuilder(base.resolve("/_emulator/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Every event of the path arrived. */
    static void check(HttpClient http, URI base, long events) throws Exception {
        String stats = http.send(HttpRequest.newBuilder(base.resolve("/_emulator/stats")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        if (!stats.contains("\"eventsStored\":" + events + ",")) {
            throw new IllegalStateException("The emulator did not store " + events + " events: " + stats);
        }
    }
}
