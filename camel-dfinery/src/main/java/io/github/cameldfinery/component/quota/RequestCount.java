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
 * The count of one DFINERY request limit (one service and import API kind), as the quota policy sees it: requests
 * left in the current window and when it ends, the server's answers, and the lease to probe. {@link
 * StoredRequestCount} keeps it in a store's value; {@link FailoverRequestCount} turns to a local share while a shared
 * store cannot be reached.
 */
public interface RequestCount {

    /** DFINERY may round its reset to seconds: two resets within this end the same window. */
    Duration SAME_WINDOW = Duration.ofSeconds(1);

    /** The window now, or null: never recorded, forgotten at its end, kept too long idle, or lost by the store. */
    Window read();

    /**
     * Takes up to {@code wanted} requests from the current window, as many as it has left.
     *
     * @return how many were taken, and the window after the take; null when there is no window
     */
    Taken take(long wanted);

    /** Requests taken but not sent go back to the current window (never above the limit); nothing without a window. */
    void giveBack(long requests);

    /**
     * Records what the server counted: {@code remaining} requests left in a window that ends at {@code resetAt}.
     *
     * @param resetFromServer the server said when its window ends (its windows then repeat from that reset); false
     *                        when {@code resetAt} is a guess, forgotten at its end
     */
    void observe(long remaining, Instant resetAt, boolean resetFromServer);

    /**
     * Takes the lease that lets one replica at a time send a request while there is no window (the probe); not
     * reentrant. A lease its holder never gives back (its replica died) runs out after {@link
     * StoredRequestCount#PROBE_LEASE}.
     *
     * @return true when this caller holds it now
     */
    boolean tryLease();

    /** Gives the lease back; only its holder calls this. */
    void releaseLease();

    /** Requests left until {@code resetAt}. */
    record Window(long remaining, Instant resetAt) {
    }

    /** The answer to a take: {@code taken} requests, and the window as it is after the take. */
    record Taken(long taken, Window window) {
    }

    /** The end of the window that contains {@code now}, on a schedule of {@code window}-long windows ending at {@code reset}. */
    static Instant windowEnd(Instant reset, Duration window, Instant now) {
        if (now.isBefore(reset)) {
            return reset;
        }
        return reset.plus(window.multipliedBy(Duration.between(reset, now).toMillis() / window.toMillis() + 1));
    }
}
