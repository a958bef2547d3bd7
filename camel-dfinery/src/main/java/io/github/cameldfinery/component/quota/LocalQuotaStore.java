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

import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.spi.DfineryExportBudget;
import io.github.cameldfinery.component.spi.DfineryQuotaStore;
import io.github.cameldfinery.component.spi.DfineryRequestCount;

/** Counts in this JVM only: each replica sees only its own requests. The default. */
public final class LocalQuotaStore implements DfineryQuotaStore {

    private final Clock clock;

    public LocalQuotaStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public DfineryRequestCount requestCount(String serviceId, DfineryApi api, long limit, Duration window) {
        return new LocalRequestCount(limit, window, clock);
    }

    @Override
    public DfineryExportBudget exportBudget(String serviceId, int limit, Duration window, int concurrency) {
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
