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
package io.github.cameldfinery.emulator.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameldfinery.emulator.DfineryEmulator;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;

/**
 * Measures how many 100-event requests the emulator takes per second on loopback, with the client in the same
 * JVM keeping both cores busy. Arguments: requests (default 3000), client threads (default 8).
 */
public final class EmulatorThroughput {

    private EmulatorThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        try (DfineryEmulator emulator = DfineryEmulator.start(new EmulatorConfig().requestLogSize(0)
                .service(new ServiceConfig("bench", "import", "export")))) {
            List<String> bodies = new ArrayList<>(requests);
            for (int i = 0; i < requests; i++) {
                bodies.add(body("user-" + (i % 1000)));
            }
            long bytes = bodies.stream().mapToLong(String::length).sum();
            ExecutorService clientThreads = Executors.newFixedThreadPool(2);
            HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
            URI uri = URI.create(emulator.baseUri() + "/api/v1/events?service_id=bench");
            run(http, uri, bodies.subList(0, Math.min(300, requests)), threads); // warm-up
            emulator.reset();
            long start = System.nanoTime();
            int ok = run(http, uri, bodies, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            long stored = emulator.service("bench").stats().eventsStored();
            System.out.printf("requests=%d ok=%d threads=%d seconds=%.2f%n", requests, ok, threads, seconds);
            System.out.printf("requests/s=%.0f events/s=%.0f MB/s=%.1f avgBody=%d bytes stored=%d%n",
                    requests / seconds, requests * 100 / seconds, bytes / seconds / 1e6, bytes / requests, stored);
            clientThreads.shutdown();
        }
    }

    private static int run(HttpClient http, URI uri, List<String> bodies, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                int ok = 0;
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .header("access_token", "import").POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
                            .build();
                    if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        ok++;
                    }
                }
                return ok;
            }));
        }
        int ok = 0;
        for (Future<Integer> result : results) {
            ok += result.get();
        }
        pool.shutdown();
        return ok;
    }

    /** 100 events of about 1 KB each, as the benchmarks of the component send them. */
    static String body(String user) {
        StringBuilder body = new StringBuilder(110_000);
        body.append("{\"common\":{\"identity\":{\"external_id\":\"").append(user).append("\"}},\"events\":[");
        for (int e = 0; e < 100; e++) {
            body.append(e == 0 ? "" : ",").append("{\"event_log_id\":\"").append(UUID.randomUUID())
                    .append("\",\"event_name\":\"df_purchase\",\"event_datetime\":\"2026-11-27T10:15:30.123Z\",")
                    .append("\"event_items\":[{\"df_item_id\":\"SKU-").append(e).append("\",\"df_item_name\":\"")
                    .append("A fairly descriptive product name for padding the event to about one kilobyte ".repeat(8))
                    .append("\",\"df_price\":12900.0,\"df_quantity\":1}],")
                    .append("\"event_properties\":{\"df_order_id\":\"order-").append(e)
                    .append("\",\"df_total_purchase_amount\":12900.0,\"df_payment_method\":\"card\"}}");
        }
        return body.append("]}").toString();
    }
}
