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

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.cameldfinery.component.DfineryComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Export through a route with a small heap. Needs an emulator in another process (its heap holds the data):
 * {@code ExportMemory <emulator base URI> <rows> <mode: component|naive|seed>}. Prints rows, seconds, rows per
 * second and peak heap. Run this JVM with a small -Xmx to show the component streams.
 */
public final class ExportMemory {

    static final String SERVICE = "bench";
    static final String IMPORT = "bench-import";
    static final String EXPORT = "bench-export";

    private ExportMemory() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int rows = Integer.parseInt(args[1]);
        String mode = args[2];
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        if (mode.equals("seed")) {
            long start = System.nanoTime();
            Seeder.events(base, SERVICE, IMPORT, day, rows);
            System.out.printf("seeded %d events in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
            return;
        }
        Heap.resetPeak();
        long start = System.nanoTime();
        long count = mode.equals("naive") ? naive(base, day) : component(base, day);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("mode=%s rows=%d seconds=%.1f rows/s=%.0f peakHeapMB=%.1f maxHeapMB=%.0f%n", mode, count,
                seconds, count / seconds, Heap.peakBytes() / 1e6, Heap.maxBytes() / 1e6);
        if (count != rows) {
            throw new IllegalStateException("expected " + rows + " rows, got " + count);
        }
    }

    /** The component: one exchange per row through a route, streamed. */
    static long component(URI base, LocalDate day) throws Exception {
        CamelContext context = new DefaultCamelContext();
        DfineryComponent dfinery = new DfineryComponent();
        dfinery.getConfiguration().setBaseUri(base.toString());
        dfinery.getConfiguration().setServiceId(SERVICE);
        dfinery.getConfiguration().setBearerToken(EXPORT);
        dfinery.getConfiguration().setRequestTimeout(600_000);
        context.addComponent("dfinery", dfinery);
        AtomicLong rows = new AtomicLong();
        AtomicLong amount = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?startDate=" + day + "&initialDelay=0&delay=3600000")
                        .process(e -> {
                            Map<?, ?> row = e.getMessage().getBody(Map.class);
                            amount.addAndGet(row.get("df_order_id").toString().length());
                            rows.incrementAndGet();
                            if (Boolean.TRUE.equals(e.getMessage().getHeader("CamelDfineryExportLastRow"))) {
                                done.countDown();
                            }
                        });
            }
        });
        context.start();
        if (!done.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("export did not finish");
        }
        context.stop();
        return rows.get();
    }

    /** What users write by hand: the whole body into a String, split into lines and fields. */
    static long naive(URI base, LocalDate day) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"events_condition_type\":\"all\",\"from_date\":\"" + day + "\",\"to_date\":\"" + day + "\"}";
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/export/event?service_id=" + SERVICE)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + EXPORT).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        String csv = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        String[] lines = csv.split("\n");
        long rows = 0;
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                lines[i].split(",");
                rows++;
            }
        }
        return rows;
    }
}
