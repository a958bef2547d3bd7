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

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.http.RateLimitState;
import org.junit.jupiter.api.Test;

/**
 * The quota guard on a clock and a timer the test moves, in milliseconds: a probe that never answers, one that ends
 * without an answer, a wait for the window's reset, a 429, and a counter that fails and comes back.
 */
class QuotaGuardClockTest {

    static final Duration WINDOW = Duration.ofSeconds(1);

    final QuotaPolicyTest.FakeClock clock = new QuotaPolicyTest.FakeClock(Instant.parse("2026-12-01T10:00:00.100Z"));
    final ManualScheduler timer = new ManualScheduler();
    final FlakyCounter counter = new FlakyCounter(new LocalQuotaCounter(3, WINDOW, clock));
    final QuotaGuard guard = new QuotaGuard("shop", "EVENT", 3, WINDOW, counter, clock, timer);

    CompletableFuture<QuotaGuard.Permit> acquire(Duration maxWait) {
        return guard.acquire(maxWait, Duration.ofMillis(500));
    }

    void advance(Duration by) {
        clock.advance(by);
        timer.runDue();
    }

    static RateLimitState answer(long remaining, Instant reset) {
        return new RateLimitState("1s", remaining, reset);
    }

    @Test
    void aProbeThatNeverAnswersKeepsTheOthersWaitingOnlyForTheProbeWait() {
        CompletableFuture<QuotaGuard.Permit> probe = acquire(Duration.ZERO);
        CompletableFuture<QuotaGuard.Permit> waiting = acquire(Duration.ZERO);
        assertThat(probe).isCompleted();
        assertThat(waiting).isNotDone();

        advance(Duration.ofMillis(499));
        assertThat(waiting).isNotDone();
        advance(Duration.ofMillis(1));
        assertThat(waiting).isCompletedExceptionally();
        assertThat(waiting.handle((p, e) -> e.getCause() != null ? e.getCause() : e).join())
                .isInstanceOf(DfineryRateLimitException.class).hasMessageContaining("No answer yet");
    }

    @Test
    void aProbeThatEndsWithoutAnAnswerLetsTheNextProbe() {
        CompletableFuture<QuotaGuard.Permit> probe = acquire(Duration.ZERO);
        CompletableFuture<QuotaGuard.Permit> next = acquire(Duration.ZERO);

        probe.join().close();

        assertThat(next).isCompleted();
    }

    @Test
    void requestsThatMayWaitGoAtTheReset() {
        acquire(Duration.ZERO).join().observe(answer(0, Instant.parse("2026-12-01T10:00:01Z")), false);
        CompletableFuture<QuotaGuard.Permit> waiting = acquire(Duration.ofSeconds(2));
        CompletableFuture<QuotaGuard.Permit> refused = acquire(Duration.ofMillis(100));

        assertThat(refused).isCompletedExceptionally();
        advance(Duration.ofMillis(899));
        assertThat(waiting).isNotDone();
        advance(Duration.ofMillis(1));
        assertThat(waiting).isCompleted();
    }

    @Test
    void a429HoldsEveryoneUntilItsReset() {
        Instant reset = Instant.parse("2026-12-01T10:00:01Z");
        acquire(Duration.ZERO).join().observe(answer(2, reset), false);
        acquire(Duration.ZERO).join().observe(answer(0, reset), true);

        assertThat(acquire(Duration.ZERO)).isCompletedExceptionally();
        CompletableFuture<QuotaGuard.Permit> waiting = acquire(Duration.ofSeconds(1));
        advance(Duration.ofMillis(900));
        assertThat(waiting).isCompleted();
        assertThat(guard.snapshot().rejectedByServer()).isEqualTo(1);
    }

    @Test
    void aCounterThatFailsRefusesAndOneThatIsBackGrants() {
        counter.failing = true;
        assertThat(acquire(Duration.ZERO)).isCompletedExceptionally();

        counter.failing = false;
        assertThat(acquire(Duration.ZERO)).isCompleted();
    }

    /** A counter whose store can be made to fail. */
    static final class FlakyCounter implements QuotaCounter {
        private final QuotaCounter counter;
        volatile boolean failing;

        FlakyCounter(QuotaCounter counter) {
            this.counter = counter;
        }

        @Override
        public Take take(int wanted, Instant mayWaitUntil) {
            if (failing) {
                throw new IllegalStateException("the store cannot be reached");
            }
            return counter.take(wanted, mayWaitUntil);
        }

        @Override
        public void giveBack(long requests) {
            counter.giveBack(requests);
        }

        @Override
        public void observe(Long remaining, Instant resetAt, boolean rejected) {
            counter.observe(remaining, resetAt, rejected);
        }

        @Override
        public void probeAbandoned() {
            counter.probeAbandoned();
        }

        @Override
        public View view() {
            return counter.view();
        }
    }

    /** Runs what is due on the fake clock when the test says so, on the test's thread. */
    final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
        private final List<Task<?>> tasks = new ArrayList<>();

        void runDue() {
            while (true) {
                Task<?> next;
                synchronized (this) {
                    tasks.removeIf(Task::isDone);
                    next = tasks.stream().filter(t -> !t.at.isAfter(clock.instant()))
                            .min(Comparator.comparing(t -> t.at)).orElse(null);
                    if (next == null) {
                        return;
                    }
                    tasks.remove(next);
                }
                next.run();
            }
        }

        @Override
        public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            Task<Object> task = new Task<>(() -> {
                command.run();
                return null;
            }, clock.instant().plusMillis(unit.toMillis(delay)));
            tasks.add(task);
            return task;
        }

        @Override
        public synchronized <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            Task<V> task = new Task<>(callable, clock.instant().plusMillis(unit.toMillis(delay)));
            tasks.add(task);
            return task;
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                         TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }

        final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
            final Instant at;

            Task(Callable<V> callable, Instant at) {
                super(callable);
                this.at = at;
            }

            @Override
            public long getDelay(TimeUnit unit) {
                return unit.convert(Duration.between(clock.instant(), at));
            }

            @Override
            public int compareTo(Delayed other) {
                return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
            }
        }
    }
}
