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
package io.github.cameldfinery.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.github.cameldfinery.component.spi.DfineryExportBudget;
import io.github.cameldfinery.component.spi.DfineryRequestCount;

/**
 * A request count or export budget on Redis that is made on its first use once Redis answers, so that the component starts while
 * Redis is down: until then each call throws, and the component follows its {@code quotaStoreUnavailable} option.
 */
final class WhenConnected<T> {

    private final Supplier<T> make;
    private T made;

    private WhenConnected(Supplier<T> make) {
        this.make = make;
    }

    synchronized T get() {
        if (made == null) {
            made = make.get();
        }
        return made;
    }

    /** A request count made when Redis first answers. */
    static final class Count implements DfineryRequestCount {
        private final WhenConnected<DfineryRequestCount> count;

        Count(Supplier<DfineryRequestCount> make) {
            this.count = new WhenConnected<>(make);
        }

        @Override
        public Window read() {
            return count.get().read();
        }

        @Override
        public Taken take(long wanted) {
            return count.get().take(wanted);
        }

        @Override
        public void giveBack(long requests) {
            count.get().giveBack(requests);
        }

        @Override
        public void observe(long remaining, Instant resetAt, boolean repeats) {
            count.get().observe(remaining, resetAt, repeats);
        }

        @Override
        public boolean tryLease() {
            return count.get().tryLease();
        }

        @Override
        public void releaseLease() {
            count.get().releaseLease();
        }
    }

    /** An export budget made when Redis first answers. */
    static final class Budget implements DfineryExportBudget {
        private final WhenConnected<DfineryExportBudget> budget;
        private final int limit;
        private final Duration window;

        Budget(Supplier<DfineryExportBudget> make, int limit, Duration window) {
            this.budget = new WhenConnected<>(make);
            this.limit = limit;
            this.window = window;
        }

        @Override
        public Permit tryAcquire() {
            return budget.get().tryAcquire();
        }

        @Override
        public int remaining() {
            return budget.get().remaining();
        }

        @Override
        public Instant nextSlot() {
            return budget.get().nextSlot();
        }

        @Override
        public int limit() {
            return limit;
        }

        @Override
        public Duration window() {
            return window;
        }
    }
}
