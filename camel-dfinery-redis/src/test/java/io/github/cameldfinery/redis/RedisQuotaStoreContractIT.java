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
import io.github.cameldfinery.component.testing.DfineryQuotaStoreContract;
import io.github.cameldfinery.testsupport.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis store through the store contract, on a real redis-server: two stores with their own Lettuce clients
 * play two replicas, on the contract's fake clock.
 */
class RedisQuotaStoreContractIT extends DfineryQuotaStoreContract {

    @RegisterExtension
    static RedisServerExtension redis = new RedisServerExtension();

    final RedisQuotaStore store = started();
    final RedisQuotaStore replica = started();

    static RedisQuotaStore started() {
        RedisQuotaStore store = new RedisQuotaStore(redis.uri());
        store.start();
        return store;
    }

    @AfterEach
    void stop() {
        store.stop();
        replica.stop();
    }

    @Override
    protected DfineryQuotaStore store() {
        return store;
    }

    @Override
    protected DfineryQuotaStore otherReplica() {
        return replica;
    }
}
