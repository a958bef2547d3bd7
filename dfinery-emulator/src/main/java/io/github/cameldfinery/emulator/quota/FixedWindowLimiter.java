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
package io.github.cameldfinery.emulator.quota;

import java.time.Clock;

import io.github.cameldfinery.emulator.config.RateLimit;

/**
 * DFINERY's request limit for one service and API kind: fixed windows aligned to the epoch; once a window's
 * budget is spent, every request fails until the window resets. Only admitted requests spend the budget.
 */
public final class FixedWindowLimiter {

    private final RateLimit limit;
    private final Clock clock;
    private long windowStart = Long.MIN_VALUE;
    private long used;
    private long rejected;

    public FixedWindowLimiter(RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Spends one request if the window has budget left. */
    public synchronized QuotaState tryAcquire() {
        roll();
        if (used >= limit.limit()) {
            rejected++;
            return state(false);
        }
        used++;
        return state(true);
    }

    /** The current state without spending anything. */
    public synchronized QuotaState peek() {
        roll();
        return state(true);
    }

    public synchronized long rejected() {
        return rejected;
    }

    public synchronized void reset() {
        windowStart = Long.MIN_VALUE;
        used = 0;
        rejected = 0;
    }

    private void roll() {
        long now = clock.millis();
        long windowMillis = limit.window().toMillis();
        long start = now - Math.floorMod(now, windowMillis);
        if (start != windowStart) {
            windowStart = start;
            used = 0;
        }
    }

    private QuotaState state(boolean admitted) {
        return new QuotaState(admitted, limit.limit(), used, limit.limit() - used, limit.windowLabel(),
                windowStart + limit.window().toMillis());
    }
}
