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

/**
 * A shared counter, with a local one for a share of the limit behind it while the store cannot be reached. The local
 * counter sees every response, so when it takes over it knows the server's window; it starts counting with the next
 * window, as what the other replicas sent in the current one is unknown. For the same reason, a store that lost its
 * count in a window this replica was sending in starts again with the next window; and back on the store after an
 * outage, the replica keeps to its local share until the other replicas may all have left theirs.
 */
final class FailoverQuotaCounter implements QuotaCounter {

    /** How long other replicas may go on with their local share after this one found the store back. */
    private static final Duration OTHERS_MAY_STILL_BE_LOCAL = Duration.ofSeconds(6);

    private final QuotaCounter shared;
    private final LocalQuotaCounter local;
    private final QuotaStoreFailover failover;
    private final Duration window;
    private final Clock clock;
    private long outageSeen;
    /** The outage after which {@link #capUntil} was set. */
    private long outageCapped;
    /** Until then, the local share caps what is taken from the store. */
    private Instant capUntil;

    FailoverQuotaCounter(QuotaCounter shared, long limit, Duration window, QuotaStoreFailover failover, Clock clock) {
        this.shared = shared;
        this.local = new LocalQuotaCounter(failover.share(limit), window, clock);
        this.failover = failover;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public Take take(int wanted, Instant mayWaitUntil) {
        Take take = failover.call(() -> takeShared(wanted, mayWaitUntil), () -> takeLocally(wanted, mayWaitUntil));
        if (take.outcome() == Outcome.PROBE && local.answeredThisWindow()) {
            Instant reset = local.view().resetAt();
            // The store lost its count (Redis restarted empty) in a window this replica has been sending in. What the
            // other replicas sent in it is unknown, so the store starts again with the next window, instead of a
            // probe that could run into a window they have spent. A bucket that expired while nobody sent is learnt
            // by a probe, without waiting for the next window.
            failover.tell(() -> shared.observe(0L, reset, false));
            take = failover.call(() -> takeShared(wanted, mayWaitUntil), () -> takeLocally(wanted, mayWaitUntil));
        }
        return take;
    }

    /**
     * Takes from the store; for a while after an outage, no more than the local share allows as well. The other
     * replicas do not find the store back at the same moment (each tries it at most once a second, and a client
     * reconnects within seconds): until they all may have, any of them may still send its local share, which the
     * store does not count, so this replica keeps to its own.
     */
    private Take takeShared(int wanted, Instant mayWaitUntil) {
        Instant now = clock.instant();
        Instant capUntil;
        synchronized (this) {
            long outage = failover.outages();
            if (outage != outageCapped && failover.sharesLocally()) {
                outageCapped = outage;
                Instant reset = local.view().resetAt();
                Instant othersBack = now.plus(OTHERS_MAY_STILL_BE_LOCAL);
                this.capUntil = reset != null ? QuotaCounter.nextReset(reset, window, othersBack)
                        : othersBack.plus(window);
            }
            capUntil = this.capUntil;
        }
        if (capUntil == null || !now.isBefore(capUntil)) {
            return shared.take(wanted, mayWaitUntil);
        }
        Take share = local.take(wanted, mayWaitUntil);
        if (share.outcome() == Outcome.SPENT || share.outcome() == Outcome.WAIT) {
            return share;
        }
        long allowed = share.outcome() == Outcome.GRANTED ? share.granted() : wanted;
        long fromShare = share.outcome() == Outcome.GRANTED ? share.granted() : 0;
        Take take;
        try {
            take = shared.take((int) allowed, mayWaitUntil);
        } catch (RuntimeException e) {
            local.giveBack(fromShare);
            throw e;
        }
        // A probe (the store lost its count) is a request too: it counts in the local share like the others.
        long used = take.outcome() == Outcome.GRANTED ? take.granted() : take.outcome() == Outcome.PROBE ? 1 : 0;
        if (fromShare > used) {
            local.giveBack(fromShare - used);
        }
        return take;
    }

    private synchronized Take takeLocally(int wanted, Instant mayWaitUntil) {
        long outage = failover.outages();
        if (outage != outageSeen) {
            outageSeen = outage;
            local.spendCurrentWindow();
        }
        return local.take(wanted, mayWaitUntil);
    }

    @Override
    public void observe(Long remaining, Instant resetAt, boolean rejected) {
        local.observe(remaining, resetAt, rejected);
        failover.tell(() -> shared.observe(remaining, resetAt, rejected));
    }

    @Override
    public void giveBack(long requests) {
        // Given back where it was most likely taken; a give-back that fails only wastes a little quota.
        local.giveBack(requests);
        failover.tell(() -> shared.giveBack(requests));
    }

    @Override
    public void probeAbandoned() {
        failover.tell(shared::probeAbandoned);
    }

    @Override
    public View view() {
        return failover.look(shared::view, local::view);
    }
}
