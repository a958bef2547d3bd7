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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.quota.LocalQuotaStore;
import io.github.cameldfinery.component.quota.RequestCount;
import io.github.cameldfinery.component.quota.StoredRequestCount;
import io.github.cameldfinery.component.spi.DfineryQuotaStore;
import io.github.cameldfinery.redis.RedisQuotaStore;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The cost of counting the quota in Redis (on loopback) against counting it in the JVM: one event per request,
 * so the guard's share of each request is as large as it gets. Two measures, side by side in one run, rounds in
 * rotating order: requests through {@code dfinery:event} at a number in flight (requests/s, latency, client CPU), and
 * the counter alone ({@code take} in a loop: the time the guard adds to each request). Arguments: emulator base URI,
 * Redis URI, requests per path (default 20000), in flight (default 8), rounds (default 3).
 */
public final class GuardCost {

    /** A limit per hour that no loop reaches. */
    private static final long TAKE_LIMIT = 1_000_000_000_000L;

    private GuardCost() {
    }

    public static void main(String[] args) throws Exception {
        URI emulator = URI.create(args[0]);
        String redis = args[1];
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int inFlight = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Map<String, List<double[]>> results = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            List<String> order = round % 2 == 0 ? List.of("local", "shared") : List.of("shared", "local");
            for (String path : order) {
                double[] figures = requests(emulator, path.equals("shared") ? redis : null, requests, inFlight);
                double take = takeMicros(path.equals("shared") ? redis : null, 20_000);
                results.computeIfAbsent(path, p -> new ArrayList<>())
                        .add(new double[] { figures[0], figures[1], figures[2], figures[3], take });
                System.out.printf("round %d %s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, CPU %.1f ms/1000, take %.1f us%n",
                        round + 1, path, figures[0], figures[1], figures[2], figures[3], take);
            }
        }
        System.out.println("| Guard | Requests/s | p50 latency ms | p99 latency ms | Client CPU ms per 1,000 requests | "
                           + "take() µs |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, List<double[]>> entry : results.entrySet()) {
            System.out.printf("| %s | %s | %s | %s | %s | %s |%n", entry.getKey(), cell(entry.getValue(), 0, "%.0f"),
                    cell(entry.getValue(), 1, "%.2f"), cell(entry.getValue(), 2, "%.2f"), cell(entry.getValue(), 3, "%.1f"),
                    cell(entry.getValue(), 4, "%.1f"));
        }
        double ratio = median(results.get("shared"), 0) / median(results.get("local"), 0);
        System.out.printf("shared/local requests/s = %.2f; latency added per request (p50) = %.2f ms; take() %.1f vs %.1f us%n",
                ratio, median(results.get("shared"), 1) - median(results.get("local"), 1),
                median(results.get("shared"), 4), median(results.get("local"), 4));
    }

    /** Requests/s, p50 and p99 latency (ms), client CPU per 1,000 requests (ms). */
    static double[] requests(URI emulator, String redis, int requests, int inFlight) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            DfineryComponent component = new DfineryComponent();
            component.getConfiguration().setBaseUri(emulator.toString());
            component.getConfiguration().setServiceId("bench");
            component.getConfiguration().setAccessToken("bench-import");
            component.getConfiguration().setEventQuota(100_000_000);
            if (redis != null) {
                component.setQuotaStoreUri(redis);
            }
            context.addComponent("dfinery", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to("dfinery:event");
                }
            });
            context.start();
            send(context, requests / 5, inFlight, null);
            Stats stats = new Stats(requests);
            send(context, requests, inFlight, stats);
            stats.stop();
            return new double[] { requests / stats.seconds(), stats.percentileMillis(0.5), stats.percentileMillis(0.99),
                    stats.cpuMillisPer1000(requests) };
        }
    }

    static void send(CamelContext context, int requests, int inFlight, Stats stats) throws Exception {
        Semaphore slots = new Semaphore(inFlight);
        var template = context.createProducerTemplate();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            DfineryEvent event = DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("u" + i % 100))
                    .build();
            slots.acquire();
            long start = System.nanoTime();
            CompletableFuture<Exchange> done = template.asyncSend("direct:in", e -> e.getMessage().setBody(event));
            sent.add(done.whenComplete((exchange, failure) -> {
                if (stats != null) {
                    stats.latency(System.nanoTime() - start);
                }
                slots.release();
                if (failure != null || exchange.getException() != null) {
                    throw new IllegalStateException("a request failed", failure != null ? failure : exchange.getException());
                }
            }));
        }
        for (CompletableFuture<Exchange> future : sent) {
            future.join();
        }
    }

    /** Microseconds per {@code take()} of the request count alone, single-threaded, after a warm-up. */
    static double takeMicros(String redis, int takes) {
        DfineryQuotaStore store = redis == null ? new LocalQuotaStore() : new RedisQuotaStore(redis);
        if (store instanceof RedisQuotaStore) {
            ((RedisQuotaStore) store).start();
        }
        try {
            RequestCount count = new StoredRequestCount(store.value("bench-take-" + System.nanoTime() + ":event"),
                    TAKE_LIMIT, Duration.ofHours(1), Clock.systemUTC());
            count.observe(TAKE_LIMIT - 1, Instant.now().plus(Duration.ofHours(1)), true);
            for (int i = 0; i < takes / 4; i++) {
                count.take(1);
            }
            long start = System.nanoTime();
            for (int i = 0; i < takes; i++) {
                if (count.take(1).taken() != 1) {
                    throw new IllegalStateException("not granted");
                }
            }
            return (System.nanoTime() - start) / 1e3 / takes;
        } finally {
            if (store instanceof RedisQuotaStore) {
                ((RedisQuotaStore) store).stop();
            }
        }
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }

    private static String cell(List<double[]> rows, int column, String format) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return String.format(format + " (" + format + "–" + format + ")", values[values.length / 2], values[0],
                values[values.length - 1]);
    }
}
