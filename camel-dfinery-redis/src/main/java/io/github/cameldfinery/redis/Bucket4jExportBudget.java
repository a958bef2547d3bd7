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

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.cameldfinery.component.spi.DfineryExportBudget;
import io.github.cameldfinery.component.spi.DfineryRequestCount;

/**
 * The export budget of a service shared by replicas: {@code limit} calls per window in a Bucket4j bucket refilled at
 * once at the start of every window (windows lined up with the epoch, as clock hours for DFINERY's hour), and the
 * calls at once in {@link ExportSlots}.
 */
final class Bucket4jExportBudget implements DfineryExportBudget {

    private final String serviceId;
    private final int limit;
    private final Duration window;
    private final int concurrency;
    private final ExportSlots slots;
    private final Clock clock;
    private final BucketProxy calls;

    Bucket4jExportBudget(ProxyManager<String> buckets, String key, String serviceId, int limit, Duration window,
                         int concurrency, ExportSlots slots, Clock clock) {
        this.serviceId = serviceId;
        this.limit = limit;
        this.window = window;
        this.concurrency = concurrency;
        this.slots = slots;
        this.clock = clock;
        Instant nextWindow = DfineryRequestCount.windowEnd(Instant.EPOCH, window, clock.instant());
        this.calls = buckets.builder().build(key, () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillIntervallyAligned(limit, window, nextWindow)
                        .initialTokens(limit).build())
                .build());
    }

    @Override
    public Permit tryAcquire() {
        Permit slot = slots.tryTake(serviceId, concurrency);
        if (slot == null) {
            return null;
        }
        try {
            if (calls.tryConsume(1)) {
                return slot;
            }
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
        slot.close();
        return null;
    }

    @Override
    public int remaining() {
        return (int) calls.getAvailableTokens();
    }

    @Override
    public Instant nextSlot() {
        long wait = calls.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return clock.instant().plusNanos(wait);
    }

    @Override
    public int limit() {
        return limit;
    }

    @Override
    public Duration window() {
        return window;
    }
}
