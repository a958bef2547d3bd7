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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import io.github.cameldfinery.component.spi.DfineryExportBudget;
import io.github.cameldfinery.component.spi.DfineryQuotaValue;

/**
 * The rules of an export budget, the same for every store, kept as an {@link ExportState} in one value of the store.
 * Windows are aligned on the epoch (an hour's window ends at each clock hour): every replica and every store agree on
 * them without having to store when one began. A call takes one of the window's calls and one slot; the slot is a
 * lease of {@link #SLOT_LEASE}, extended every third of it while the call runs, so that a replica that dies holding one
 * gives it back when the lease runs out.
 */
public final class StoredExportBudget implements DfineryExportBudget {

    /** How long a slot is held unless extended. */
    public static final Duration SLOT_LEASE = Duration.ofMinutes(2);

    private final DfineryQuotaValue value;
    private final int limit;
    private final Duration window;
    private final int concurrency;
    private final Clock clock;
    private final ScheduledExecutorService renewals;

    /**
     * @param renewals where the leases of running calls are extended
     */
    public StoredExportBudget(DfineryQuotaValue value, int limit, Duration window, int concurrency, Clock clock,
                              ScheduledExecutorService renewals) {
        if (limit < 1 || concurrency < 1) {
            throw new IllegalArgumentException("exportQuota and exportConcurrency must be at least 1");
        }
        this.value = value;
        this.limit = limit;
        this.window = window;
        this.concurrency = concurrency;
        this.clock = clock;
        this.renewals = renewals;
    }

    @Override
    public Permit tryAcquire() {
        String holder = UUID.randomUUID().toString();
        AtomicBoolean taken = new AtomicBoolean();
        change(state -> {
            boolean free = state.used() < limit && state.slots().size() < concurrency;
            taken.set(free);
            if (!free) {
                return state;
            }
            Map<String, Instant> slots = new HashMap<>(state.slots());
            slots.put(holder, clock.instant().plus(SLOT_LEASE));
            return new ExportState(state.used() + 1, state.windowEnd(), slots);
        });
        return taken.get() ? new Slot(holder) : null;
    }

    @Override
    public int remaining() {
        return limit - Math.min(limit, current(value.read(), clock.instant()).used());
    }

    @Override
    public Instant nextSlot() {
        Instant now = clock.instant();
        ExportState state = current(value.read(), now);
        return state.used() < limit ? now : state.windowEnd();
    }

    @Override
    public int limit() {
        return limit;
    }

    @Override
    public Duration window() {
        return window;
    }

    private void change(UnaryOperator<ExportState> rule) {
        value.update(text -> {
            Instant now = clock.instant();
            ExportState after = rule.apply(current(text, now));
            if (after.used() == 0 && after.slots().isEmpty()) {
                return DfineryQuotaValue.Next.remove();
            }
            Instant keepUntil = after.windowEnd();
            for (Instant until : after.slots().values()) {
                keepUntil = StateText.later(keepUntil, until);
            }
            return StateText.keep(after.encode(), keepUntil, now);
        });
    }

    /** The stored state at {@code now}: a new window once the stored one ended, slots whose lease ran out gone. */
    private ExportState current(String text, Instant now) {
        ExportState state = ExportState.decode(text);
        Instant end = RequestCount.windowEnd(Instant.EPOCH, window, now);
        int used = end.equals(state.windowEnd()) ? state.used() : 0;
        Map<String, Instant> slots = new HashMap<>(state.slots());
        slots.values().removeIf(until -> !now.isBefore(until));
        return new ExportState(used, end, slots);
    }

    /** A held slot, extended until closed. */
    private final class Slot implements Permit {
        private final String holder;
        private final AtomicBoolean closed = new AtomicBoolean();
        private ScheduledFuture<?> renewal;

        Slot(String holder) {
            this.holder = holder;
            scheduleRenewal();
        }

        private synchronized void scheduleRenewal() {
            if (!closed.get()) {
                renewal = renewals.schedule(this::extend, Math.max(1, SLOT_LEASE.toMillis() / 3), TimeUnit.MILLISECONDS);
            }
        }

        private void extend() {
            try {
                change(state -> {
                    if (!state.slots().containsKey(holder)) {
                        return state;
                    }
                    Map<String, Instant> slots = new HashMap<>(state.slots());
                    slots.put(holder, clock.instant().plus(SLOT_LEASE));
                    return new ExportState(state.used(), state.windowEnd(), slots);
                });
            } catch (RuntimeException e) {
                // Tried again at the next renewal; the lease bounds what a lost renewal costs.
            }
            scheduleRenewal();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                synchronized (this) {
                    if (renewal != null) {
                        renewal.cancel(false);
                    }
                }
                try {
                    change(state -> {
                        Map<String, Instant> slots = new HashMap<>(state.slots());
                        slots.remove(holder);
                        return new ExportState(state.used(), state.windowEnd(), slots);
                    });
                } catch (RuntimeException e) {
                    // The lease gives the slot back when it runs out.
                }
            }
        }
    }
}
