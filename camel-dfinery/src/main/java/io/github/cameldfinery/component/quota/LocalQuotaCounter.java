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

/**
 * The count of one JVM: the window's reset and the requests left, as learnt from the server's headers, taken down
 * by each request granted here. Before the first answer nothing is known, and one probe goes out; so too after a
 * window whose end the server did not say (no reset, or none to believe).
 */
public final class LocalQuotaCounter implements QuotaCounter {

    /** After a 429 whose reset is already past by our clock, back off at least this long (clock skew). */
    private static final Duration MIN_BACKOFF_AFTER_429 = Duration.ofMillis(250);

    private final long limit;
    private final Duration window;
    private final Clock clock;
    private final Duration resetMargin;
    private Instant resetAt;
    private long remaining;
    /**
     * {@link #resetAt} is not the server's: when it passes, nothing is known of the next window, and a probe learns
     * it.
     */
    private boolean guessed;
    /** The server answered in the current window. */
    private boolean answeredThisWindow;

    public LocalQuotaCounter(long limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.resetMargin = QuotaCounter.resetMargin(window);
    }

    @Override
    public synchronized Take take(int wanted, Instant mayWaitUntil) {
        Instant now = clock.instant();
        roll(now);
        if (resetAt == null) {
            return Take.probe();
        }
        if (remaining <= 0) {
            return Take.spent(resetAt);
        }
        if (!now.plus(resetMargin).isBefore(resetAt) && !mayWaitUntil.isBefore(resetAt)) {
            return Take.waitUntil(resetAt);
        }
        long granted = Math.min(wanted, remaining);
        remaining -= granted;
        return Take.granted(granted);
    }

    /**
     * The reset given is one to believe ({@link ServerResets}) or null. Without one, the window is held to the
     * configured window from now, and the window after it is learnt by a probe, never handed out whole on a guess.
     */
    @Override
    public synchronized void observe(Long serverRemaining, Instant serverReset, boolean rejected) {
        Instant now = clock.instant();
        roll(now);
        answeredThisWindow = true;
        if (rejected) {
            if (serverReset != null) {
                Instant reset = serverReset.isBefore(now.plus(MIN_BACKOFF_AFTER_429))
                        ? now.plus(MIN_BACKOFF_AFTER_429) : serverReset;
                if (resetAt == null || reset.isAfter(resetAt)) {
                    schedule(reset, false);
                }
            } else if (resetAt == null) {
                schedule(now.plus(window), true);
            }
            remaining = 0;
        } else if (serverReset == null) {
            if (resetAt == null) {
                // The server says nothing to believe about its window: count what it said left, or locally.
                schedule(now.plus(window), true);
                remaining = serverRemaining != null ? Math.min(serverRemaining, limit) : limit - 1;
            } else if (guessed && serverRemaining != null) {
                remaining = Math.min(remaining, serverRemaining);
            }
        } else if (resetAt == null || guessed || serverReset.isAfter(resetAt)) {
            long left = serverRemaining != null ? Math.min(serverRemaining, limit)
                    : resetAt == null ? limit - 1 : remaining;
            // Counted on a guess until now: what was granted on it may still be on its way to the server.
            remaining = guessed ? Math.min(remaining, left) : left;
            schedule(serverReset, false);
        } else if (serverReset.equals(resetAt) && serverRemaining != null) {
            remaining = Math.min(remaining, serverRemaining);
        }
    }

    private void schedule(Instant reset, boolean guess) {
        resetAt = reset;
        guessed = guess;
    }

    @Override
    public synchronized void giveBack(long requests) {
        if (resetAt != null) {
            remaining = Math.min(limit, remaining + requests);
        }
    }

    /**
     * Counts nothing more in the current window: when this counter takes over from a shared store, what the other
     * replicas sent in this window is unknown, so only the next window is certain.
     */
    public synchronized void spendCurrentWindow() {
        roll(clock.instant());
        remaining = 0;
    }

    /** Whether the server answered a request of this JVM in the current window: then the window is in use. */
    public synchronized boolean answeredThisWindow() {
        roll(clock.instant());
        return answeredThisWindow;
    }

    @Override
    public void probeAbandoned() {
        // Nothing was learnt; the next take() probes again.
    }

    @Override
    public synchronized View view() {
        roll(clock.instant());
        return resetAt == null ? View.UNKNOWN : new View(remaining, resetAt);
    }

    private void roll(Instant now) {
        if (resetAt != null && !now.isBefore(resetAt) && guessed) {
            schedule(null, false);
            remaining = 0;
            answeredThisWindow = false;
        } else if (resetAt != null && !now.isBefore(resetAt)) {
            resetAt = QuotaCounter.nextReset(resetAt, window, now);
            remaining = limit;
            answeredThisWindow = false;
        }
    }
}
