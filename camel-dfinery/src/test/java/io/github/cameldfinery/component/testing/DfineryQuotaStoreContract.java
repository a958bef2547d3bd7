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
package io.github.cameldfinery.component.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.cameldfinery.component.quota.RequestCount;
import io.github.cameldfinery.component.quota.RequestCount.Window;
import io.github.cameldfinery.component.quota.StoredExportBudget;
import io.github.cameldfinery.component.quota.StoredRequestCount;
import io.github.cameldfinery.component.spi.DfineryExportBudget;
import io.github.cameldfinery.component.spi.DfineryQuotaStore;
import io.github.cameldfinery.testsupport.FakeClock;
import io.github.cameldfinery.testsupport.ManualTimer;
import org.junit.jupiter.api.Test;

/**
 * What the component needs of a {@link DfineryQuotaStore}, run on one fake clock: the store keeps values, and the
 * component's rules on top of it (windows rolling over, the server's answers, the lease to probe, the export window
 * and its slots) behave the same whatever the store. A store of one's own extends this class in its tests and says
 * how to reach it; a shared store also says how a second replica reaches the same data.
 */
public abstract class DfineryQuotaStoreContract {

    protected static final Duration WINDOW = Duration.ofSeconds(10);
    protected static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    protected static final Instant RESET = START.plusSeconds(4);
    protected static final long LIMIT = 5;

    protected final FakeClock clock = new FakeClock(START);
    protected final ManualTimer timer = new ManualTimer(clock);
    /** Keys of their own, so that a store that outlives a test (a Redis server) starts each test empty. */
    private final String service = "contract-" + UUID.randomUUID();

    /** The store under test; the same one every time within a test. */
    protected abstract DfineryQuotaStore store();

    /** A second replica's way to the same data (its own connection, for a shared store); the same store by default. */
    protected DfineryQuotaStore otherReplica() {
        return store();
    }

    protected RequestCount count(DfineryQuotaStore store) {
        return new StoredRequestCount(store.value(service + ":event"), LIMIT, WINDOW, clock);
    }

    protected DfineryExportBudget exportBudget(DfineryQuotaStore store, int limit, int concurrency, ManualTimer renewals) {
        return new StoredExportBudget(store.value(service + ":export"), limit, Duration.ofHours(1), concurrency, clock,
                renewals);
    }

    @Test
    void nothingIsStoredUntilAnAnswerIsObserved() {
        RequestCount count = count(store());
        assertThat(count.read()).isNull();
        assertThat(count.take(1)).isNull();
        count.giveBack(1);
        assertThat(count.read()).isNull();

        count.observe(9, RESET, true);
        assertThat(count.read()).as("never above the limit").isEqualTo(new Window(LIMIT, RESET));
    }

    @Test
    void inTheSameWindowWhatIsLeftOnlyGoesDown() {
        RequestCount count = count(store());
        count.observe(3, RESET, true);
        count.observe(4, RESET.plusMillis(999), true);
        assertThat(count.read().remaining()).isEqualTo(3);
        count.observe(1, RESET.minusMillis(999), true);
        assertThat(count.read()).isEqualTo(new Window(1, RESET));
    }

    @Test
    void aLaterResetMovesTheWindowWithTheLowerCountAnEarlierOneChangesNothing() {
        RequestCount count = count(store());
        count.observe(3, RESET, true);
        count.observe(5, RESET.minusSeconds(2), true);
        assertThat(count.read()).isEqualTo(new Window(3, RESET));
        count.observe(4, RESET.plusSeconds(2), true);
        assertThat(count.read()).isEqualTo(new Window(3, RESET.plusSeconds(2)));
    }

    @Test
    void aWindowFromTheServerRollsOverWholeAtEachReset() {
        RequestCount count = count(store());
        count.observe(0, RESET, true);
        assertThat(count.take(1).taken()).isZero();

        clock.set(RESET);
        assertThat(count.read()).isEqualTo(new Window(LIMIT, RESET.plus(WINDOW)));
        clock.set(RESET.plus(WINDOW.multipliedBy(3)).plusSeconds(1));
        assertThat(count.take(2).window()).isEqualTo(new Window(LIMIT - 2, RESET.plus(WINDOW.multipliedBy(4))));
    }

    @Test
    void aGuessGivesWayToAnyResetFromTheServerAndIsForgottenAtItsEnd() {
        RequestCount guessed = count(store());
        guessed.observe(2, START.plus(WINDOW), false);
        guessed.observe(4, START.plusSeconds(3), true);
        assertThat(guessed.read()).as("an earlier reset from the server replaces the guess")
                .isEqualTo(new Window(2, START.plusSeconds(3)));

        clock.set(START.plusSeconds(3));
        RequestCount other = new StoredRequestCount(store().value(service + ":profile"), LIMIT, WINDOW, clock);
        other.observe(2, clock.instant().plus(WINDOW), false);
        clock.advance(WINDOW);
        assertThat(other.read()).isNull();
    }

    @Test
    void aWindowNobodyWroteToLongAfterItsEndIsForgotten() {
        RequestCount count = count(store());
        count.observe(2, RESET, true);
        clock.set(RESET.plus(StoredRequestCount.KEEP_IDLE).minusMillis(1));
        assertThat(count.read()).as("still rolling over").isNotNull();
        clock.set(RESET.plus(StoredRequestCount.KEEP_IDLE));
        assertThat(count.read()).isNull();
    }

    @Test
    void takesAndGiveBacksStayWithinZeroAndTheLimit() {
        RequestCount count = count(store());
        count.observe(2, RESET, true);
        assertThat(count.take(5).taken()).isEqualTo(2);
        assertThat(count.take(1).taken()).isZero();
        count.giveBack(9);
        assertThat(count.read().remaining()).isEqualTo(LIMIT);
    }

    @Test
    void oneHolderOfTheLeaseAtATimeUntilItIsGivenBackOrRunsOut() {
        RequestCount count = count(store());
        RequestCount replica = count(otherReplica());
        assertThat(count.tryLease()).isTrue();
        assertThat(replica.tryLease()).isFalse();
        assertThat(count.tryLease()).as("not reentrant").isFalse();
        count.releaseLease();
        assertThat(replica.tryLease()).isTrue();

        clock.advance(StoredRequestCount.PROBE_LEASE.minusMillis(1));
        assertThat(count.tryLease()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(count.tryLease()).as("a holder that never gave it back lost it").isTrue();
    }

    @Test
    void theLeaseAndTheWindowAreKeptSideBySide() {
        RequestCount count = count(store());
        assertThat(count.tryLease()).isTrue();
        count.observe(3, RESET, true);
        assertThat(count(otherReplica()).tryLease()).as("the answer did not give the lease back").isFalse();
        count.releaseLease();
        assertThat(count(otherReplica()).read()).as("giving the lease back kept the window").isEqualTo(new Window(3, RESET));
    }

    @Test
    void replicasTakeFromOneCount() {
        RequestCount count = count(store());
        RequestCount replica = count(otherReplica());
        count.observe(LIMIT, RESET, true);
        assertThat(count.take(2).taken()).isEqualTo(2);
        assertThat(replica.take(5).taken()).isEqualTo(3);
        assertThat(count.read()).isEqualTo(new Window(0, RESET));
        replica.observe(0, RESET.plus(WINDOW), true);
        assertThat(count.read()).isEqualTo(new Window(0, RESET.plus(WINDOW)));
    }

    @Test
    void takesAtTheSameTimeNeverTakeMoreThanTheWindowHolds() throws Exception {
        long limit = 200;
        new StoredRequestCount(store().value(service + ":event"), limit, WINDOW, clock).observe(limit, RESET, true);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> takers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                DfineryQuotaStore replica = i % 2 == 0 ? store() : otherReplica();
                takers.add(threads.submit(() -> {
                    RequestCount count = new StoredRequestCount(replica.value(service + ":event"), limit, WINDOW, clock);
                    long taken = 0;
                    for (long once = 1; once > 0; taken += once) {
                        once = count.take(3).taken();
                    }
                    return taken;
                }));
            }
            long taken = 0;
            for (Future<Long> taker : takers) {
                taken += taker.get();
            }
            assertThat(taken).isEqualTo(limit);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void exportCallsAreCountedPerClockHourForAllReplicas() {
        DfineryExportBudget budget = exportBudget(store(), 3, 5, timer);
        DfineryExportBudget replica = exportBudget(otherReplica(), 3, 5, timer);
        clock.set(START.plusSeconds(30 * 60));

        budget.tryAcquire().close();
        replica.tryAcquire().close();
        budget.tryAcquire().close();

        assertThat(replica.tryAcquire()).as("the fourth call in the hour, from either replica").isNull();
        assertThat(budget.remaining()).isZero();
        assertThat(replica.nextSlot()).isEqualTo(START.plus(Duration.ofHours(1)));
        clock.set(START.plus(Duration.ofHours(1)));
        assertThat(replica.remaining()).isEqualTo(3);
        assertThat(replica.nextSlot()).isEqualTo(clock.instant());
        assertThat(budget.tryAcquire()).isNotNull();
    }

    @Test
    void exportCallsAtOnceAreCountedForAllReplicasAndADeadReplicasSlotComesBackAfterItsLease() {
        DfineryExportBudget budget = exportBudget(store(), 100, 2, timer);
        ManualTimer neverRuns = new ManualTimer(clock);
        DfineryExportBudget dying = exportBudget(otherReplica(), 100, 2, neverRuns);

        DfineryExportBudget.Permit running = budget.tryAcquire();
        assertThat(running).isNotNull();
        assertThat(dying.tryAcquire()).isNotNull();
        assertThat(budget.tryAcquire()).as("a third call at once").isNull();

        // The running call's slot is extended past its lease; the other replica died and extends nothing.
        for (int third = 0; third < 4; third++) {
            timer.advance(StoredExportBudget.SLOT_LEASE.dividedBy(3));
        }
        DfineryExportBudget.Permit next = budget.tryAcquire();
        assertThat(next).as("the dead replica's slot").isNotNull();
        assertThat(budget.tryAcquire()).as("the running call still holds its own").isNull();

        running.close();
        next.close();
        assertThat(budget.remaining()).isEqualTo(100 - 3);
        DfineryExportBudget.Permit one = budget.tryAcquire();
        DfineryExportBudget.Permit two = dying.tryAcquire();
        assertThat(one).as("closed slots are free again").isNotNull();
        assertThat(two).isNotNull();
        one.close();
        two.close();
    }
}
