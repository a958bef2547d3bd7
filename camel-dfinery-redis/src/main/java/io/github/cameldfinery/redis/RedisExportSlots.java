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

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.cameldfinery.component.spi.DfineryExportBudget;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;

/**
 * Export slots as Redis leases shared by all replicas: slot {@code i} of a service is a key set only if absent, with
 * an expiry. The holder extends its lease while its call runs and deletes it when the call ends (both only while it
 * still holds it); a replica that dies holding a slot gives it back when the lease runs out.
 */
final class RedisExportSlots implements ExportSlots {

    private final RedisConnection redis;
    private final String prefix;
    private final Duration lease;
    private final ScheduledExecutorService renewals;

    RedisExportSlots(RedisConnection redis, String prefix, Duration lease, ScheduledExecutorService renewals) {
        this.redis = redis;
        this.prefix = prefix;
        this.lease = lease;
        this.renewals = renewals;
    }

    @Override
    public DfineryExportBudget.Permit tryTake(String serviceId, int concurrency) {
        String holder = UUID.randomUUID().toString();
        for (int slot = 0; slot < concurrency; slot++) {
            String key = prefix + serviceId + ":" + slot;
            if ("OK".equals(redis.commands().set(key, holder, SetArgs.Builder.nx().px(lease.toMillis())))) {
                return new Lease(key, holder);
            }
        }
        return null;
    }

    /** A held slot, extended every third of the lease until closed. */
    private final class Lease implements DfineryExportBudget.Permit {
        private final String key;
        private final String holder;
        private final ScheduledFuture<?> renewal;
        private final AtomicBoolean closed = new AtomicBoolean();

        Lease(String key, String holder) {
            this.key = key;
            this.holder = holder;
            long every = Math.max(1, lease.toMillis() / 3);
            this.renewal = renewals.scheduleAtFixedRate(this::extend, every, every, TimeUnit.MILLISECONDS);
        }

        private void extend() {
            try {
                redis.commands().eval(RedisScripts.EXTEND, ScriptOutputType.INTEGER, new String[] { key }, holder,
                        Long.toString(lease.toMillis()));
            } catch (RedisException e) {
                // Tried again at the next renewal; the lease itself bounds what a lost renewal costs.
            }
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                renewal.cancel(false);
                try {
                    redis.commands().eval(RedisScripts.RELEASE, ScriptOutputType.INTEGER, new String[] { key }, holder);
                } catch (RedisException e) {
                    // The lease gives the slot back when it runs out.
                }
            }
        }
    }
}
