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

import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.quota.QuotaGuard;
import io.github.cameldfinery.component.quota.QuotaGuards;

/**
 * The quota guards an import endpoint sends under: the component's guards (one per service and API), asked with the
 * limit the component applies to that service and API, whichever endpoint sends.
 */
public final class ImportGuards {

    /** Guarding off: requests go out without counting. */
    public static final ImportGuards OFF = new ImportGuards(null, (serviceId, api) -> null);

    private final QuotaGuards guards;
    private final Limits limits;

    /**
     * A limit of requests per window.
     *
     * @param quota requests per window
     * @param window the window
     */
    public record Limit(long quota, Duration window) {
    }

    /** The limit of a service and API. */
    @FunctionalInterface
    public interface Limits {
        /** The limit the guard of this service and API applies. */
        Limit of(String serviceId, DfineryApi api);
    }

    /**
     * @param guards the component's guards
     * @param limits the limit of each service and API
     */
    public ImportGuards(QuotaGuards guards, Limits limits) {
        this.guards = guards;
        this.limits = limits;
    }

    /** The guard of a service and API, or null when guarding is off. */
    QuotaGuard guardFor(String serviceId, DfineryApi api) {
        if (guards == null) {
            return null;
        }
        Limit limit = limits.of(serviceId, api);
        if (limit == null) {
            throw new IllegalStateException("no quota for the API " + api + " of service " + serviceId);
        }
        return guards.guard(serviceId, api, limit.quota(), limit.window());
    }
}
