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

import io.github.cameldfinery.component.quota.RequestCount.Taken;
import io.github.cameldfinery.component.quota.RequestCount.Window;

/**
 * The rules of one DFINERY request limit, the same whatever store keeps its count ({@link RequestCount}):
 * the server's count wins; nothing is handed out while the count is unknown but one request at a time, the probe, to
 * learn it; a 429 spends the window; a request that may wait is held near a reset for the next window; a reset the
 * server did not say is a guess, and the window after a guess is probed, never handed out whole.
 *
 * <p>Its {@link QuotaGuard} takes one call at a time; answers come on the threads of the responses.
 */
final class QuotaPolicy {

    /** The most {@link #resetMargin} can be. */
    static final Duration MAX_RESET_MARGIN = Duration.ofMillis(500);
    /** After a 429 whose reset is already past by our clock, back off at least this long (clock skew). */
    static final Duration MIN_BACKOFF_AFTER_429 = Duration.ofMillis(250);
    /** While another replica probes (or a window appeared meanwhile), ask the store again after this. */
    static final Duration STORE_POLL_INTERVAL = Duration.ofMillis(20);

    private final RequestCount count;
    private final long limit;
    private final Duration window;
    private final Duration resetMargin;
    /** How many requests one take asks a shared store for: all that wait, unless replicas share the count. */
    private final long takeAtMost;
    private final ServerResets resets;
    private final Clock clock;
    /** This JVM holds the lease to probe; it goes back when the probe ends, or at the next take if that failed. */
    private boolean holdsLease;
    /** The end of the last window the server answered this JVM in. */
    private Instant answeredUntil;
    /** The end of the window of the last take: the windows after it end every {@code window} from it. */
    private Instant takenUntil;

    /**
     * @param shared whether replicas take from the same count: then one take asks for at most a sixteenth of the
     *               limit, so that the replica that comes first after a reset does not take the whole window
     */
    QuotaPolicy(RequestCount count, long limit, Duration window, boolean shared, ServerResets resets,
                Clock clock) {
        this.count = count;
        this.limit = limit;
        this.window = window;
        this.resetMargin = resetMargin(window);
        this.takeAtMost = shared ? Math.max(1, limit / 16) : Long.MAX_VALUE;
        this.resets = resets;
        this.clock = clock;
    }

    /**
     * How close to a reset a request is held for the next window when it may wait that long: DFINERY counts a
     * request in the window it arrives in, so a request sent just before the reset may arrive after it, where the
     * next window has already been given out whole. A quarter of the window, at most 500 ms: when the quota is in
     * demand it is spent long before that, so holding costs nothing but the wait of a request that comes late.
     */
    static Duration resetMargin(Duration window) {
        Duration quarter = window.dividedBy(4);
        return quarter.compareTo(MAX_RESET_MARGIN) < 0 ? quarter : MAX_RESET_MARGIN;
    }

    /**
     * Takes up to {@code wanted} requests from the current window.
     *
     * @param mayWaitUntil how long the first of them may wait: requests that may wait past the reset are not granted
     *                     within {@link #resetMargin} of it, but wait for the next window
     */
    synchronized Take take(int wanted, Instant mayWaitUntil) {
        Take take = tryTake(wanted, mayWaitUntil);
        if (take == null) {
            take = tryTake(wanted, mayWaitUntil);
        }
        return take != null ? take : Take.waitUntil(clock.instant().plus(STORE_POLL_INTERVAL));
    }

    /** Null when a window appeared or went away meanwhile: ask again. */
    private Take tryTake(int wanted, Instant mayWaitUntil) {
        releaseLease();
        Instant now = clock.instant();
        if (takenUntil != null) {
            // Held before taking: the rest of this window stays for requests that cannot wait.
            Instant end = RequestCount.windowEnd(takenUntil, window, now);
            if (heldForTheReset(end, mayWaitUntil, now)) {
                return Take.waitUntil(end);
            }
        }
        Taken taken = count.take(Math.min(wanted, takeAtMost));
        if (taken == null) {
            return withoutWindow();
        }
        Instant reset = taken.window().resetAt();
        takenUntil = reset;
        if (taken.taken() == 0) {
            return Take.spent(reset);
        }
        if (heldForTheReset(reset, mayWaitUntil, clock.instant())) {
            // The store answered so late that the requests would reach the server in the next window, which the count
            // hands out whole at the reset. Not given back: a give-back that lands after the reset would add them to
            // the next window. Taken from this one (it ends anyway), they wait.
            return Take.waitUntil(reset);
        }
        return Take.granted(taken.taken());
    }

    /** No window is stored: the count was never learnt, a guessed window ended, or the store lost it. */
    private Take withoutWindow() {
        Instant now = clock.instant();
        if (answeredUntil != null && now.isBefore(answeredUntil)) {
            // The store lost the count (Redis restarted empty) in a window this JVM has been sending in. What other
            // replicas sent in it is unknown, so the count starts again with the next window, instead of a probe that
            // could run into a window they have spent. A count that expired while nobody sent is learnt by a probe.
            count.observe(0, answeredUntil, true);
            return Take.spent(answeredUntil);
        }
        if (!holdsLease && !count.tryLease()) {
            return Take.waitUntil(now.plus(STORE_POLL_INTERVAL));
        }
        holdsLease = true;
        if (count.read() == null) {
            return Take.PROBE;
        }
        // Another replica's probe was answered between the take and the lease: probing now would send a request the
        // count does not hold.
        releaseLease();
        return null;
    }

    private boolean heldForTheReset(Instant reset, Instant mayWaitUntil, Instant now) {
        return !now.plus(resetMargin).isBefore(reset) && !mayWaitUntil.isBefore(reset);
    }

    /** Requests taken but not sent go back, unless their window has ended: then they would go to the next one. */
    synchronized void giveBack(long requests) {
        if (takenUntil != null && clock.instant().isBefore(takenUntil.minus(resetMargin))) {
            count.giveBack(requests);
        }
    }

    /**
     * Records what a response said of the server's count; either value may be null (headers absent).
     *
     * @param rejected the response was a 429 / {@code 40401}: nothing is left until the reset
     * @param probe    the response answers the probe: the lease goes back once the count is stored
     */
    synchronized void observe(Long remaining, Instant serverReset, boolean rejected, boolean probe) {
        Instant now = clock.instant();
        Instant reset = resets.resetToCountWith(serverReset, now);
        if (probe && !rejected && remaining != null) {
            // The probe is one of the window's requests; it counts when the limit configured here is the lower one.
            remaining = Math.min(remaining, limit - 1);
        }
        try {
            if (reset != null) {
                if (rejected && reset.isBefore(now.plus(MIN_BACKOFF_AFTER_429))) {
                    reset = now.plus(MIN_BACKOFF_AFTER_429);
                }
                count.observe(rejected ? 0 : remaining != null ? remaining : limit - 1, reset, true);
                answeredUntil = reset;
            } else {
                answeredUntil = observeWithoutReset(remaining, rejected, now);
            }
            if (rejected) {
                // Whichever window the count is in now, the server has none left in it.
                count.take(Long.MAX_VALUE);
            }
        } finally {
            if (probe) {
                probeEnded();
            }
        }
    }

    /**
     * The server said nothing to believe about its window: the configured window from now is a guess, with what the
     * server said is left if it said so, and the window after it is learnt by a probe. Returns the window's end.
     */
    private Instant observeWithoutReset(Long remaining, boolean rejected, Instant now) {
        Window stored = count.read();
        if (stored == null) {
            Instant guess = now.plus(window);
            count.observe(rejected ? 0 : remaining != null ? remaining : limit - 1, guess, false);
            return guess;
        }
        if (remaining != null) {
            count.observe(remaining, stored.resetAt(), false);
        }
        return stored.resetAt();
    }

    /** The probe ended without an answer, or its answer is stored: another request may probe. */
    synchronized void probeEnded() {
        releaseLease();
    }

    /**
     * Gives the lease back if this JVM holds it. A store that cannot be told now is told at the next take, so that the
     * other replicas do not wait for the lease to run out.
     */
    private void releaseLease() {
        if (holdsLease) {
            try {
                count.releaseLease();
                holdsLease = false;
            } catch (RuntimeException e) {
                // Kept: given back at the next take, or it runs out.
            }
        }
    }

    /** The window as stored, for consoles and headers; null when unknown. */
    synchronized Window view() {
        return count.read();
    }

    /** How a {@link #take} went. */
    enum Outcome {
        /** {@link Take#granted()} requests may go out. */
        GRANTED,
        /** Nothing is known of the server's count: one request may go out alone, to learn it. */
        PROBE,
        /** The window is spent until {@link Take#until()}. */
        SPENT,
        /** Ask again at {@link Take#until()}: another replica is probing, or the reset is too close (held for it). */
        WAIT
    }

    /**
     * The answer to {@link #take}: {@code granted} requests for GRANTED (one for PROBE), {@code until} for SPENT and
     * WAIT.
     */
    record Take(Outcome outcome, long granted, Instant until) {
        static final Take PROBE = new Take(Outcome.PROBE, 1, null);

        static Take granted(long requests) {
            return new Take(Outcome.GRANTED, requests, null);
        }

        static Take spent(Instant resetAt) {
            return new Take(Outcome.SPENT, 0, resetAt);
        }

        static Take waitUntil(Instant at) {
            return new Take(Outcome.WAIT, 0, at);
        }
    }
}
