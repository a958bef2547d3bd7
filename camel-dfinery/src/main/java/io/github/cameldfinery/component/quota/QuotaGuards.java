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
import io.github.cameldfinery.component.spi.DfineryExportBudget;
import io.github.cameldfinery.component.spi.DfineryQuotaStore;

/**
 * The quota guards and export budgets of a component, one per service and API kind, shared by all its endpoints.
 * They live from the component's start to its stop: a start begins with a probe, unless a shared store already knows
 * the server's count.
 */
public final class QuotaGuards {

    private final Map<String, QuotaGuard> guards = new ConcurrentHashMap<>();
    private final Map<String, DfineryExportBudget> exportBudgets = new ConcurrentHashMap<>();
    private final DfineryQuotaStore store;
    private final QuotaStoreFailover failover;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final QuotaObserver observer;

    /**
     * @param store     where to count
     * @param failover  what to do while a shared store cannot be reached; null for the in-memory store
     * @param scheduler the component's timer thread, for waits on a reset or on the first answer
     * @param observer  told of each guard as it is made (the component's meters)
     */
    public QuotaGuards(DfineryQuotaStore store, QuotaStoreFailover failover, Clock clock,
                       ScheduledExecutorService scheduler, QuotaObserver observer) {
        this.store = store;
        this.failover = failover;
        this.clock = clock;
        this.scheduler = scheduler;
        this.observer = observer;
    }

    /**
     * The guard of this service and API. The component asks with the one limit it applies to the service (its
     * QuotaLimits), the same for every endpoint; a guard keeps the limit it was made with.
     */
    public QuotaGuard guard(String serviceId, DfineryApi api, long limit, Duration window) {
        return guards.computeIfAbsent(serviceId + "/" + api, key -> {
            RequestCount count = new StoredRequestCount(store.value(serviceId + ":" + api), limit, window, clock);
            if (failover != null) {
                count = new FailoverRequestCount(count, limit, window, failover, clock);
            }
            QuotaGuard guard = new QuotaGuard(serviceId, api.name(), limit, window, count, store.isShared(), clock,
                    scheduler);
            observer.quotaRemaining(serviceId, api, guard::lastRemaining);
            return guard;
        });
    }

    /** The export budget of a service, made with the service's one set of limits (as for {@link #guard}). */
    public DfineryExportBudget exportBudget(String serviceId, int limit, Duration window, int concurrency) {
        return exportBudgets.computeIfAbsent(serviceId, id -> {
            DfineryExportBudget budget = new StoredExportBudget(store.value(serviceId + ":export"), limit, window,
                    concurrency, clock, scheduler);
            return failover == null ? budget
                    : new FailoverExportBudget(budget, limit, window, concurrency, failover, clock, scheduler);
        });
    }

    public List<QuotaGuard.Snapshot> snapshots() {
        List<QuotaGuard.Snapshot> snapshots = new ArrayList<>();
        guards.values().forEach(guard -> snapshots.add(guard.snapshot()));
        snapshots.sort(Comparator.comparing(QuotaGuard.Snapshot::serviceId).thenComparing(QuotaGuard.Snapshot::api));
        return snapshots;
    }

    /** The export budgets, per service. */
    public Map<String, DfineryExportBudget> exportBudgets() {
        return Map.copyOf(exportBudgets);
    }

    /** Where the guards count. */
    public DfineryQuotaStore store() {
        return store;
    }

    /** Tries a shared store that is down again, at most once a second. */
    public void checkStore() {
        if (failover != null && failover.status().state() != QuotaStoreFailover.State.SHARED) {
            failover.check();
        }
    }

    /** Whether the shared store can be reached now; null for the in-memory store. */
    public QuotaStoreFailover.Status storeStatus() {
        return failover == null ? null : failover.status();
    }
}
