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

/**
 * Where the component keeps its counts of DFINERY's limits: in this JVM (the default), or in a store that all
 * replicas of an application share, so that together they stay within the one quota of a service. Set as the
 * component's {@code quotaStore} (a bean) or {@code quotaStoreUri} (for example {@code redis://host:6379}, with
 * {@code camel-dfinery-redis} on the classpath).
 *
 * <p>A store only stores: one short text per key, changed atomically ({@link DfineryQuotaValue}). What the text
 * means (windows, their roll-over, the server's answers, the probe's lease, the export window and its slots) is the
 * component's, the same for every store, and every instant in it is read from the component's clock; a store keeps no
 * time of its own. The contract test {@code io.github.cameldfinery.component.testing.DfineryQuotaStoreContract} (in
 * camel-dfinery's test-jar) runs a store through the cases the component relies on.
 *
 * <p>A shared store throws any runtime exception when it cannot be reached; the component then follows its
 * {@code quotaStoreUnavailable} option. A store that is a Camel {@code Service} is started with the component.
 */
public interface DfineryQuotaStore {

    /**
     * The value stored under {@code key}; the component asks once per key and keeps what it gets. Keys are short
     * and made of a service id, a colon and a name ({@code shop:event}, {@code shop:export}); a store may put a
     * prefix of its own in front.
     */
    DfineryQuotaValue value(String key);

    /**
     * Reaches the store once, and throws when it cannot: after a failure, the component asks this (at most once a
     * second) before it counts on the store again.
     */
    void ping();

    /**
     * Whether replicas share what this store keeps; false for the in-memory store. A shared store's calls are
     * guarded by the component's {@code quotaStoreUnavailable} choice, its state shows in the dev console and the
     * readiness check, and one take asks it for a sixteenth of a limit at most.
     */
    boolean isShared();

    /** Where it counts, for consoles and logs; never a password. */
    String describe();
}
