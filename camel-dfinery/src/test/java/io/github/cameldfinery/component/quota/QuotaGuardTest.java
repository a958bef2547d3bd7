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
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.http.RateLimitState;
import io.github.cameldfinery.component.spi.DfineryQuotaStore;
import io.github.cameldfinery.component.spi.DfineryQuotaValue;
import io.github.cameldfinery.testsupport.FakeClock;
import io.github.cameldfinery.testsupport.ManualTimer;
import org.junit.jupiter.api.Test;

/**
 * The quota guard and its policy on a clock and a timer the test moves: windows of a second pass in no time. Each case
 * is one a route meets: the window rolling over, the margin before a reset, 429s, resets not to believe, a probe
 * that fails, throws or never answers, and a store that fails, loses its count and comes back.
 */
class QuotaGuardTest {

    static final Duration WINDOW = Duration.ofSeconds(1);
    static final Duration NO_WAIT = Duration.ZERO;
    static final Duration PROBE_WAIT = Duration.ofMillis(500);
    static final Instant START = Instant.parse("2026-12-01T10:00:00.100Z");
    static final Instant RESET = Instant.parse("2026-12-01T10:00:01Z");

    final FakeClock clock = new FakeClock(START);
    final ManualTimer timer = new ManualTimer(clock);
    final StoreCount store = new StoreCount(3);
    final QuotaGuard guard = new QuotaGuard("shop", "EVENT", 3, WINDOW, store, false, clock, timer);

    CompletableFuture<QuotaGuard.Permit> acquire(Duration maxWait) {
        return guard.acquire(maxWait, PROBE_WAIT);
    }

    /** Sends the probe and answers it: {@code remaining} left until {@code reset}. */
    void learn(Long remaining, Instant reset) {
        acquire(NO_WAIT).join().observe(answer(remaining, reset), false);
    }

    /** A guard on {@link #store} as a shared store, behind the fail-over the component puts in front of one. */
    QuotaGuard sharedGuard(QuotaStoreUnavailable whileAway, double localShare) {
        QuotaStoreFailover failover = new QuotaStoreFailover(new SharedStore(), whileAway, localShare,
                Duration.ofMinutes(5), clock);
        return new QuotaGuard("shop", "EVENT", 3, WINDOW, new FailoverRequestCount(store, 3, WINDOW, failover, clock),
                true, clock, timer);
    }

    static RateLimitState answer(Long remaining, Instant reset) {
        return new RateLimitState("1s", remaining, reset);
    }

    static Throwable failure(CompletableFuture<?> future) {
        return future.handle((p, e) -> e.getCause() != null ? e.getCause() : e).join();
    }

    /** Asks for {@code attempts} permits that may not wait; how many were granted (each is closed at once). */
    int granted(int attempts) {
        int granted = 0;
        for (int i = 0; i < attempts; i++) {
            CompletableFuture<QuotaGuard.Permit> permit = acquire(NO_WAIT);
            if (!permit.isCompletedExceptionally()) {
                assertThat(permit).isCompleted();
                permit.join().close();
                granted++;
            }
        }
        return granted;
    }

    @Test
    void theServersWindowRollsOverWholeAtItsReset() {
        learn(2L, RESET);

        assertThat(granted(5)).isEqualTo(2);
        clock.set(RESET);
        assertThat(granted(5)).as("the whole limit of the next window").isEqualTo(3);
        clock.set(RESET.plus(WINDOW).minusMillis(1));
        assertThat(granted(5)).isZero();
        clock.set(RESET.plus(WINDOW));
        assertThat(granted(5)).isEqualTo(3);
    }

    @Test
    void aRequestThatMayWaitIsHeldWithinTheMarginOfTheResetOneThatMayNotGoes() {
        learn(2L, RESET);
        clock.set(RESET.minus(QuotaPolicy.resetMargin(WINDOW)));

        assertThat(acquire(NO_WAIT)).as("cannot wait for the next window").isCompleted();
        CompletableFuture<QuotaGuard.Permit> held = acquire(Duration.ofSeconds(5));
        assertThat(held).isNotDone();
        timer.advance(QuotaPolicy.resetMargin(WINDOW));
        assertThat(held).isCompleted();
        assertThat(store.read().remaining()).as("taken from the new window").isEqualTo(2);
    }

    @Test
    void requestsThatMayWaitGoAtTheResetOthersAreRefusedSayingWhen() {
        learn(0L, RESET);
        CompletableFuture<QuotaGuard.Permit> waiting = acquire(Duration.ofSeconds(2));
        CompletableFuture<QuotaGuard.Permit> refused = acquire(Duration.ofMillis(100));

        assertThat(failure(refused)).isInstanceOf(DfineryRateLimitException.class)
                .hasMessageContaining("resets at " + RESET).hasMessageContaining("nothing was sent");
        timer.advance(Duration.ofMillis(899));
        assertThat(waiting).isNotDone();
        timer.advance(Duration.ofMillis(1));
        assertThat(waiting).isCompleted();
    }

    @Test
    void theProbeCountsInItsWindowWhenTheLimitConfiguredHereIsLowerThanTheServers() {
        learn(9L, RESET);

        assertThat(granted(5)).as("3 configured, one of them the probe").isEqualTo(2);
    }

    @Test
    void aRequestAllowedToWaitExactlyUntilTheResetGetsItsPermitThere() {
        learn(0L, RESET);
        CompletableFuture<QuotaGuard.Permit> waiting = acquire(Duration.between(START, RESET));

        timer.advance(Duration.between(START, RESET));

        assertThat(waiting).isCompleted();
    }

    @Test
    void requestsTakenSoLateThatTheResetPassedWaitAndAreNotGivenToTheNextWindow() {
        learn(2L, RESET);
        clock.set(RESET.minusMillis(300));
        store.afterTake = () -> {
            // The store answers after the reset, and another replica has taken one from the next window meanwhile.
            clock.set(RESET.plusMillis(10));
            store.take(1);
        };

        CompletableFuture<QuotaGuard.Permit> late = acquire(Duration.ofSeconds(5));

        assertThat(late).isNotDone();
        assertThat(store.read().remaining()).as("the next window less the other replica's one").isEqualTo(2);
        timer.runDue();
        assertThat(late).isCompleted();
        assertThat(store.read().remaining()).isEqualTo(1);
    }

    @Test
    void a429SpendsTheWindowUntilItsReset() {
        learn(2L, RESET);
        acquire(NO_WAIT).join().observe(answer(0L, RESET), true);

        assertThat(acquire(NO_WAIT)).isCompletedExceptionally();
        CompletableFuture<QuotaGuard.Permit> waiting = acquire(Duration.ofSeconds(1));
        timer.advance(Duration.ofMillis(900));
        assertThat(waiting).isCompleted();
        assertThat(guard.snapshot().rejectedByServer()).isEqualTo(1);
    }

    @Test
    void a429WithAnEarlierResetStillSpendsTheWindowTheCountIsIn() {
        learn(2L, RESET);
        acquire(NO_WAIT).join().observe(answer(0L, START.plusMillis(300)), true);

        assertThat(granted(3)).isZero();
    }

    @Test
    void a429WithAResetInThePastHoldsTheConfiguredWindowThenProbes() {
        acquire(NO_WAIT).join().observe(answer(0L, START.minusSeconds(10)), true);

        assertThat(failure(acquire(NO_WAIT))).hasMessageContaining("resets at " + START.plus(WINDOW));
        clock.advance(Duration.ofMillis(250));
        assertThat(granted(1)).as("no fresh window after a short back-off").isZero();
        clock.set(START.plus(WINDOW));
        assertThat(acquire(NO_WAIT)).isCompleted();
        assertThat(acquire(NO_WAIT)).as("the window after a guess is probed, one request alone").isNotDone();
    }

    @Test
    void a429WithAResetAboutToComeBacksOffAtLeast250Ms() {
        acquire(NO_WAIT).join().observe(answer(0L, START.plusMillis(10)), true);

        assertThat(failure(acquire(NO_WAIT))).hasMessageContaining("resets at " + START.plusMillis(250));
    }

    @Test
    void aResetBeyondTheWindowIsHeldToItAndTheNextWindowIsProbed() {
        learn(0L, Instant.parse("3000-01-01T00:00:00Z"));

        assertThat(failure(acquire(NO_WAIT))).hasMessageContaining("resets at " + START.plus(WINDOW));
        clock.advance(WINDOW);
        assertThat(acquire(NO_WAIT)).isCompleted();
        assertThat(acquire(NO_WAIT)).as("a probe, not a window given out on a guess").isNotDone();
    }

    @Test
    void aCountWithoutAResetIsKeptForTheWindowThenProbedThenTheServersScheduleRules() {
        learn(1L, null);

        assertThat(granted(5)).isEqualTo(1);
        clock.advance(WINDOW);
        Instant reset = clock.instant().plusMillis(700);
        learn(2L, reset);
        assertThat(granted(5)).isEqualTo(2);
        clock.set(reset);
        assertThat(granted(5)).isEqualTo(3);
    }

    @Test
    void aProbeThatNeverAnswersKeepsTheOthersWaitingOnlyForTheProbeWait() {
        CompletableFuture<QuotaGuard.Permit> probe = acquire(NO_WAIT);
        CompletableFuture<QuotaGuard.Permit> waiting = acquire(NO_WAIT);
        assertThat(probe).isCompleted();
        assertThat(waiting).isNotDone();

        timer.advance(PROBE_WAIT.minusMillis(1));
        assertThat(waiting).isNotDone();
        timer.advance(Duration.ofMillis(1));
        assertThat(failure(waiting)).isInstanceOf(DfineryRateLimitException.class)
                .hasMessageContaining("No answer yet");
    }

    @Test
    void aProbeWhoseOnlyRequestTimedOutWhileTheStoreWasAskedGivesItsLeaseBack() {
        store.afterTake = () -> timer.advance(PROBE_WAIT);

        CompletableFuture<QuotaGuard.Permit> gone = acquire(NO_WAIT);

        assertThat(failure(gone)).isInstanceOf(DfineryRateLimitException.class);
        assertThat(acquire(NO_WAIT)).as("nobody holds the lease: the next request probes").isCompleted();
    }

    @Test
    void aProbeThatThrowsBeforeAnAnswerLetsTheNextProbe() {
        CompletableFuture<QuotaGuard.Permit> probe = acquire(NO_WAIT);
        CompletableFuture<QuotaGuard.Permit> next = acquire(NO_WAIT);

        probe.join().close();

        assertThat(next).isCompleted();
        assertThat(acquire(NO_WAIT)).as("still one at a time: the next one probes").isNotDone();
    }

    @Test
    void aProbeThatFailsWithoutACountIsCountedInAGuessedWindow() {
        learn(null, null);

        assertThat(granted(5)).as("the limit less the probe, until the configured window ends").isEqualTo(2);
        clock.advance(WINDOW);
        assertThat(acquire(NO_WAIT)).isCompleted();
        assertThat(acquire(NO_WAIT)).isNotDone();
    }

    @Test
    void aStoreThatFailsRefusesNamingItAndGrantsOnceItIsBack() {
        learn(2L, RESET);
        store.failing = true;
        assertThat(failure(acquire(NO_WAIT))).isInstanceOf(DfineryRateLimitException.class)
                .hasMessageContaining("could not be counted").hasMessageContaining("the store cannot be reached");

        store.failing = false;
        assertThat(granted(5)).isEqualTo(2);
    }

    @Test
    void aProbeWhoseAnswerASharedStoreMissedGivesTheLeaseBackOnceTheStoreAnswers() {
        QuotaGuard shared = sharedGuard(QuotaStoreUnavailable.FAIL, 0);
        QuotaGuard.Permit probe = shared.acquire(NO_WAIT, PROBE_WAIT).join();
        store.failing = true;
        probe.observe(answer(2L, RESET), false);
        store.failing = false;
        clock.advance(Duration.ofSeconds(1));

        assertThat(shared.acquire(NO_WAIT, PROBE_WAIT)).as("a probe again at once, not after the lease runs out")
                .isCompleted();
        assertThat(shared.acquire(NO_WAIT, PROBE_WAIT)).as("one at a time").isNotDone();
    }

    @Test
    void backOnAStoreThatLostItsCountTheProbeCountsInTheLocalShareLikeAnyRequest() {
        QuotaGuard shared = sharedGuard(QuotaStoreUnavailable.LOCAL_SHARE, 0.67);
        shared.acquire(NO_WAIT, PROBE_WAIT).join().observe(answer(2L, RESET), false);
        store.failing = true;
        assertThat(shared.acquire(NO_WAIT, PROBE_WAIT)).as("the local share starts with the next window")
                .isCompletedExceptionally();

        // Back one second later, in the next window, on a store that lost its count: the local share (2) still caps.
        clock.set(RESET.plusMillis(100));
        store.failing = false;
        store.lose();
        QuotaGuard.Permit probe = shared.acquire(NO_WAIT, PROBE_WAIT).join();
        probe.observe(answer(2L, RESET.plus(WINDOW)), false);

        assertThat(shared.acquire(NO_WAIT, PROBE_WAIT)).isCompleted();
        assertThat(shared.acquire(NO_WAIT, PROBE_WAIT)).as("the probe and one more make the share of 2")
                .isCompletedExceptionally();
    }

    @Test
    void backOnTheStoreALocalShareLastsToTheEndOfTheWindowThatHoldsTheMomentSixSecondsLater() {
        QuotaGuard shared = sharedGuard(QuotaStoreUnavailable.LOCAL_SHARE, 0.67);
        shared.acquire(NO_WAIT, PROBE_WAIT).join().observe(answer(2L, RESET), false);
        store.failing = true;
        assertThat(shared.acquire(NO_WAIT, PROBE_WAIT)).isCompletedExceptionally();
        store.failing = false;

        // Back 100 ms into the window that ends at RESET + 1 s: 6 s later is 100 ms into the window ending at
        // RESET + 7 s, the last one held to the local share (2 of 3); windows of 1 s here, of a minute at DFINERY.
        List<Integer> granted = new ArrayList<>();
        for (int window = 0; window < 9; window++) {
            granted.add(grantedInTheWindowEndingAt(shared, RESET.plus(WINDOW.multipliedBy(window + 1))));
        }
        assertThat(granted).containsExactly(2, 2, 2, 2, 2, 2, 2, 3, 3);
    }

    /** Permits granted in one window, 100 ms into it: a probe that the server answers, then all that it gives. */
    int grantedInTheWindowEndingAt(QuotaGuard shared, Instant reset) {
        clock.set(reset.minus(WINDOW).plusMillis(100));
        shared.acquire(NO_WAIT, PROBE_WAIT).join().observe(answer(2L, reset), false);
        int granted = 1;
        for (CompletableFuture<QuotaGuard.Permit> next = shared.acquire(NO_WAIT, PROBE_WAIT);
             !next.isCompletedExceptionally() && granted < 10; next = shared.acquire(NO_WAIT, PROBE_WAIT)) {
            assertThat(next).isCompleted();
            next.join().close();
            granted++;
        }
        return granted;
    }

    @Test
    void aStoreThatLostItsCountInAWindowThisJvmSentInStartsAgainWithTheNextWindow() {
        learn(2L, RESET);
        assertThat(granted(1)).isEqualTo(1);
        store.lose();

        assertThat(granted(5)).as("what other replicas sent in this window is unknown").isZero();
        clock.set(RESET);
        assertThat(granted(5)).isEqualTo(3);
    }

    @Test
    void aCountThatExpiredWhileNobodySentIsLearntByAProbe() {
        learn(2L, RESET);
        clock.set(RESET.plus(WINDOW.multipliedBy(3)));
        store.lose();

        assertThat(acquire(NO_WAIT)).isCompleted();
        assertThat(acquire(NO_WAIT)).isNotDone();
    }

    /** The store behind {@link #store}, for the fail-over: reachable when the count is. */
    final class SharedStore implements DfineryQuotaStore {
        @Override
        public DfineryQuotaValue value(String key) {
            throw new UnsupportedOperationException("the guards here are given their count");
        }

        @Override
        public void ping() {
            store.reach();
        }

        @Override
        public boolean isShared() {
            return true;
        }

        @Override
        public String describe() {
            return "a test store";
        }
    }

    /** The in-memory count, as a shared store would behave: it can be made to fail, or to lose what it holds. */
    final class StoreCount implements RequestCount {
        private final long limit;
        private volatile RequestCount count;
        volatile boolean failing;
        /** Runs once after the next take, before its answer returns. */
        volatile Runnable afterTake;

        StoreCount(long limit) {
            this.limit = limit;
            this.count = new StoredRequestCount(new LocalQuotaStore.Value(), limit, WINDOW, clock);
        }

        void lose() {
            count = new StoredRequestCount(new LocalQuotaStore.Value(), limit, WINDOW, clock);
        }

        private RequestCount reach() {
            if (failing) {
                throw new IllegalStateException("the store cannot be reached");
            }
            return count;
        }

        @Override
        public Window read() {
            return reach().read();
        }

        @Override
        public Taken take(long wanted) {
            Taken taken = reach().take(wanted);
            Runnable hook = afterTake;
            afterTake = null;
            if (hook != null) {
                hook.run();
            }
            return taken;
        }

        @Override
        public void giveBack(long requests) {
            reach().giveBack(requests);
        }

        @Override
        public void observe(long remaining, Instant resetAt, boolean resetFromServer) {
            reach().observe(remaining, resetAt, resetFromServer);
        }

        @Override
        public boolean tryLease() {
            return reach().tryLease();
        }

        @Override
        public void releaseLease() {
            reach().releaseLease();
        }
    }
}
