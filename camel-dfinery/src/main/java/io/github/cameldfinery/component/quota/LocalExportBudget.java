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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;

import io.github.cameldfinery.component.spi.DfineryExportBudget;

/**
 * The export budget of one service in this JVM: at most {@code limit} calls in any rolling {@code window}, and at
 * most {@code concurrency} at once. A rolling window never allows more than DFINERY's fixed window does.
 */
public final class LocalExportBudget implements DfineryExportBudget {

    private final int limit;
    private final Duration window;
    private final Semaphore running;
    private final Clock clock;
    private final Deque<Instant> calls = new ArrayDeque<>();

    public LocalExportBudget(int limit, Duration window, int concurrency, Clock clock) {
        if (limit < 1 || concurrency < 1) {
            throw new IllegalArgumentException("exportQuota and exportConcurrency must be at least 1");
        }
        this.limit = limit;
        this.window = window;
        this.running = new Semaphore(concurrency);
        this.clock = clock;
    }

    @Override
    public Permit tryAcquire() {
        if (!running.tryAcquire()) {
            return null;
        }
        synchronized (this) {
            expire();
            if (calls.size() >= limit) {
                running.release();
                return null;
            }
            calls.addLast(clock.instant());
        }
        return running::release;
    }

    @Override
    public synchronized int remaining() {
        expire();
        return limit - calls.size();
    }

    @Override
    public synchronized Instant nextSlot() {
        expire();
        return calls.size() < limit ? clock.instant() : calls.peekFirst().plus(window);
    }

    @Override
    public int limit() {
        return limit;
    }

    @Override
    public Duration window() {
        return window;
    }

    private void expire() {
        Instant horizon = clock.instant().minus(window);
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(horizon)) {
            calls.removeFirst();
        }
    }
}
