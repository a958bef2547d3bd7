package io.github.cameldfinery.component.quota;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import io.github.cameldfinery.component.api.DfineryApi;

/**
 * The quota guards and export budgets of a component, one per service and API kind, shared by all its endpoints.
 * They live from the component's start to its stop: a start begins with a probe, as the server's count is unknown.
 */
public final class QuotaGuards {

    private final Map<String, QuotaGuard> guards = new ConcurrentHashMap<>();
    private final Map<String, ExportQuota> exportQuotas = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    /**
     * @param scheduler the component's timer thread, for waits on a reset or on the first answer
     */
    public QuotaGuards(Clock clock, ScheduledExecutorService scheduler) {
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** The guard of this service and API; the first endpoint to ask sets its limit. */
    public QuotaGuard guard(String serviceId, DfineryApi api, long limit, Duration window) {
        return guards.computeIfAbsent(serviceId + "/" + api,
                key -> new QuotaGuard(serviceId, api.name(), limit, window, clock, scheduler));
    }

    /** The export budget of a service; the first endpoint to ask sets its limits. */
    public ExportQuota exportQuota(String serviceId, int limit, Duration window, int concurrency) {
        return exportQuotas.computeIfAbsent(serviceId, id -> new ExportQuota(limit, window, concurrency, clock));
    }

    public List<QuotaGuard.Snapshot> snapshots() {
        List<QuotaGuard.Snapshot> snapshots = new ArrayList<>();
        guards.values().forEach(guard -> snapshots.add(guard.snapshot()));
        snapshots.sort(Comparator.comparing(QuotaGuard.Snapshot::serviceId).thenComparing(QuotaGuard.Snapshot::api));
        return snapshots;
    }

    /** The export budgets, per service. */
    public Map<String, ExportQuota> exportQuotas() {
        return Map.copyOf(exportQuotas);
    }
}
