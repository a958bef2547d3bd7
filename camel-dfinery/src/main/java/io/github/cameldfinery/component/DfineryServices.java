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
import java.util.function.Function;

import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.export.ExportClient;
import io.github.cameldfinery.component.http.DfineryHttpClient;
import io.github.cameldfinery.component.metrics.DfineryMetrics;
import io.github.cameldfinery.component.pipeline.ImportGuards;
import io.github.cameldfinery.component.quota.QuotaGuards;
import io.github.cameldfinery.component.spi.DfineryExportBudget;

/**
 * What a running component shares with the producers and consumers of its endpoints: HTTP clients, the timer, the
 * clock, the metrics and the quota guards. Made when the component starts; a producer or consumer takes it when it
 * starts, so a restarted component's new one is taken by a restarted route.
 */
final class DfineryServices {

    private final Function<DfineryConfiguration, DfineryHttpClient> http;
    private final Function<DfineryConfiguration, ExportClient> exportClient;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final DfineryMetrics metrics;
    private final QuotaGuards quotaGuards;
    private final QuotaLimits quotaLimits;

    DfineryServices(Function<DfineryConfiguration, DfineryHttpClient> http,
                    Function<DfineryConfiguration, ExportClient> exportClient, ScheduledExecutorService scheduler,
                    Clock clock, DfineryMetrics metrics, QuotaGuards quotaGuards, QuotaLimits quotaLimits) {
        this.http = http;
        this.exportClient = exportClient;
        this.scheduler = scheduler;
        this.clock = clock;
        this.metrics = metrics;
        this.quotaGuards = quotaGuards;
        this.quotaLimits = quotaLimits;
    }

    /** The HTTP side of an endpoint with these options. */
    DfineryHttpClient http(DfineryConfiguration config) {
        return http.apply(config);
    }

    /** The export side of an endpoint with these options. */
    ExportClient exportClient(DfineryConfiguration config) {
        return exportClient.apply(config);
    }

    /** Timers for retry backoff and quota waits, shared by all endpoints; no thread ever sleeps. */
    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    Clock clock() {
        return clock;
    }

    /** Where measurements go: a Micrometer registry found at start, or nowhere. */
    DfineryMetrics metrics() {
        return metrics;
    }

    /**
     * The quota guards an import endpoint with these options sends under: each service's, with the one limit the
     * component applies to that service ({@link QuotaLimits}), whichever endpoint sends.
     */
    ImportGuards importGuards(DfineryConfiguration config) {
        if (!config.isQuotaGuard()) {
            return ImportGuards.OFF;
        }
        return new ImportGuards(quotaGuards, quotaLimits::importLimit);
    }

    /** The request limit the component applies to a service and API (what its guard counts against). */
    long quota(String serviceId, DfineryApi api) {
        return quotaLimits.importLimit(serviceId, api).quota();
    }

    /** The export budget of a service, shared by every export endpoint of it, with the service's one set of limits. */
    DfineryExportBudget exportBudget(String serviceId, DfineryConfiguration config) {
        QuotaLimits.ExportLimit limit = quotaLimits.exportLimit(serviceId);
        return quotaGuards.exportBudget(serviceId, limit.quota(), limit.window(), limit.concurrency());
    }
}
