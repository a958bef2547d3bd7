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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One timer that runs its task by the earliest time asked for, however many ask: a guard with a thousand waiting
 * requests keeps one timer, not a thousand. Not thread-safe: its owner calls it under its own lock.
 */
final class EarliestTimer {

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Runnable task;
    private ScheduledFuture<?> pending;
    private Instant at;

    EarliestTimer(ScheduledExecutorService scheduler, Clock clock, Runnable task) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.task = task;
    }

    /** Makes sure the task runs by {@code when}: a pending run that comes earlier stays, a later one moves. */
    void runBy(Instant when) {
        if (pending != null && !at.isAfter(when)) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        at = when;
        // At least 1 ms: the delay is rounded down, and a run before the time asked for would find nothing to do.
        pending = scheduler.schedule(task, Math.max(1, Duration.between(clock.instant(), when).toMillis()),
                TimeUnit.MILLISECONDS);
    }

    /** The task calls this when it runs: the next {@link #runBy} schedules a new run. */
    void ran() {
        pending = null;
    }
}
