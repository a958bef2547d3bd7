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
package io.github.cameldfinery.component.pipeline;

import java.time.Duration;
import java.util.Map;

import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.quota.QuotaGuard;
import io.github.cameldfinery.component.quota.QuotaGuards;

/**
 * The quota guards an import endpoint sends under: the component's guards (one per service and API), asked with
 * the endpoint's limit and window for each API.
 */
public final class ImportGuards {

    /** Guarding off: requests go out without counting. */
    public static final ImportGuards OFF = new ImportGuards(null, Map.of());

    private final QuotaGuards guards;
    private final Map<DfineryApi, Limit> limits;

    /**
     * A limit of requests per window.
     *
     * @param quota requests per window
     * @param window the window
     */
    public record Limit(long quota, Duration window) {
    }

    /**
     * @param guards the component's guards
     * @param limits the endpoint's limit per API
     */
    public ImportGuards(QuotaGuards guards, Map<DfineryApi, Limit> limits) {
        this.guards = guards;
        this.limits = Map.copyOf(limits);
    }

    /** The guard of a service and API, or null when guarding is off. */
    QuotaGuard guardFor(String serviceId, DfineryApi api) {
        if (guards == null) {
            return null;
        }
        Limit limit = limits.get(api);
        if (limit == null) {
            throw new IllegalStateException("no quota for the API " + api + " of service " + serviceId);
        }
        return guards.guard(serviceId, api, limit.quota(), limit.window());
    }
}
