package io.github.cameldfinery.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.github.cameldfinery.component.quota.ExportBudget;
import io.github.cameldfinery.component.quota.QuotaCounter;

/**
 * A counter or budget on Redis that is made on its first use once Redis answers, so that the component starts while
 * Redis is down: until then each call throws, and the component follows its {@code quotaStoreUnavailable} option.
 */
final class WhenConnected<T> {

    private final Supplier<T> make;
    private T made;

    private WhenConnected(Supplier<T> make) {
        this.make = make;
    }

    synchronized T get() {
        if (made == null) {
            made = make.get();
        }
        return made;
    }

    /** A request counter made when Redis first answers. */
    static final class Counter implements QuotaCounter {
        private final WhenConnected<QuotaCounter> counter;

        Counter(Supplier<QuotaCounter> make) {
            this.counter = new WhenConnected<>(make);
        }

        @Override
        public Take take(int wanted, Instant mayWaitUntil) {
            return counter.get().take(wanted, mayWaitUntil);
        }

        @Override
        public void giveBack(long requests) {
            counter.get().giveBack(requests);
        }

        @Override
        public void observe(Long remaining, Instant resetAt, boolean rejected) {
            counter.get().observe(remaining, resetAt, rejected);
        }

        @Override
        public void probeAbandoned() {
            counter.get().probeAbandoned();
        }

        @Override
        public View view() {
            return counter.get().view();
        }
    }

    /** An export budget made when Redis first answers. */
    static final class Budget implements ExportBudget {
        private final WhenConnected<ExportBudget> budget;
        private final int limit;
        private final Duration window;

        Budget(Supplier<ExportBudget> make, int limit, Duration window) {
            this.budget = new WhenConnected<>(make);
            this.limit = limit;
            this.window = window;
        }

        @Override
        public Permit tryAcquire() {
            return budget.get().tryAcquire();
        }

        @Override
        public int remaining() {
            return budget.get().remaining();
        }

        @Override
        public Instant nextSlot() {
            return budget.get().nextSlot();
        }

        @Override
        public int limit() {
            return limit;
        }

        @Override
        public Duration window() {
            return window;
        }
    }
}
