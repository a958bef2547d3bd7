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

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.spi.DfineryExportBudget;
import io.github.cameldfinery.component.spi.DfineryQuotaStore;
import io.github.cameldfinery.component.spi.DfineryRequestCount;

/**
 * A quota store on any Bucket4j backend: pass the backend's {@link ProxyManager} (Redis through Lettuce or Redisson,
 * Hazelcast, Infinispan, a JDBC database, …) as a bean, and all replicas that share it share DFINERY's quota:
 * {@code camel.component.dfinery.quotaStore=#quotaStore}. {@link RedisQuotaStore} builds one on Redis from a URI.
 *
 * <p>Keys are {@code <prefix><serviceId>:<api>} for the request limits (with {@code :probe} for the right to probe)
 * and {@code <prefix><serviceId>:export} for the export budget. Without leases in the backend, pass
 * {@link ExportSlots#inThisJvm()}: calls at once are then counted per replica.
 */
public class Bucket4jQuotaStore implements DfineryQuotaStore {

    private final ProxyManager<String> buckets;
    private final ExportSlots slots;
    private final String prefix;
    private final Duration probeLease;
    private final String description;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param probeLease how long the right to probe lasts when its holder never answers (the request timeout is a
     *                   good value)
     * @param description where the backend is, for consoles and logs; never a password
     */
    public Bucket4jQuotaStore(ProxyManager<String> buckets, ExportSlots slots, String prefix, Duration probeLease,
                              String description) {
        this.buckets = buckets;
        this.slots = slots;
        this.prefix = prefix;
        this.probeLease = probeLease;
        this.description = description;
    }

    @Override
    public DfineryRequestCount requestCount(String serviceId, DfineryApi api, long limit, Duration window) {
        return new Bucket4jRequestCount(buckets, prefix + serviceId + ":" + api, limit, window, probeLease, clock);
    }

    @Override
    public DfineryExportBudget exportBudget(String serviceId, int limit, Duration window, int concurrency) {
        return new Bucket4jExportBudget(buckets, prefix + serviceId + ":export", serviceId, limit, window, concurrency,
                slots, clock);
    }

    @Override
    public void ping() {
        buckets.getProxyConfiguration(prefix + "ping");
    }

    @Override
    public boolean isShared() {
        return true;
    }

    @Override
    public String describe() {
        return description;
    }
}
