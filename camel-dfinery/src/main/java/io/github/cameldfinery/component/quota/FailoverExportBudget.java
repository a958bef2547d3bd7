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
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;

import io.github.cameldfinery.component.spi.DfineryExportBudget;

/** A shared export budget, with a local share of it behind while the store cannot be reached. */
final class FailoverExportBudget implements DfineryExportBudget {

    private final DfineryExportBudget shared;
    private final DfineryExportBudget local;
    private final QuotaStoreFailover failover;

    FailoverExportBudget(DfineryExportBudget shared, int limit, Duration window, int concurrency, QuotaStoreFailover failover,
                         Clock clock, ScheduledExecutorService renewals) {
        this.shared = shared;
        this.local = new StoredExportBudget(new LocalQuotaStore.Value(), (int) failover.share(limit), window,
                (int) failover.share(concurrency), clock, renewals);
        this.failover = failover;
    }

    @Override
    public Permit tryAcquire() {
        return failover.call(shared::tryAcquire, local::tryAcquire);
    }

    @Override
    public int remaining() {
        return failover.look(shared::remaining, local::remaining);
    }

    @Override
    public Instant nextSlot() {
        return failover.look(shared::nextSlot, local::nextSlot);
    }

    @Override
    public int limit() {
        return shared.limit();
    }

    @Override
    public Duration window() {
        return shared.window();
    }
}
