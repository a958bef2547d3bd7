package io.github.cameldfinery.component.quota;

import java.time.Clock;
import java.time.Duration;

import io.github.cameldfinery.component.api.DfineryApi;

/** Counts in this JVM only: each replica sees only its own requests. The default. */
public final class LocalQuotaStore implements DfineryQuotaStore {

    private final Clock clock;

    public LocalQuotaStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public QuotaCounter requestCounter(String serviceId, DfineryApi api, long limit, Duration window) {
        return new LocalQuotaCounter(limit, window, clock);
    }

    @Override
    public ExportBudget exportBudget(String serviceId, int limit, Duration window, int concurrency) {
        return new LocalExportBudget(limit, window, concurrency, clock);
    }

    @Override
    public void ping() {
        // Always reachable.
    }

    @Override
    public boolean isShared() {
        return false;
    }

    @Override
    public String describe() {
        return "in memory (this JVM only)";
    }
}
