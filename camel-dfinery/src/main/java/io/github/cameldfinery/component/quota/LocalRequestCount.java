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

import io.github.cameldfinery.component.spi.DfineryRequestCount;

/** A request count kept in this JVM: what the component's default store holds, and a replica's share in an outage. */
public final class LocalRequestCount implements DfineryRequestCount {

    private final long limit;
    private final Duration window;
    private final Clock clock;
    private Instant resetAt;
    private long remaining;
    private boolean repeats;
    private boolean leased;

    public LocalRequestCount(long limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public synchronized Window read() {
        roll();
        return resetAt == null ? null : new Window(remaining, resetAt);
    }

    @Override
    public synchronized Taken take(long wanted) {
        roll();
        if (resetAt == null) {
            return null;
        }
        long taken = Math.max(0, Math.min(wanted, remaining));
        remaining -= taken;
        return new Taken(taken, new Window(remaining, resetAt));
    }

    @Override
    public synchronized void giveBack(long requests) {
        roll();
        if (resetAt != null) {
            remaining = Math.min(limit, remaining + requests);
        }
    }

    @Override
    public synchronized void observe(long serverRemaining, Instant serverReset, boolean serverRepeats) {
        roll();
        long left = Math.max(0, Math.min(limit, serverRemaining));
        if (resetAt == null) {
            set(left, serverReset, serverRepeats);
        } else if (Duration.between(resetAt, serverReset).abs().compareTo(SAME_WINDOW) < 0) {
            remaining = Math.min(remaining, left);
            repeats |= serverRepeats;
        } else if (!repeats || serverReset.isAfter(resetAt)) {
            set(Math.min(remaining, left), serverReset, serverRepeats);
        }
    }

    private void set(long left, Instant reset, boolean repeating) {
        remaining = left;
        resetAt = reset;
        repeats = repeating;
    }

    @Override
    public synchronized boolean tryLease() {
        if (leased) {
            return false;
        }
        leased = true;
        return true;
    }

    @Override
    public synchronized void releaseLease() {
        leased = false;
    }

    private void roll() {
        Instant now = clock.instant();
        if (resetAt == null || now.isBefore(resetAt)) {
            return;
        }
        if (repeats) {
            resetAt = DfineryRequestCount.windowEnd(resetAt, window, now);
            remaining = limit;
        } else {
            resetAt = null;
            remaining = 0;
        }
    }
}
