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
package io.github.cameldfinery.component.quota;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.cameldfinery.component.spi.DfineryQuotaStore;
import io.github.cameldfinery.component.spi.DfineryQuotaValue;

/** The default store: values in this JVM, each changed under its own lock. */
public final class LocalQuotaStore implements DfineryQuotaStore {

    private final Map<String, DfineryQuotaValue> values = new ConcurrentHashMap<>();

    @Override
    public DfineryQuotaValue value(String key) {
        return values.computeIfAbsent(key, k -> new Value());
    }

    @Override
    public void ping() {
        // Always reachable.
    }

    @Override
    public boolean isShared() {
        return false;
    }

    @Override
    public String describe() {
        return "in memory (this JVM only)";
    }

    /** A value in this JVM; what has outlived its keeping time stays until overwritten (the rules read it as none). */
    static final class Value implements DfineryQuotaValue {
        private String text;

        @Override
        public synchronized String read() {
            return text;
        }

        @Override
        public synchronized String update(Function<String, Next> change) {
            text = change.apply(text).text();
            return text;
        }
    }
}
