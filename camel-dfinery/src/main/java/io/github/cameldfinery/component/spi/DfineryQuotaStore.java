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
package io.github.cameldfinery.component.spi;

import java.time.Duration;

import io.github.cameldfinery.component.api.DfineryApi;

/**
 * Where the component counts DFINERY's limits: in this JVM (the default), or in a store
 * that all replicas of an application share, so that together they stay within the one quota of a service. Set as
 * the component's {@code quotaStore} (a bean) or {@code quotaStoreUri} (for example {@code redis://host:6379}, with
 * {@code camel-dfinery-redis} on the classpath).
 *
 * <p>A shared store throws any runtime exception when it cannot be reached; the component then follows its
 * {@code quotaStoreUnavailable} option. A store that is a Camel {@code Service} is started with the component.
 */
public interface DfineryQuotaStore {

    /** The count of DFINERY's request limit for one service and import API kind, {@code limit} per {@code window}. */
    DfineryRequestCount requestCount(String serviceId, DfineryApi api, long limit, Duration window);

    /** The export budget of one service: {@code limit} calls per {@code window}, {@code concurrency} at once. */
    DfineryExportBudget exportBudget(String serviceId, int limit, Duration window, int concurrency);

    /**
     * Reaches the store once, and throws when it cannot: after a failure, the component asks this (at most once a
     * second) before it counts on the store again.
     */
    void ping();

    /**
     * Whether replicas share what this store counts; false for the in-memory store. A shared store's calls are
     * guarded by the component's {@code quotaStoreUnavailable} choice, its state shows in the dev console and the
     * readiness check, and one take asks it for a sixteenth of a limit at most.
     */
    boolean isShared();

    /** Where it counts, for consoles and logs; never a password. */
    String describe();
}
