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
package io.github.cameldfinery.component.metrics;

import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import io.github.cameldfinery.component.api.DfineryApi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The component's measurements as Micrometer meters, named after Micrometer's conventions ({@code dfinery.requests},
 * {@code dfinery.request.duration}, …, base units) and tagged by service and API kind, and outcome where it applies.
 * Only loaded when Micrometer is on the classpath.
 */
public final class MicrometerDfineryMetrics implements DfineryMetrics {

    private final MeterRegistry registry;

    public MicrometerDfineryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    @Override
    public void request(String serviceId, DfineryApi api, String outcome, long nanos, int events, int items) {
        counter("dfinery.requests", "HTTP requests sent to DFINERY's import APIs", null,
                "service", serviceId, "api", api.name(), "outcome", outcome).increment();
        Timer.builder("dfinery.request.duration").description("Time from sending a request to its answer")
                .publishPercentiles(0.5, 0.95, 0.99)
                .tags("service", serviceId, "api", api.name(), "outcome", outcome).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        if ("success".equals(outcome)) {
            counter("dfinery.events.sent", "Events (or identity and profile records) DFINERY took", null,
                    "service", serviceId, "api", api.name()).increment(events);
            if (items > 0) {
                counter("dfinery.items.sent", "Event items DFINERY took", null, "service", serviceId, "api", api.name())
                        .increment(items);
            }
        }
    }

    @Override
    public void retry(String serviceId, DfineryApi api) {
        counter("dfinery.retries", "Requests sent again after a transient failure", null,
                "service", serviceId, "api", api.name()).increment();
    }

    @Override
    public void failure(String serviceId, DfineryApi api, String type) {
        counter("dfinery.failures", "Messages that failed for good, by kind of failure", null,
                "service", serviceId, "api", api.name(), "type", type).increment();
    }

    @Override
    public void rateLimited(String serviceId, DfineryApi api, String code) {
        counter("dfinery.rate.limited", "Answers saying the limit is spent (429, 40401)", null,
                "service", serviceId, "api", api.name(), "code", code).increment();
    }

    @Override
    public void quotaWait(String serviceId, DfineryApi api, long nanos) {
        Timer.builder("dfinery.quota.wait").description("Time requests were held by the quota guard")
                .tags("service", serviceId, "api", api.name()).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void quotaRefused(String serviceId, DfineryApi api) {
        counter("dfinery.quota.refused", "Requests the quota guard refused (nothing sent)", null,
                "service", serviceId, "api", api.name()).increment();
    }

    @Override
    public void quotaRemaining(String serviceId, DfineryApi api, DoubleSupplier remaining) {
        gauge("dfinery.quota.remaining", "Requests left in the current window", null, remaining,
                "service", serviceId, "api", api.name());
    }

    @Override
    public void export(String serviceId, String dataset, String outcome, long rows, long bytes) {
        counter("dfinery.export.calls", "Export calls", null, "service", serviceId, "dataset", dataset, "outcome", outcome)
                .increment();
        counter("dfinery.export.rows", "Rows delivered to the route", null, "service", serviceId, "dataset", dataset)
                .increment(rows);
        counter("dfinery.export.bytes", "Bytes of CSV received", "bytes", "service", serviceId, "dataset", dataset)
                .increment(bytes);
    }

    @Override
    public void exportWindow(String serviceId, boolean completed) {
        counter("dfinery.export.windows", "Export windows completed or to be exported again", null,
                "service", serviceId, "outcome", completed ? "completed" : "retried").increment();
    }

    @Override
    public void exportFormatError(String serviceId, String action) {
        counter("dfinery.export.format.errors", "Export windows whose body was not the expected CSV", null,
                "service", serviceId, "action", action).increment();
    }

    @Override
    public void exportColumnMissing(String serviceId, String dataset, String column) {
        counter("dfinery.export.columns.missing", "Export calls whose CSV lacks a documented column", null,
                "service", serviceId, "dataset", dataset, "column", column).increment();
    }

    @Override
    public void exportColumnsAdded(String serviceId, String dataset) {
        counter("dfinery.export.columns.added", "Export calls whose CSV has columns nobody asked for", null,
                "service", serviceId, "dataset", dataset).increment();
    }

    @Override
    public void exportCursorLag(String serviceId, String cursorKey, DoubleSupplier days) {
        gauge("dfinery.export.cursor.lag", "Closed days the export cursor is behind", "days", days,
                "service", serviceId, "cursor", cursorKey);
    }

    /** The counter of this name and these tags: made on first use, the same one after (the registry keeps it). */
    private Counter counter(String name, String description, String baseUnit, String... tags) {
        return Counter.builder(name).description(description).baseUnit(baseUnit).tags(tags).register(registry);
    }

    /**
     * A gauge that reads {@code value}. A gauge of the same name and tags from before (a context or route started
     * again: a new guard, a new consumer) is replaced, as the registry would otherwise keep reading the old one.
     * Strongly held: Micrometer holds a gauge's object weakly unless told otherwise.
     */
    private void gauge(String name, String description, String baseUnit, DoubleSupplier value, String... tags) {
        registry.find(name).tags(tags).meters().forEach(registry::remove);
        Gauge.builder(name, value, DoubleSupplier::getAsDouble).strongReference(true).description(description)
                .baseUnit(baseUnit).tags(tags).register(registry);
    }
}
