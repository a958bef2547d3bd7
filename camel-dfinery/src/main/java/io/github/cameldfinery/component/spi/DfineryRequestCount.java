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
package io.github.cameldfinery.component.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * The stored count of one DFINERY request limit (one service and import API kind): how many requests are left in the
 * current window and when it ends. A count only stores; when to probe, what a 429 or a reset means, and how close to
 * a reset a request may go are the component's quota guard's to decide, the same for every store.
 *
 * <p>The stored window repeats: at its end the count is the whole limit again, for one more window, and so on; a
 * window recorded with {@code repeats = false} (the server did not say when its window ends) is forgotten at its end
 * instead. A count kept where replicas share it (Redis, any Bucket4j backend) makes every operation atomic in the
 * store; one that cannot reach its store throws any runtime exception.
 */
public interface DfineryRequestCount {

    /** DFINERY may round its reset to seconds: two resets within this end the same window. */
    Duration SAME_WINDOW = Duration.ofSeconds(1);

    /** The window stored now, or null: never recorded, forgotten at its end, expired while idle, or lost by the store. */
    Window read();

    /**
     * Takes up to {@code wanted} requests from the stored window, as many as it has left.
     *
     * @return how many were taken, and the window after the take; null when no window is stored
     */
    Taken take(long wanted);

    /**
     * Requests taken but not sent go back to the window stored now (never above the limit); nothing happens when no
     * window is stored. The component gives back only while the window it took them from has not ended.
     */
    void giveBack(long requests);

    /**
     * Records what the server counted: {@code remaining} requests left (clamped to 0..limit) in a window that ends at
     * {@code resetAt}. The stored window is first rolled on to the one that contains now (the whole limit again, in
     * windows of the length the store was made with). Then: when no window is stored, this one is. When the stored
     * window ends within {@link #SAME_WINDOW} of {@code resetAt} (the same window), what is left only goes down
     * (requests taken by replicas and still on their way are not counted by the server yet), and the window repeats
     * if either says so. When {@code resetAt} is later, or the stored window was recorded with {@code repeats =
     * false} (a guess, which any reset the server gives replaces), the windows are moved to end at {@code resetAt},
     * with the lower of the two counts. Otherwise (an answer about an earlier window) nothing changes.
     */
    void observe(long remaining, Instant resetAt, boolean repeats);

    /**
     * Takes the lease that lets one replica at a time send a request while no window is stored (the probe). One lease
     * per count (service and API kind), not reentrant; the component asks for it only while no window is stored and
     * gives it back once the probe's answer is stored or the probe ended without one. A lease its holder never gives
     * back (its replica died) runs out after a time the store sets: longer than a request may take
     * ({@code requestTimeout}), short enough that the others do not wait long (Redis: 30 s).
     *
     * @return true when this caller holds it now
     */
    boolean tryLease();

    /** Gives the lease back; only its holder calls this, so the store need not check who holds it. */
    void releaseLease();

    /** What a store holds for a limit: requests left until {@code resetAt}. */
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
