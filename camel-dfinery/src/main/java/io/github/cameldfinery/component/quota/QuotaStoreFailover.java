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
import java.util.function.Supplier;

import io.github.cameldfinery.component.error.DfineryQuotaStoreException;
import io.github.cameldfinery.component.spi.DfineryQuotaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls to a shared quota store, and what happens while it cannot be reached ({@link QuotaStoreUnavailable}): fail
 * at once, or count a local share for a bounded time. One per component; its {@link #status()} feeds the dev console
 * and the health check.
 */
public final class QuotaStoreFailover {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaStoreFailover.class);
    /** While on the local share, how often the store is tried again. */
    private static final Duration RETRY_STORE_EVERY = Duration.ofSeconds(1);

    private final String store;
    private final Runnable ping;
    private final QuotaStoreUnavailable policy;
    private final double localShare;
    private final Duration localShareMaxTime;
    private final Clock clock;
    private Instant downSince;
    private Instant retryAt;
    private String lastFailure;
    private long outages;

    public QuotaStoreFailover(DfineryQuotaStore store, QuotaStoreUnavailable policy, double localShare,
                              Duration localShareMaxTime, Clock clock) {
        this.store = store.describe();
        this.ping = store::ping;
        this.policy = policy;
        this.localShare = localShare;
        this.localShareMaxTime = localShareMaxTime;
        this.clock = clock;
    }

    /** The part of {@code limit} a replica may use alone; at least 1. */
    long share(long limit) {
        return Math.max(1, (long) Math.floor(limit * localShare));
    }

    /** Asks the store; on failure, the local answer or a {@link DfineryQuotaStoreException}, as configured. */
    <T> T call(Supplier<T> shared, Supplier<T> local) {
        Instant now = clock.instant();
        RuntimeException failure = reachable(now);
        if (failure == null) {
            try {
                return shared.get();
            } catch (RuntimeException e) {
                failed(now, e);
                failure = e;
            }
        }
        if (policy == QuotaStoreUnavailable.FAIL) {
            throw new DfineryQuotaStoreException("The shared DFINERY quota store " + store + " cannot be reached ("
                    + failure.getMessage() + "); nothing was sent (quotaStoreUnavailable=FAIL)", failure);
        }
        return local(now, local);
    }

    /**
     * Null when the store may be used: it was not known to be down, or it answers a ping again (tried at most once a
     * second); else why not.
     */
    private RuntimeException reachable(Instant now) {
        synchronized (this) {
            if (downSince == null) {
                return null;
            }
            if (now.isBefore(retryAt)) {
                return new IllegalStateException(lastFailure);
            }
            retryAt = now.plus(RETRY_STORE_EVERY);
        }
        try {
            ping.run();
        } catch (RuntimeException e) {
            failed(now, e);
            return e;
        }
        recovered();
        return null;
    }

    /**
     * Tries the store now: at the start, so that the choice applies before the first request (the store may be down
     * when the application starts), and from the readiness check while the store is down (at most once a second),
     * so that it turns UP when the store is back even without traffic.
     */
    public void check() {
        Instant now = clock.instant();
        boolean down;
        synchronized (this) {
            down = downSince != null;
        }
        if (down) {
            reachable(now);
            return;
        }
        try {
            ping.run();
        } catch (RuntimeException e) {
            failed(now, e);
        }
    }

    /** Reads for a console: the store's view while it answers, else the local one; never throws. */
    <T> T look(Supplier<T> shared, Supplier<T> local) {
        try {
            return call(shared, local);
        } catch (RuntimeException e) {
            return local.get();
        }
    }

    /** Tells a store not known to be down what a response counted; a failure is noted, never thrown. */
    void tellIfReachable(Runnable shared) {
        Instant now = clock.instant();
        synchronized (this) {
            if (downSince != null) {
                return;
            }
        }
        try {
            shared.run();
        } catch (RuntimeException e) {
            failed(now, e);
        }
    }

    private <T> T local(Instant now, Supplier<T> local) {
        Instant since;
        synchronized (this) {
            since = downSince;
        }
        if (since != null && Duration.between(since, now).compareTo(localShareMaxTime) > 0) {
            throw new DfineryQuotaStoreException("The shared DFINERY quota store " + store + " has been unreachable "
                    + "since " + since + ", longer than quotaLocalShareMaxTime (" + localShareMaxTime + "); nothing "
                    + "was sent", null);
        }
        return local.get();
    }

    private synchronized void failed(Instant now, RuntimeException e) {
        lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
        retryAt = now.plus(RETRY_STORE_EVERY);
        if (downSince == null) {
            downSince = now;
            outages++;
            LOG.warn("The shared DFINERY quota store {} cannot be reached ({}); {}", store, lastFailure,
                    policy == QuotaStoreUnavailable.FAIL ? "requests fail without being sent until it is back"
                            : "counting " + localShare + " of each limit in this JVM for at most " + localShareMaxTime);
        }
    }

    private void recovered() {
        Instant since;
        synchronized (this) {
            since = downSince;
            if (since == null) {
                return;
            }
            downSince = null;
            retryAt = null;
        }
        LOG.info("The shared DFINERY quota store {} is reachable again (it was not since {})", store, since);
    }

    /** Whether replicas count a local share while the store cannot be reached (LOCAL_SHARE). */
    boolean sharesLocally() {
        return policy == QuotaStoreUnavailable.LOCAL_SHARE;
    }

    /** How many times the store has become unreachable since the start. */
    synchronized long outages() {
        return outages;
    }

    /** Where the store is and whether it can be reached, for the dev console and the health check. */
    public synchronized Status status() {
        if (downSince == null) {
            return new Status(store, State.SHARED, null, null, null);
        }
        Instant now = clock.instant();
        boolean localShareLeft = policy == QuotaStoreUnavailable.LOCAL_SHARE
                && Duration.between(downSince, now).compareTo(localShareMaxTime) <= 0;
        return new Status(store, localShareLeft ? State.LOCAL_SHARE : State.FAILING, downSince,
                localShareLeft ? downSince.plus(localShareMaxTime) : null, lastFailure);
    }

    /** How the component counts now. */
    public enum State {
        /** The shared store answers. */
        SHARED,
        /** The store cannot be reached; a local share of each limit is in use. */
        LOCAL_SHARE,
        /** The store cannot be reached; requests fail without being sent. */
        FAILING
    }

    /**
     * @param store          where the shared store is
     * @param downSince      since when it cannot be reached; null when it can
     * @param localShareEnds when the local share stops being used; null unless on it
     * @param lastFailure    the last error from the store; null when it can be reached
     */
    public record Status(String store, State state, Instant downSince, Instant localShareEnds, String lastFailure) {
    }
}
