package io.github.cameldfinery.component.quota;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import io.github.cameldfinery.component.DfineryApi;
import io.github.cameldfinery.component.DfineryConfiguration;

/** The guards of a component, one per service and API kind, shared by all its endpoints. */
public final class QuotaGuards {

    private final Map<String, QuotaGuard> guards = new ConcurrentHashMap<>();

    /** The guard of this service and API; the first endpoint to ask sets its limit. */
    public QuotaGuard guard(String serviceId, DfineryApi api, DfineryConfiguration config, Clock clock,
                            ScheduledExecutorService scheduler) {
        return guards.computeIfAbsent(serviceId + "/" + api, key -> new QuotaGuard(serviceId, api.name(),
                limit(config, api), window(config, api), clock, scheduler));
    }

    public List<QuotaGuard.Snapshot> snapshots() {
        List<QuotaGuard.Snapshot> snapshots = new ArrayList<>();
        guards.values().forEach(guard -> snapshots.add(guard.snapshot()));
        snapshots.sort((a, b) -> (a.serviceId() + a.api()).compareTo(b.serviceId() + b.api()));
        return snapshots;
    }

    public void clear() {
        guards.clear();
    }

    /** Requests per window that the options give for an API kind. */
    public static long limit(DfineryConfiguration config, DfineryApi api) {
        switch (api) {
            case event: return config.getEventQuota();
            case identity: return config.getIdentityQuota();
            case profile: return config.getProfileQuota();
            default: return config.getExportQuota();
        }
    }

    /** The window of that limit. */
    public static Duration window(DfineryConfiguration config, DfineryApi api) {
        switch (api) {
            case event: return Duration.ofMillis(config.getEventQuotaWindow());
            case identity: return Duration.ofMillis(config.getIdentityQuotaWindow());
            case profile: return Duration.ofMillis(config.getProfileQuotaWindow());
            default: return Duration.ofMillis(config.getExportQuotaWindow());
        }
    }
}
