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

import io.github.cameldfinery.component.spi.DfineryQuotaStore;
import io.github.cameldfinery.component.spi.DfineryQuotaValue;

/**
 * DFINERY's quotas counted on Redis for all replicas: one Redis string per request limit and per service's export
 * budget, each changed by compare-and-set in a script (the component computes the new text; Redis swaps it in only if
 * no other replica wrote in between), through Lettuce. Set it with
 * {@code camel.component.dfinery.quotaStoreUri=redis://host:6379} (made and stopped by the component), or as a bean
 * ({@code quotaStore=#bean}). Every command waits at most the URI's {@code timeout} (2 seconds by default); while
 * Redis cannot be reached commands fail at once and the component follows its {@code quotaStoreUnavailable} option.
 */
public class RedisQuotaStore extends RedisService implements DfineryQuotaStore {

    private String prefix = "dfinery:quota:";

    /**
     * @param redisUri for example {@code redis://127.0.0.1:6379/0}; a {@code timeout} query parameter sets how long
     *                 a command may wait
     */
    public RedisQuotaStore(String redisUri) {
        super(redisUri, "the quota store");
    }

    /**
     * Starts whether or not Redis answers: the component's {@code quotaStoreUnavailable} applies from the start, and
     * the values are reached once Redis answers.
     */
    @Override
    protected void doStart() throws Exception {
        redis.openWhenReachable();
    }

    /** Each call throws until the store is started and while Redis cannot be reached. */
    @Override
    public DfineryQuotaValue value(String key) {
        return new RedisQuotaValue(redis, prefix + key);
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
}
