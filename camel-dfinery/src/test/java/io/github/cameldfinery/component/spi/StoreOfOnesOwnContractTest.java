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

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import io.github.cameldfinery.component.testing.DfineryQuotaStoreContract;

/**
 * A store written against the SPI alone, as a user would write one for a backend of their own: a map and a lock, no
 * time and no windows. It passes the same contract as the component's stores.
 */
class StoreOfOnesOwnContractTest extends DfineryQuotaStoreContract {

    final MapStore store = new MapStore();

    @Override
    protected DfineryQuotaStore store() {
        return store;
    }

    /** Texts in a map; each update under one lock. */
    static final class MapStore implements DfineryQuotaStore {
        private final Map<String, String> texts = new HashMap<>();
        private final Lock lock = new ReentrantLock();

        @Override
        public DfineryQuotaValue value(String key) {
            return new DfineryQuotaValue() {
                @Override
                public String read() {
                    lock.lock();
                    try {
                        return texts.get(key);
                    } finally {
                        lock.unlock();
                    }
                }

                @Override
                public String update(Function<String, Next> change) {
                    lock.lock();
                    try {
                        String text = change.apply(texts.get(key)).text();
                        if (text == null) {
                            texts.remove(key);
                        } else {
                            texts.put(key, text);
                        }
                        return text;
                    } finally {
                        lock.unlock();
                    }
                }
            };
        }

        @Override
        public void ping() {
            // Always reachable.
        }

        @Override
        public boolean isShared() {
            return true;
        }

        @Override
        public String describe() {
            return "a map";
        }
    }
}
