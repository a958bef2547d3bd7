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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.spi.DfineryExportBudget;
import io.github.cameldfinery.component.spi.DfineryQuotaStore;
import io.github.cameldfinery.component.spi.DfineryRequestCount;
import org.apache.camel.CamelContext;

/**
 * DFINERY's quotas counted on Redis for all replicas: the request limits and the export calls per hour in Bucket4j
 * buckets (through Lettuce), the export calls at once as leases. Set it with
 * {@code camel.component.dfinery.quotaStoreUri=redis://host:6379} (made and stopped by the component), or as a bean
 * ({@code quotaStore=#bean}). Every command waits at most the URI's {@code timeout} (2 seconds by default); while
 * Redis cannot be reached commands fail at once and the component follows its {@code quotaStoreUnavailable} option.
 */
public class RedisQuotaStore extends RedisService implements DfineryQuotaStore {

    /** Buckets are kept this long after they are full again, then expire (the next request probes again). */
    private static final Duration KEEP_FULL_BUCKETS = Duration.ofMinutes(2);

    private String prefix = "dfinery:quota:";
    private Duration probeLease = Duration.ofSeconds(30);
    private Duration exportSlotLease = Duration.ofMinutes(2);
    private ScheduledExecutorService renewals;
    private Bucket4jQuotaStore buckets;

    /**
     * @param redisUri for example {@code redis://127.0.0.1:6379/0}; a {@code timeout} query parameter sets how long
     *                 a command may wait
     */
    public RedisQuotaStore(String redisUri) {
        super(redisUri, "the quota store");
    }

    /**
     * Starts whether or not Redis answers: the component's {@code quotaStoreUnavailable} applies from the start, and
     * the buckets are reached once Redis answers.
     */
    @Override
    protected void doStart() throws Exception {
        redis.openWhenReachable();
        CamelContext camelContext = getCamelContext();
        renewals = camelContext != null
                ? camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "DfineryQuotaLeases")
                : Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "DfineryQuotaLeases");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (renewals != null) {
            if (getCamelContext() != null) {
                getCamelContext().getExecutorServiceManager().shutdown(renewals);
            } else {
                renewals.shutdownNow();
            }
            renewals = null;
        }
        buckets = null;
        super.doStop();
    }

    @Override
    public DfineryRequestCount requestCount(String serviceId, DfineryApi api, long limit, Duration window) {
        return new WhenConnected.Count(() -> buckets().requestCount(serviceId, api, limit, window));
    }

    @Override
    public DfineryExportBudget exportBudget(String serviceId, int limit, Duration window, int concurrency) {
        return new WhenConnected.Budget(() -> buckets().exportBudget(serviceId, limit, window, concurrency), limit,
                window);
    }

    /** The buckets on Redis, made when Redis first answers; throws until then. */
    private synchronized Bucket4jQuotaStore buckets() {
        if (renewals == null) {
            throw new IllegalStateException("The Redis quota store at " + redis.where() + " is not started");
        }
        if (buckets == null) {
            buckets = new Bucket4jQuotaStore(
                    Bucket4jLettuce.casBasedBuilder(redis.binary())
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                    KEEP_FULL_BUCKETS))
                            .build(),
                    new RedisExportSlots(redis, prefix + "export-slot:", exportSlotLease, renewals), prefix,
                    probeLease, describe());
        }
        return buckets;
    }

    @Override
    public void ping() {
        redis.commands().ping();
    }

    @Override
    public boolean isShared() {
        return true;
    }

    @Override
    public String describe() {
        return "redis://" + redis.where();
    }

    public String getPrefix() {
        return prefix;
    }

    /** The prefix of every key this store writes ({@code dfinery:quota:} by default). */
    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public Duration getProbeLease() {
        return probeLease;
    }

    /** How long the right to probe lasts when the replica that took it never answers (30 s by default). */
    public void setProbeLease(Duration probeLease) {
        this.probeLease = probeLease;
    }

    public Duration getExportSlotLease() {
        return exportSlotLease;
    }

    /**
     * How long the slot of an export call lasts unless extended (2 minutes by default): the holder extends it while
     * the call runs; a replica that dies gives it back when it runs out.
     */
    public void setExportSlotLease(Duration exportSlotLease) {
        this.exportSlotLease = exportSlotLease;
    }
}
