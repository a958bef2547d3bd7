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

import java.time.Duration;
import java.time.Instant;

/**
 * Counts the requests of one service and API kind in DFINERY's fixed windows: in this JVM
 * ({@link LocalQuotaCounter}), or in a store that replicas share. The {@link QuotaGuard} in front of it queues the
 * requests of this JVM and asks the counter for each. A counter that cannot reach its store throws; the guard then
 * applies the component's {@code quotaStoreUnavailable} choice.
 */
public interface QuotaCounter {

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

    /** The first reset after {@code now} on the schedule of fixed windows that reset at {@code reset}. */
    static Instant nextReset(Instant reset, Duration window, Instant now) {
        if (now.isBefore(reset)) {
            return reset;
        }
        return reset.plus(window.multipliedBy(Duration.between(reset, now).toMillis() / window.toMillis() + 1));
    }

    /** The most {@link #resetMargin} can be. */
    Duration MAX_RESET_MARGIN = Duration.ofMillis(500);

    /**
     * Takes up to {@code wanted} requests from the current window, as many as it has left.
     *
     * @param mayWaitUntil how long the first of them may wait: requests that may wait past the reset are not granted
     *                     within {@link #resetMargin} of it, but wait for the next window
     */
    Take take(int wanted, Instant mayWaitUntil);

    /** Requests taken but not sent (their callers gave up meanwhile) go back to the current window. */
    void giveBack(long requests);

    /**
     * What a response said about the server's count; the server wins. Either value may be null (headers absent).
     *
     * @param rejected the response was a 429 / {@code 40401}: nothing is left until the reset
     */
    void observe(Long remaining, Instant resetAt, boolean rejected);

    /** The probe granted by {@link #take(int, Instant)} ended without an answer: another request may probe. */
    void probeAbandoned();

    /** What the counter knows now, for consoles and headers; nulls when it knows nothing yet. */
    View view();

    /** How a {@link #take(int, Instant)} went. */
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

        public static Take granted(long requests) {
            return new Take(Outcome.GRANTED, requests, null);
        }

        public static Take probe() {
            return PROBE;
        }

        public static Take spent(Instant resetAt) {
            return new Take(Outcome.SPENT, 0, resetAt);
        }

        public static Take waitUntil(Instant at) {
            return new Take(Outcome.WAIT, 0, at);
        }
    }

    /**
     * @param remaining requests left in the current window; null when unknown
     * @param resetAt   when the current window ends; null when unknown
     */
    record View(Long remaining, Instant resetAt) {
        public static final View UNKNOWN = new View(null, null);
    }
}
