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
        Counter.builder("dfinery.requests").description("HTTP requests sent to DFINERY's import APIs")
                .tags("service", serviceId, "api", api.name(), "outcome", outcome).register(registry).increment();
        Timer.builder("dfinery.request.duration").description("Time from sending a request to its answer")
                .publishPercentiles(0.5, 0.95, 0.99)
                .tags("service", serviceId, "api", api.name(), "outcome", outcome).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        if ("success".equals(outcome)) {
            Counter.builder("dfinery.events.sent").description("Events (or identity and profile records) DFINERY took")
                    .tags("service", serviceId, "api", api.name()).register(registry).increment(events);
            if (items > 0) {
                Counter.builder("dfinery.items.sent").description("Event items DFINERY took")
                        .tags("service", serviceId, "api", api.name()).register(registry).increment(items);
            }
        }
    }

    @Override
    public void retry(String serviceId, DfineryApi api) {
        Counter.builder("dfinery.retries").description("Requests sent again after a transient failure")
                .tags("service", serviceId, "api", api.name()).register(registry).increment();
    }

    @Override
    public void failure(String serviceId, DfineryApi api, String type) {
        Counter.builder("dfinery.failures").description("Messages that failed for good, by kind of failure")
                .tags("service", serviceId, "api", api.name(), "type", type).register(registry).increment();
    }

    @Override
    public void rateLimited(String serviceId, DfineryApi api, String code) {
        Counter.builder("dfinery.rate.limited").description("Answers saying the limit is spent (429, 40401)")
                .tags("service", serviceId, "api", api.name(), "code", code).register(registry).increment();
    }

    @Override
    public void quotaWait(String serviceId, DfineryApi api, long nanos) {
        Timer.builder("dfinery.quota.wait").description("Time requests were held by the quota guard")
                .tags("service", serviceId, "api", api.name()).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void quotaRefused(String serviceId, DfineryApi api) {
        Counter.builder("dfinery.quota.refused").description("Requests the quota guard refused (nothing sent)")
                .tags("service", serviceId, "api", api.name()).register(registry).increment();
    }

    @Override
    public void quotaRemaining(String serviceId, DfineryApi api, DoubleSupplier remaining) {
        Gauge.builder("dfinery.quota.remaining", remaining, DoubleSupplier::getAsDouble).strongReference(true)
                .description("Requests left in the current window")
                .tags("service", serviceId, "api", api.name()).register(registry);
    }

    @Override
    public void export(String serviceId, String dataset, String outcome, long rows, long bytes) {
        Counter.builder("dfinery.export.calls").description("Export calls")
                .tags("service", serviceId, "dataset", dataset, "outcome", outcome).register(registry).increment();
        Counter.builder("dfinery.export.rows").description("Rows delivered to the route")
                .tags("service", serviceId, "dataset", dataset).register(registry).increment(rows);
        Counter.builder("dfinery.export.bytes").description("Bytes of CSV received").baseUnit("bytes")
                .tags("service", serviceId, "dataset", dataset).register(registry).increment(bytes);
    }

    @Override
    public void exportWindow(String serviceId, boolean completed) {
        Counter.builder("dfinery.export.windows").description("Export windows completed or to be exported again")
                .tags("service", serviceId, "outcome", completed ? "completed" : "retried").register(registry).increment();
    }

    @Override
    public void exportCursorLag(String serviceId, String cursorKey, DoubleSupplier days) {
        Gauge.builder("dfinery.export.cursor.lag", days, DoubleSupplier::getAsDouble).strongReference(true)
                .description("Closed days the export cursor is behind")
                .baseUnit("days").tags("service", serviceId, "cursor", cursorKey).register(registry);
    }
}
