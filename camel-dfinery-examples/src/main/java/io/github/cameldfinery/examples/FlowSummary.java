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
package io.github.cameldfinery.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.cameldfinery.component.DfineryConstants;
import org.apache.camel.Exchange;

/**
 * What the offline-store flow did, counted from the component's own result headers: records read, requests sent
 * (retries included), events DFINERY accepted, and the rows the export brought back, written as a CSV report.
 */
public class FlowSummary {

    private final AtomicLong recordsRead = new AtomicLong();
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong eventsAccepted = new AtomicLong();
    private final List<Map<String, String>> exported = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Path report;

    public FlowSummary(Path report) {
        this.report = report;
    }

    /** Counts the records of a file just read (the body is the list of rows). */
    public void read(Exchange exchange) {
        recordsRead.addAndGet(exchange.getMessage().getBody(Collection.class).size());
    }

    /** Counts what one dfinery producer call sent, from its result headers. */
    public void sent(Exchange exchange) {
        String api = exchange.getFromRouteId() + ":" + exchange.getProperty(Exchange.TO_ENDPOINT, String.class);
        int requestCount = exchange.getMessage().getHeader(DfineryConstants.REQUEST_COUNT, 0, Integer.class);
        int attempts = exchange.getMessage().getHeader(DfineryConstants.ATTEMPT_COUNT, 0, Integer.class);
        requests.computeIfAbsent(apiOf(api), key -> new AtomicLong()).addAndGet(requestCount);
        retries.addAndGet(attempts - requestCount);
        List<?> ids = exchange.getMessage().getHeader(DfineryConstants.EVENT_LOG_IDS, List.class);
        if (ids != null) {
            eventsAccepted.addAndGet(ids.size());
        }
    }

    /** Keeps one exported row for the report. */
    public void exported(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, String> row = exchange.getMessage().getBody(Map.class);
        exported.add(row);
    }

    /** Called when the export has nothing more to give: writes the report and releases {@link #await}. */
    public void exportFinished() {
        try {
            Files.createDirectories(report.toAbsolutePath().getParent());
            if (!exported.isEmpty()) {
                CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
                exported.get(0).keySet().forEach(schema::addColumn);
                try (SequenceWriter writer = new CsvMapper().writer(schema.build()).writeValues(report.toFile())) {
                    writer.writeAll(exported);
                }
            } else {
                Files.writeString(report, "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finished.countDown();
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    public long recordsRead() {
        return recordsRead.get();
    }

    public long requests(String api) {
        return requests.getOrDefault(api, new AtomicLong()).get();
    }

    public long requestsSent() {
        return requests.values().stream().mapToLong(AtomicLong::get).sum() + retries.get();
    }

    public long retries() {
        return retries.get();
    }

    public long eventsAccepted() {
        return eventsAccepted.get();
    }

    public List<Map<String, String>> exportedRows() {
        return new ArrayList<>(exported);
    }

    public Path report() {
        return report;
    }

    private static String apiOf(String endpoint) {
        for (String api : new String[] { "identity", "profile", "event" }) {
            if (endpoint.contains("dfinery://" + api)) {
                return api;
            }
        }
        return "other";
    }
}
