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
package io.github.cameldfinery.component;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.export.ExportDelivery;
import io.github.cameldfinery.component.metrics.DfineryMetrics;
import io.github.cameldfinery.component.pipeline.ImportGuards;
import io.github.cameldfinery.component.pipeline.ImportServices;
import io.github.cameldfinery.component.quota.QuotaGuards;
import io.github.cameldfinery.component.spi.DfineryExportBudget;

/**
 * What a running component shares with the producers and consumers of its endpoints: the HTTP connections, the
 * timer, the clock, the metrics, the quota guards and the limits they apply. Made once when the component starts; a
 * producer or consumer takes it when it starts, so a restarted component's new one is taken by a restarted route.
 *
 * @param connections the HTTP clients and the threads they send on
 * @param scheduler   timers for retry backoff and quota waits, shared by all endpoints; no thread ever sleeps
 * @param clock       the component's clock
 * @param metrics     where measurements go: a Micrometer registry found at start, or nowhere
 * @param quotaGuards the quota guards and export budgets, one per service and API kind
 * @param quotaLimits the one limit of each service and API kind
 */
record DfineryServices(HttpConnections connections, ScheduledExecutorService scheduler, Clock clock,
                       DfineryMetrics metrics, QuotaGuards quotaGuards, QuotaLimits quotaLimits) {

    /**
     * What the import pipeline of an endpoint with these options sends with: its HTTP side, and the guards of each
     * service, with the one limit the component applies to that service ({@link QuotaLimits}), whichever endpoint
     * sends.
     */
    ImportServices importServices(DfineryConfiguration config) {
        ImportGuards guards = config.isQuotaGuard() ? new ImportGuards(quotaGuards, quotaLimits::importLimit)
                : ImportGuards.OFF;
        return new ImportServices(connections.http(config), scheduler, clock, guards, metrics);
    }

    /** Export calls of an endpoint with these options, under each service's export budget, measured. */
    ExportDelivery exportDelivery(DfineryConfiguration config) {
        return new ExportDelivery(connections.exportClient(config), this::exportBudget, metrics);
    }

    /** The request limit the component applies to a service and API (what its guard counts against). */
    long quota(String serviceId, DfineryApi api) {
        return quotaLimits.importLimit(serviceId, api).quota();
    }

    /** The export budget of a service, shared by every export endpoint of it, with the service's one set of limits. */
    DfineryExportBudget exportBudget(String serviceId) {
        QuotaLimits.ExportLimit limit = quotaLimits.exportLimit(serviceId);
        return quotaGuards.exportBudget(serviceId, limit.quota(), limit.window(), limit.concurrency());
    }
}
