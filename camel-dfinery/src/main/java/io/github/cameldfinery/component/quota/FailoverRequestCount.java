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
 * A shared count, with a count of a local share of the limit behind it while the store cannot be reached
 * ({@link QuotaStoreFailover}). The local count sees every answer, so when it takes over it knows the server's
 * window; it starts with the next window, as what the other replicas sent in the current one is unknown. Back on the
 * store after an outage, the replica keeps to its local share until the other replicas may all have left theirs.
 */
final class FailoverRequestCount implements RequestCount {

    /** How long other replicas may go on with their local share after this one found the store back. */
    private static final Duration OTHERS_MAY_STILL_BE_LOCAL = Duration.ofSeconds(6);

    private final RequestCount shared;
    private final RequestCount local;
    private final QuotaStoreFailover failover;
    private final Duration window;
    private final Clock clock;
    private long outageSeen;
    /** The outage after which {@link #capUntil} was set. */
    private long outageCapped;
    /** Until then, the local share caps what is taken from the store. */
    private Instant capUntil;

    FailoverRequestCount(RequestCount shared, long limit, Duration window, QuotaStoreFailover failover,
                         Clock clock) {
        this.shared = shared;
        this.local = new StoredRequestCount(new LocalQuotaStore.Value(), failover.share(limit), window, clock);
        this.failover = failover;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public Window read() {
        return failover.call(shared::read, () -> local().read());
    }

    @Override
    public Taken take(long wanted) {
        return failover.call(() -> takeShared(wanted), () -> local().take(wanted));
    }

    /**
     * Takes from the store; for a while after an outage, no more than the local share allows as well. The other
     * replicas do not find the store back at the same moment (each tries it at most once a second, and a client
     * reconnects within seconds): until they all may have, any of them may still send its local share, which the
     * store does not count, so this replica keeps to its own.
     */
    private Taken takeShared(long wanted) {
        Instant now = clock.instant();
        Instant capUntil;
        synchronized (this) {
            long outage = failover.outages();
            if (outage != outageCapped && failover.sharesLocally()) {
                outageCapped = outage;
                Window known = local.read();
                Instant othersBack = now.plus(OTHERS_MAY_STILL_BE_LOCAL);
                this.capUntil = known != null ? RequestCount.windowEnd(known.resetAt(), window, othersBack)
                        : othersBack.plus(window);
            }
            capUntil = this.capUntil;
        }
        if (capUntil == null || !now.isBefore(capUntil)) {
            return shared.take(wanted);
        }
        Taken share = local.take(wanted);
        if (share == null) {
            // The local share knows no window (its guess ended): nothing to cap with.
            return shared.take(wanted);
        }
        if (share.taken() == 0) {
            return share;
        }
        Taken taken;
        try {
            taken = shared.take(share.taken());
        } catch (RuntimeException e) {
            local.giveBack(share.taken());
            throw e;
        }
        // No shared window (Redis came back empty): a probe may follow, and it counts in the local share like any
        // other request, so one is kept for it.
        long used = taken == null ? 1 : taken.taken();
        if (share.taken() > used) {
            local.giveBack(share.taken() - used);
        }
        return taken;
    }

    /** The local share; a new outage spends its current window first. */
    private synchronized RequestCount local() {
        long outage = failover.outages();
        if (outage != outageSeen) {
            outageSeen = outage;
            local.take(Long.MAX_VALUE);
        }
        return local;
    }

    @Override
    public void observe(long remaining, Instant resetAt, boolean resetFromServer) {
        local.observe(remaining, resetAt, resetFromServer);
        failover.tellIfReachable(() -> shared.observe(remaining, resetAt, resetFromServer));
    }

    @Override
    public void giveBack(long requests) {
        // Given back where it was most likely taken; a give-back that fails only wastes a little quota.
        local.giveBack(requests);
        failover.tellIfReachable(() -> shared.giveBack(requests));
    }

    @Override
    public boolean tryLease() {
        return failover.call(shared::tryLease, () -> true);
    }

    /** Throws while the store cannot be told: the policy keeps the lease and gives it back once the store answers. */
    @Override
    public void releaseLease() {
        failover.call(() -> {
            shared.releaseLease();
            return null;
        }, () -> {
            throw new IllegalStateException("the shared quota store cannot be reached");
        });
    }
}
