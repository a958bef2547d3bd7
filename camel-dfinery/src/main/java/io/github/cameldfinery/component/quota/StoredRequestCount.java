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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import io.github.cameldfinery.component.spi.DfineryQuotaValue;

/**
 * The rules of a request count, the same for every store: the store keeps a {@link RequestState} in one value, and
 * every change is one atomic update of it, computed here on the component's clock.
 *
 * <ul>
 * <li>A window whose reset came from the server repeats: at its end the count is the whole limit again, for one more
 * window of the configured length, and so on. A guessed window is forgotten at its end.</li>
 * <li>A window nobody wrote to for {@link #KEEP_IDLE} after its end is forgotten too: the next request probes.</li>
 * <li>An answer whose reset is within {@link RequestCount#SAME_WINDOW} of the window's is about the same window: what
 * is left only goes down (requests taken by replicas and still on their way are not counted by the server yet). A
 * later reset, or any reset from the server after a guess, moves the window there, with the lower of the two counts.
 * An answer about an earlier window changes nothing.</li>
 * <li>The lease to probe runs out after {@link #PROBE_LEASE} if its holder never gives it back.</li>
 * </ul>
 */
public final class StoredRequestCount implements RequestCount {

    /** How long the lease to probe lasts when its holder never gives it back: longer than a request may take. */
    public static final Duration PROBE_LEASE = Duration.ofSeconds(30);
    /** How long a window is kept after its end without a write; then it is forgotten and learnt again by a probe. */
    public static final Duration KEEP_IDLE = Duration.ofMinutes(2);

    private final DfineryQuotaValue value;
    private final long limit;
    private final Duration window;
    private final Clock clock;
    /** The text this count last read or wrote: an answer that would not change it is not sent to the store. */
    private volatile Seen lastSeen;

    /**
     * @param value  where the count is kept
     * @param limit  the requests a window allows
     * @param window the length of the server's windows
     */
    public StoredRequestCount(DfineryQuotaValue value, long limit, Duration window, Clock clock) {
        this.value = value;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public Window read() {
        String text = value.read();
        lastSeen = new Seen(text);
        RequestState state = current(text, clock.instant());
        return state.hasWindow() ? new Window(state.remaining(), state.resetAt()) : null;
    }

    @Override
    public Taken take(long wanted) {
        AtomicReference<Taken> answer = new AtomicReference<>();
        change(state -> {
            if (!state.hasWindow()) {
                answer.set(null);
                return state;
            }
            long taken = Math.max(0, Math.min(wanted, state.remaining()));
            RequestState after = state.withRemaining(state.remaining() - taken);
            answer.set(new Taken(taken, new Window(after.remaining(), after.resetAt())));
            return after;
        });
        return answer.get();
    }

    @Override
    public void giveBack(long requests) {
        change(state -> state.hasWindow() ? state.withRemaining(Math.min(limit, state.remaining() + requests)) : state);
    }

    @Override
    public void observe(long remaining, Instant resetAt, boolean resetFromServer) {
        long left = Math.max(0, Math.min(limit, remaining));
        UnaryOperator<RequestState> rule = state -> {
            if (!state.hasWindow()) {
                return state.withWindow(left, resetAt, resetFromServer);
            }
            if (Duration.between(state.resetAt(), resetAt).abs().compareTo(SAME_WINDOW) < 0) {
                return state.withWindow(Math.min(state.remaining(), left), state.resetAt(),
                        state.resetFromServer() || resetFromServer);
            }
            if (!state.resetFromServer() || resetAt.isAfter(state.resetAt())) {
                return state.withWindow(Math.min(state.remaining(), left), resetAt, resetFromServer);
            }
            return state;
        };
        Seen seen = lastSeen;
        if (seen != null) {
            // Most answers say what this replica already knows (the same window, not fewer left than it saw): no call.
            // Another replica may have written since; its answers lower the count themselves.
            RequestState known = current(seen.text(), clock.instant());
            if (known.hasWindow() && rule.apply(known).equals(known)) {
                return;
            }
        }
        change(rule);
    }

    @Override
    public boolean tryLease() {
        AtomicReference<Boolean> taken = new AtomicReference<>();
        change(state -> {
            taken.set(state.leaseUntil() == null);
            return state.leaseUntil() == null ? state.withLease(clock.instant().plus(PROBE_LEASE)) : state;
        });
        return taken.get();
    }

    @Override
    public void releaseLease() {
        change(state -> state.withLease(null));
    }

    /** One atomic update: the stored state as it is now, changed by {@code rule}, stored with how long to keep it. */
    private void change(UnaryOperator<RequestState> rule) {
        lastSeen = null;
        String stored = value.update(text -> {
            Instant now = clock.instant();
            RequestState after = rule.apply(current(text, now));
            Instant windowKept = !after.hasWindow() ? null
                    : after.resetFromServer() ? after.resetAt().plus(KEEP_IDLE) : after.resetAt();
            return StateText.keep(after.encode(), StateText.later(windowKept, after.leaseUntil()), now);
        });
        lastSeen = new Seen(stored);
    }

    /** A text as read or written (null: no value). */
    private record Seen(String text) {
    }

    /** The stored state at {@code now}: forgotten, rolled on to the window that holds now, the lease run out. */
    private RequestState current(String text, Instant now) {
        RequestState state = RequestState.decode(text);
        if (state.hasWindow() && !now.isBefore(state.resetAt())) {
            boolean idleTooLong = !now.isBefore(state.resetAt().plus(KEEP_IDLE));
            state = !state.resetFromServer() || idleTooLong ? state.withoutWindow()
                    : state.withWindow(limit, RequestCount.windowEnd(state.resetAt(), window, now), true);
        }
        if (state.leaseUntil() != null && !now.isBefore(state.leaseUntil())) {
            state = state.withLease(null);
        }
        return state;
    }
}
