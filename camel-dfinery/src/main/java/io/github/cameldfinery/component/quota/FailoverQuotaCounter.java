package io.github.cameldfinery.component.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A shared counter, with a local one for a share of the limit behind it while the store cannot be reached. The local
 * counter sees every response, so when it takes over it knows the server's window; it starts counting with the next
 * window, as what the other replicas sent in the current one is unknown.
 */
final class FailoverQuotaCounter implements QuotaCounter {

    private final QuotaCounter shared;
    private final LocalQuotaCounter local;
    private final QuotaStoreFailover failover;
    private long outageSeen;

    FailoverQuotaCounter(QuotaCounter shared, long limit, Duration window, QuotaStoreFailover failover, Clock clock) {
        this.shared = shared;
        this.local = new LocalQuotaCounter(failover.share(limit), window, clock);
        this.failover = failover;
    }

    @Override
    public Take take() {
        return failover.call(shared::take, this::takeLocally);
    }

    private synchronized Take takeLocally() {
        long outage = failover.outages();
        if (outage != outageSeen) {
            outageSeen = outage;
            local.spendCurrentWindow();
        }
        return local.take();
    }

    @Override
    public void observe(Long remaining, Instant resetAt, boolean rejected) {
        local.observe(remaining, resetAt, rejected);
        failover.tell(() -> shared.observe(remaining, resetAt, rejected));
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
