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
package io.github.cameldfinery.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.cameldfinery.component.quota.QuotaCounter;

/**
 * DFINERY's request limit for one service and API kind, counted in a Bucket4j bucket that all replicas share: a
 * bucket of {@code limit} tokens refilled at once at every reset, its windows lined up with the server's
 * ({@code x-ratelimit-reset}). The bucket is made from the first answer any replica gets (its remaining count and
 * reset), so a replica that starts while others run learns the count from the store, without a probe. While no
 * bucket exists (the first start, or after it expired or the store lost it) one replica at a time probes: the right
 * to probe is the single token of a second bucket, refilled after {@code probeLease} if its holder never answers.
 */
final class Bucket4jQuotaCounter implements QuotaCounter {

    /** A reset given in seconds is rounded down: within this, two resets are the same window. */
    private static final long SAME_RESET_MILLIS = 1000;
    /** While another replica probes, look at the store again this often. */
    private static final Duration LOOK_AGAIN = Duration.ofMillis(20);

    private final ProxyManager<String> buckets;
    private final String key;
    private final long limit;
    private final Duration window;
    private final Clock clock;
    private final Duration resetMargin;
    private final BucketProxy probeRight;
    private BucketProxy bucket;
    private long firstResetMillis;
    /** Tokens left after this replica's last take, and the window it was in: only a lower server count is news. */
    private long lastRemaining = Long.MAX_VALUE;
    private long lastRemainingReset;
    /**
     * This replica took the right to probe and the store has not heard how its probe ended (the answer came while
     * the store could not be reached): it goes back at the next take, or every replica would wait out its lease.
     */
    private boolean holdsProbeRight;

    Bucket4jQuotaCounter(ProxyManager<String> buckets, String key, long limit, Duration window, Duration probeLease,
                         Clock clock) {
        this.buckets = buckets;
        this.key = key;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.resetMargin = QuotaCounter.resetMargin(window);
        this.probeRight = buckets.builder().build(key + ":probe", () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(1).refillIntervally(1, probeLease).build()).build());
    }

    @Override
    public synchronized Take take(int wanted, Instant mayWaitUntil) {
        Instant now = clock.instant();
        if (holdsProbeRight) {
            giveProbeRightBack();
        }
        if (bucket() == null) {
            if (!probeRight.tryConsume(1)) {
                return Take.waitUntil(now.plus(LOOK_AGAIN));
            }
            if (bucket() == null) {
                holdsProbeRight = true;
                return Take.probe();
            }
            // Another replica's probe was answered between the look and the take: its answer made the bucket, then
            // gave the right back. Probing now would send a request the bucket does not count.
            probeRight.addTokens(1);
        }
        long reset = currentResetMillis(now);
        try {
            if (reset - now.toEpochMilli() <= resetMargin.toMillis() && mayWaitUntil.toEpochMilli() >= reset) {
                return Take.waitUntil(Instant.ofEpochMilli(reset));
            }
            // One compare-and-swap in the store for the requests that wait, up to a sixteenth of the limit, so that
            // the replica that comes first after a reset does not take the whole window.
            long asked = Math.min(wanted, Math.max(1, limit / 16));
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(asked);
            lastRemainingReset = reset;
            if (probe.isConsumed()) {
                lastRemaining = probe.getRemainingTokens();
                if (lateForTheWindow(reset, mayWaitUntil)) {
                    // The store answered so late that the requests would reach the server in the next window, which
                    // the store hands out whole at the reset: taken from this window (it ends anyway), they wait.
                    return Take.waitUntil(Instant.ofEpochMilli(reset));
                }
                return Take.granted(asked);
            }
            long left = probe.getRemainingTokens();
            long granted = left > 0 ? bucket.tryConsumeAsMuchAsPossible(left) : 0;
            lastRemaining = 0;
            if (granted > 0) {
                return lateForTheWindow(reset, mayWaitUntil) ? Take.waitUntil(Instant.ofEpochMilli(reset))
                        : Take.granted(granted);
            }
            // At most the limit was asked for: the reset brings it.
            return Take.spent(now.plusNanos(probe.getNanosToWaitForRefill()));
        } catch (BucketNotFoundException e) {
            // Expired while idle, or the store lost it: the server's count must be learnt again.
            bucket = null;
            return take(wanted, mayWaitUntil);
        }
    }

    /** Whether, after a call to the store, it is now within the reset margin of a window it took from. */
    private boolean lateForTheWindow(long reset, Instant mayWaitUntil) {
        return reset - clock.millis() <= resetMargin.toMillis() && mayWaitUntil.toEpochMilli() >= reset;
    }

    @Override
    public synchronized void giveBack(long requests) {
        if (bucket != null) {
            try {
                bucket.addTokens(requests);
            } catch (BucketNotFoundException e) {
                bucket = null;
            }
        }
    }

    @Override
    public synchronized void observe(Long remaining, Instant resetAt, boolean rejected) {
        Instant now = clock.instant();
        boolean known = remaining != null && resetAt != null && resetAt.isAfter(now);
        if (bucket() == null) {
            // The probe's answer (or the first after the store lost the bucket): it sets the count for everyone.
            Instant reset;
            long tokens;
            if (known) {
                reset = resetAt;
                tokens = rejected ? 0 : Math.min(remaining, limit);
            } else if (resetAt != null && !resetAt.isAfter(now)) {
                // An answer about a window that has ended: the server's windows go on from its reset.
                reset = QuotaCounter.nextReset(resetAt, window, now);
                tokens = limit;
            } else {
                // No count, or no reset to believe (the guard passes none from the past or beyond the window): the
                // configured window from now, with what the server said is left if it said so.
                reset = resetAt != null ? resetAt : now.plus(window);
                tokens = rejected ? 0 : remaining != null ? Math.min(remaining, limit) : limit - 1;
            }
            BucketConfiguration config = configuration(reset, tokens);
            buckets.builder().build(key, () -> config).getAvailableTokens();
            adopt(buckets.getProxyConfiguration(key).orElse(config));
            giveProbeRightBack();
        } else if (holdsProbeRight) {
            giveProbeRightBack();
        }
        try {
            if (rejected) {
                bucket.tryConsumeAsMuchAsPossible();
                lastRemaining = 0;
                return;
            }
            if (!known) {
                return;
            }
            long currentReset = currentResetMillis(now);
            long difference = resetAt.toEpochMilli() - currentReset;
            if (difference >= SAME_RESET_MILLIS) {
                // The server's window ends later than the bucket's: its windows are not where the bucket has them.
                bucket.replaceConfiguration(configuration(resetAt, Math.min(remaining, limit)),
                        TokensInheritanceStrategy.AS_IS);
                adopt(buckets.getProxyConfiguration(key).orElseThrow());
                currentReset = currentResetMillis(now);
            } else if (difference <= -SAME_RESET_MILLIS) {
                return; // an answer from a window that has ended
            }
            if (lastRemainingReset != currentReset || remaining < lastRemaining) {
                long tokens = bucket.getAvailableTokens();
                if (tokens > remaining) {
                    bucket.tryConsumeAsMuchAsPossible(tokens - remaining);
                }
                lastRemaining = Math.min(tokens, remaining);
                lastRemainingReset = currentReset;
            }
        } catch (BucketNotFoundException e) {
            bucket = null;
        }
    }

    @Override
    public synchronized void probeAbandoned() {
        giveProbeRightBack();
    }

    /** Frees the right to probe: the bucket exists now, or the probe ended without an answer. */
    private void giveProbeRightBack() {
        probeRight.addTokens(1);
        holdsProbeRight = false;
    }

    @Override
    public synchronized View view() {
        if (bucket() == null) {
            return View.UNKNOWN;
        }
        try {
            Instant now = clock.instant();
            return new View(bucket.getAvailableTokens(), Instant.ofEpochMilli(currentResetMillis(now)));
        } catch (BucketNotFoundException e) {
            bucket = null;
            return View.UNKNOWN;
        }
    }

    /** The shared bucket, once the store has one; null while the server's count must be learnt by a probe. */
    private BucketProxy bucket() {
        if (bucket == null) {
            Optional<BucketConfiguration> config = buckets.getProxyConfiguration(key);
            config.ifPresent(this::adopt);
        }
        return bucket;
    }

    private void adopt(BucketConfiguration config) {
        firstResetMillis = config.getBandwidths()[0].getTimeOfFirstRefillMillis();
        // A proxy that did not create the bucket makes it again from its configuration when the store has lost it,
        // whatever its recovery strategy: with the tokens this replica saw when it adopted the bucket, in a window
        // whose count nobody knows. The configuration is never handed out, so a lost bucket is always learnt again.
        bucket = buckets.builder().build(key, () -> {
            throw new BucketNotFoundException();
        });
    }

    /** When the window the bucket is in now ends. */
    private long currentResetMillis(Instant now) {
        return QuotaCounter.nextReset(Instant.ofEpochMilli(firstResetMillis), window, now).toEpochMilli();
    }

    /** {@code tokens} now, all {@code limit} again at {@code reset} and at every window after it. */
    private BucketConfiguration configuration(Instant reset, long tokens) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillIntervallyAligned(limit, window, reset)
                        .initialTokens(Math.max(0, tokens)).build())
                .build();
    }
}
