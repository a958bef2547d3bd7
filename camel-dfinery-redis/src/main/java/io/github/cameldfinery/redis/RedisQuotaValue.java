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

import java.util.List;
import java.util.function.Function;

import io.github.cameldfinery.component.spi.DfineryQuotaValue;
import io.lettuce.core.ScriptOutputType;

/**
 * A value of the quota store: a Redis string, changed by compare-and-set in a script. The text last seen is kept, so a
 * change costs one round trip while no other replica wrote in between; when one did, the script answers with the text
 * it found, and the change is applied to that.
 */
final class RedisQuotaValue implements DfineryQuotaValue {

    private final RedisConnection redis;
    private final String[] key;
    /** The text last read or written here; null with {@link #known} false when it must be read first. */
    private String lastSeen;
    private boolean known;

    RedisQuotaValue(RedisConnection redis, String key) {
        this.redis = redis;
        this.key = new String[] { key };
    }

    @Override
    public synchronized String read() {
        known = false;
        lastSeen = redis.commands().get(key[0]);
        known = true;
        return lastSeen;
    }

    @Override
    public synchronized String update(Function<String, Next> change) {
        String current = known ? lastSeen : read();
        known = false;
        while (true) {
            Next next = change.apply(current);
            List<Object> answer = redis.commands().eval(RedisScripts.COMPARE_AND_SET, ScriptOutputType.MULTI, key,
                    current == null ? "" : current, next.text() == null ? "" : next.text(),
                    next.text() == null ? "0" : Long.toString(Math.max(1, next.keepFor().toMillis())));
            if (Long.valueOf(1).equals(answer.get(0))) {
                lastSeen = next.text();
                known = true;
                return next.text();
            }
            String found = (String) answer.get(1);
            current = found.isEmpty() ? null : found;
        }
    }
}
