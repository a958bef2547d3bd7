package io.github.cameldfinery.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.DfineryConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * Event ingestion through three paths against one emulator (in its own JVM), side by side in one run:
 * (a) a dfinery:event route, (b) the same work by hand with camel-http and camel-jackson, (c) a raw
 * java.net.http loop posting pre-serialised bodies, the ceiling; (d) the same loop with sendAsync, to weigh the
 * asynchronous client on its own. Arguments: emulator base URI, events (default 1,000,000), requests in flight
 * (default 8), paths (default abc).
 */
public final class Ingestion {

    static final String SERVICE = "bench";
    static final String IMPORT = "bench-import";

    private Ingestion() {
    }

    /** The outcome of one path. */
    record Result(String path, long events, long requests, Stats stats) {
        String line() {
            return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.1f | %.1f | %,.0f | %.1f | %.1f |", path,
                    events / stats.seconds(), requests / stats.seconds(), events / (double) requests,
                    stats.cpuMillisPer1000(events), stats.allocatedPerEvent(events), stats.percentileMillis(0.50),
                    stats.percentileMillis(0.99));
        }
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        String paths = args.length > 3 ? args[3] : "abc";
        int batches = events / Workload.BATCH;
        CamelContext context = context(base);
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        HttpClient http = HttpClient.newHttpClient();

        // Warm-up of every path, then the measured runs, each on a reset emulator.
        // Warm every path first (a fifth of the work each), so that no path pays for the JIT compiling the code it
        // shares with the others (Jackson, the HTTP client, Camel), then measure each on a reset emulator.
        int warm = Math.max(20, batches / 5);
        List<Result> results = new ArrayList<>();
        if (paths.contains("a")) {
            component(template, warm, inFlight);
        }
        if (paths.contains("b")) {
            camelHttp(template, warm, inFlight);
        }
        if (paths.contains("c")) {
            raw(http, base, prepare(warm), inFlight);
        }
        if (paths.contains("a")) {
            reset(http, base);
            results.add(component(template, batches, inFlight));
            check(http, base, events);
        }
        if (paths.contains("b")) {
            reset(http, base);
            results.add(camelHttp(template, batches, inFlight));
            check(http, base, events);
        }
        if (paths.contains("c")) {
            List<byte[]> bodies = prepare(batches);
            reset(http, base);
            results.add(raw(http, base, bodies, inFlight));
            check(http, base, events);
        }
        if (paths.contains("d")) {
            List<byte[]> bodies = prepare(batches);
            rawAsync(http, base, prepare(warm), inFlight);
            reset(http, base);
            results.add(rawAsync(http, base, bodies, inFlight));
            check(http, base, events);
        }
        if (Boolean.getBoolean("bench.threads")) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            java.util.Map<String, Long> cpu = new java.util.TreeMap<>();
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null) {
                    cpu.merge(info.getThreadName().replaceAll("\\d+", "#"), threads.getThreadCpuTime(info.getThreadId()) / 1_000_000,
                            Long::sum);
                }
            }
            cpu.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(12)
                    .forEach(e -> System.out.println("cpu ms " + e.getValue() + " " + e.getKey()));
        }
        context.stop();

        System.out.printf(Locale.ROOT, "events=%d batches=%d inFlight=%d%n", events, batches, inFlight);
        System.out.println("| Path | Events/s | Requests/s | Events/request | CPU ms per 1,000 events "
                           + "| Bytes allocated per event | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        results.forEach(r -> System.out.println(r.line()));
        if (results.size() < 3) {
            return;
        }
        double a = results.get(0).events() / results.get(0).stats().seconds();
        double b = results.get(1).events() / results.get(1).stats().seconds();
        double c = results.get(2).events() / results.get(2).stats().seconds();
        System.out.printf(Locale.ROOT, "a/c = %.2f   a/b = %.2f%n", a / c, a / b);
    }

    static CamelContext context(URI base) throws Exception {
        CamelContext context = new DefaultCamelContext();
        DfineryComponent dfinery = new DfineryComponent();
        dfinery.getConfiguration().setBaseUri(base.toString());
        dfinery.getConfiguration().setServiceId(SERVICE);
        dfinery.getConfiguration().setImportToken(IMPORT);
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

    static Result component(ProducerTemplate template, int batches, int inFlight) throws Exception {
        return viaCamel("a. dfinery:event route", template, "direct:component", batches, inFlight, Workload::typed,
                exchange -> exchange.getMessage().getHeader(DfineryConstants.REQUEST_COUNT, Integer.class));
    }

    static Result camelHttp(ProducerTemplate template, int batches, int inFlight) throws Exception {
        return viaCamel("b. camel-http + camel-jackson", template, "direct:camel-http", batches, inFlight,
                Workload::requestMap, exchange -> 1);
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

    static Result raw(HttpClient http, URI base, List<byte[]> bodies, int inFlight) throws Exception {
        URI uri = URI.create(base + "/api/v1/events?service_id=" + SERVICE);
        Stats stats = new Stats(bodies.size());
        ExecutorService pool = Executors.newFixedThreadPool(inFlight);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < inFlight; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json").header("access_token", IMPORT)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    stats.latency(System.nanoTime() - start);
                    if (!response.body().contains("\"20000\"")) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> worker : workers) {
            worker.get();
        }
        stats.stop();
        pool.shutdown();
        if (failures.get() > 0) {
            throw new IllegalStateException("raw: " + failures.get() + " failed requests");
        }
        return new Result("c. raw java.net.http, pre-serialised", (long) bodies.size() * Workload.BATCH, bodies.size(), stats);
    }

    /** As {@link #raw}, with sendAsync and a semaphore instead of blocking threads: the component's way. */
    static Result rawAsync(HttpClient http, URI base, List<byte[]> bodies, int inFlight) throws Exception {
        URI uri = URI.create(base + "/api/v1/events?service_id=" + SERVICE);
        Stats stats = new Stats(bodies.size());
        Semaphore slots = new Semaphore(inFlight);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(bodies.size());
        for (byte[] body : bodies) {
            slots.acquire();
            long start = System.nanoTime();
            http.sendAsync(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("access_token", IMPORT).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, f) -> {
                        stats.latency(System.nanoTime() - start);
                        slots.release();
                        done.countDown();
                    });
        }
        done.await();
        stats.stop();
        return new Result("d. raw java.net.http sendAsync, pre-serialised", (long) bodies.size() * Workload.BATCH,
                bodies.size(), stats);
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
