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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.github.cameldfinery.emulator.config.RateLimit;

/**
 * DFINERY's request limit for one service and API kind: fixed windows aligned to the epoch; once a window's
 * budget is spent, every request fails until the window resets. Only admitted requests spend the budget. It keeps
 * the counts of the last {@value #HISTORY} windows that saw a request, for tests that check every window.
 */
public final class FixedWindowLimiter {

    /** Windows kept: more than a day of one-minute windows, 20 days of hourly ones. */
    public static final int HISTORY = 2000;

    private final RateLimit limit;
    private final Clock clock;
    private final Deque<WindowCount> history = new ArrayDeque<>();
    private long windowStart = Long.MIN_VALUE;
    private long used;
    private long rejected;
    private long rejectedInWindow;

    public FixedWindowLimiter(RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Spends one request if the window has budget left. */
    public synchronized QuotaState tryAcquire() {
        roll();
        if (used >= limit.limit()) {
            rejected++;
            rejectedInWindow++;
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

    /** The windows that saw a request, oldest first, the current one last (while it has seen one). */
    public synchronized List<WindowCount> windows() {
        roll();
        List<WindowCount> windows = new ArrayList<>(history);
        if (used > 0 || rejectedInWindow > 0) {
            windows.add(current());
        }
        return windows;
    }

    public synchronized void reset() {
        windowStart = Long.MIN_VALUE;
        used = 0;
        rejected = 0;
        rejectedInWindow = 0;
        history.clear();
    }

    private void roll() {
        long now = clock.millis();
        long windowMillis = limit.window().toMillis();
        long start = now - Math.floorMod(now, windowMillis);
        if (start != windowStart) {
            if (used > 0 || rejectedInWindow > 0) {
                if (history.size() == HISTORY) {
                    history.removeFirst();
                }
                history.addLast(current());
            }
            windowStart = start;
            used = 0;
            rejectedInWindow = 0;
        }
    }

    private WindowCount current() {
        return new WindowCount(windowStart, windowStart + limit.window().toMillis(), limit.limit(), used, rejectedInWindow);
    }

    private QuotaState state(boolean admitted) {
        return new QuotaState(admitted, limit.limit(), used, limit.limit() - used, limit.windowLabel(),
                windowStart + limit.window().toMillis());
    }
}
