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
import io.github.cameldfinery.component.spi.DfineryRequestCount;

/**
 * A request count in a Bucket4j bucket that all replicas share: {@code limit} tokens refilled at once at every reset,
 * its windows lined up with the server's. A window recorded as not repeating carries the bandwidth id
 * {@value #ONCE} and reads as absent once it has ended. The lease is the single token of a second bucket, refilled
 * after {@code lease} if its holder never gives it back.
 */
final class Bucket4jRequestCount implements DfineryRequestCount {

    /** The bandwidth id of a window that is forgotten at its end. */
    static final String ONCE = "once";

    private final ProxyManager<String> buckets;
    private final String key;
    private final long limit;
    private final Duration window;
    private final Clock clock;
    private final BucketProxy lease;
    private BucketProxy bucket;
    private long firstResetMillis;
    private boolean once;
    /** Tokens left after this replica's last call, and the window it was in: only a lower server count is news. */
    private long lastRemaining = Long.MAX_VALUE;
    private long lastRemainingReset;

    Bucket4jRequestCount(ProxyManager<String> buckets, String key, long limit, Duration window, Duration lease,
                         Clock clock) {
        this.buckets = buckets;
        this.key = key;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.lease = buckets.builder().build(key + ":probe", () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(1).refillIntervally(1, lease).build()).build());
    }

    @Override
    public synchronized Window read() {
        long now = clock.millis();
        if (stored(now) == null) {
            return null;
        }
        try {
            return new Window(bucket.getAvailableTokens(), Instant.ofEpochMilli(windowEnd(now)));
        } catch (BucketNotFoundException e) {
            bucket = null;
            return null;
        }
    }

    @Override
    public synchronized Taken take(long wanted) {
        long now = clock.millis();
        if (stored(now) == null) {
            return null;
        }
        long reset = windowEnd(now);
        long asked = Math.max(1, Math.min(wanted, limit));
        try {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(asked);
            long taken = asked;
            long left = probe.getRemainingTokens();
            if (!probe.isConsumed()) {
                taken = left > 0 ? bucket.tryConsumeAsMuchAsPossible(left) : 0;
                left -= taken;
            }
            lastRemaining = left;
            lastRemainingReset = reset;
            return new Taken(taken, new Window(left, Instant.ofEpochMilli(reset)));
        } catch (BucketNotFoundException e) {
            // Expired while idle, or the store lost it.
            bucket = null;
            return null;
        }
    }

    @Override
    public synchronized void giveBack(long requests) {
        if (stored(clock.millis()) != null) {
            try {
                bucket.addTokens(requests);
            } catch (BucketNotFoundException e) {
                bucket = null;
            }
        }
    }

    @Override
    public synchronized void observe(long remaining, Instant resetAt, boolean repeats) {
        long now = clock.millis();
        long left = Math.max(0, Math.min(limit, remaining));
        if (stored(now) == null) {
            BucketConfiguration config = configuration(resetAt, left, repeats);
            buckets.builder().build(key, () -> config).getAvailableTokens();
            // Another replica may have made it first: then its window is merged with this answer below.
            adopt(buckets.getProxyConfiguration(key).orElse(config));
        }
        try {
            long current = windowEnd(now);
            long difference = resetAt.toEpochMilli() - current;
            if (Math.abs(difference) < SAME_WINDOW.toMillis()) {
                lower(left, current);
            } else if (once || difference > 0) {
                bucket.replaceConfiguration(configuration(resetAt, left, repeats), TokensInheritanceStrategy.AS_IS);
                adopt(buckets.getProxyConfiguration(key).orElseThrow(BucketNotFoundException::new));
                lower(left, windowEnd(now));
            }
        } catch (BucketNotFoundException e) {
            bucket = null;
        }
    }

    /** What is left goes down to the server's count; a count not below what this replica last saw needs no call. */
    private void lower(long left, long reset) {
        if (lastRemainingReset != reset || left < lastRemaining) {
            long tokens = bucket.getAvailableTokens();
            if (tokens > left) {
                bucket.tryConsumeAsMuchAsPossible(tokens - left);
            }
            lastRemaining = Math.min(tokens, left);
            lastRemainingReset = reset;
        }
    }

    @Override
    public boolean tryLease() {
        return lease.tryConsume(1);
    }

    @Override
    public void releaseLease() {
        lease.addTokens(1);
    }

    /** The bucket, if the store holds one whose window has not ended for good; null otherwise. */
    private BucketProxy stored(long now) {
        if (bucket == null) {
            Optional<BucketConfiguration> config = buckets.getProxyConfiguration(key);
            config.ifPresent(this::adopt);
        }
        if (bucket != null && once && now >= firstResetMillis) {
            buckets.removeProxy(key);
            bucket = null;
        }
        return bucket;
    }

    private void adopt(BucketConfiguration config) {
        Bandwidth bandwidth = config.getBandwidths()[0];
        firstResetMillis = bandwidth.getTimeOfFirstRefillMillis();
        once = ONCE.equals(bandwidth.getId());
        // A proxy that did not create the bucket makes it again from its configuration when the store has lost it,
        // whatever its recovery strategy: with the tokens this replica saw when it adopted the bucket, in a window
        // whose count nobody knows. The configuration is never handed out, so a lost bucket is always learnt again.
        bucket = buckets.builder().build(key, () -> {
            throw new BucketNotFoundException();
        });
    }

    /** When the window the bucket is in now ends. */
    private long windowEnd(long now) {
        return DfineryRequestCount.windowEnd(Instant.ofEpochMilli(firstResetMillis), window, Instant.ofEpochMilli(now))
                .toEpochMilli();
    }

    /** {@code tokens} now, all {@code limit} again at {@code reset} and at every window after it. */
    private BucketConfiguration configuration(Instant reset, long tokens, boolean repeats) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillIntervallyAligned(limit, window, reset)
                        .initialTokens(tokens).id(repeats ? Bandwidth.UNDEFINED_ID : ONCE).build())
                .build();
    }
}
