package io.github.cameldfinery.component.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A shared counter, with a local one for a share of the limit behind it while the store cannot be reached. The local
 * counter sees every response, so when it takes over it knows the server's window; it starts counting with the next
 * window, as what the other replicas sent in the current one is unknown. For the same reason, a store that lost its
 * count in a window this replica was sending in starts again with the next window.
 */
final class FailoverQuotaCounter implements QuotaCounter {

    private final QuotaCounter shared;
    private final LocalQuotaCounter local;
    private final QuotaStoreFailover failover;
    private long outageSeen;
    /**
     * This replica took the store's right to probe and the store has not heard how the probe ended (its answer or
     * its end came while the store could not be reached): the right goes back before the next take, or every replica
     * would wait for the right's lease to run out.
     */
    private volatile boolean probeRightHeld;

    FailoverQuotaCounter(QuotaCounter shared, long limit, Duration window, QuotaStoreFailover failover, Clock clock) {
        this.shared = shared;
        this.local = new LocalQuotaCounter(failover.share(limit), window, clock);
        this.failover = failover;
    }

    @Override
    public Take take(int wanted, Instant mayWaitUntil) {
        Take take = failover.call(() -> takeShared(wanted, mayWaitUntil), () -> takeLocally(wanted, mayWaitUntil));
        View known = take.outcome() == Outcome.PROBE && local.answeredThisWindow() ? local.view() : View.UNKNOWN;
        if (known.resetAt() != null) {
            // The store lost its count (Redis restarted empty) in a window this replica has been sending in. What the
            // other replicas sent in it is unknown, so the store starts again with the next window, instead of a
            // probe that could run into a window they have spent. A bucket that expired while nobody sent is learnt
            // by a probe, without waiting for the next window.
            failover.tell(() -> observeShared(0L, known.resetAt(), false));
            take = failover.call(() -> takeShared(wanted, mayWaitUntil), () -> takeLocally(wanted, mayWaitUntil));
        }
        return take;
    }

    private Take takeShared(int wanted, Instant mayWaitUntil) {
        if (probeRightHeld) {
            shared.probeAbandoned();
            probeRightHeld = false;
        }
        Take take = shared.take(wanted, mayWaitUntil);
        probeRightHeld = take.outcome() == Outcome.PROBE;
        return take;
    }

    /** The answer made the bucket, or went into the existing one: either way the right to probe is free. */
    private void observeShared(Long remaining, Instant resetAt, boolean rejected) {
        shared.observe(remaining, resetAt, rejected);
        probeRightHeld = false;
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
        failover.tell(() -> observeShared(remaining, resetAt, rejected));
    }

    @Override
    public void giveBack(long requests) {
        // Given back where it was most likely taken; a give-back that fails only wastes a little quota.
        local.giveBack(requests);
        failover.tell(() -> shared.giveBack(requests));
    }

    @Override
    public void probeAbandoned() {
        failover.tell(() -> {
            shared.probeAbandoned();
            probeRightHeld = false;
        });
    }

    @Override
    public View view() {
        return failover.look(shared::view, local::view);
    }
}
