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

import io.lettuce.core.SetArgs;
import org.apache.camel.spi.IdempotentRepository;

/**
 * An idempotent repository on Redis, shared by replicas: the downstream half of exporting each event once, as
 * {@code idempotentConsumer(simple("${body[df_event_log_id]}"), repository)} after {@code dfinery:export}. A key is
 * added with SET NX (one replica wins), with an optional expiry so the set does not grow for ever (longer than the
 * lookback: 30 days). A failed exchange's key is removed (Camel's default), so the row can come again.
 */
public class RedisIdempotentRepository extends RedisService implements IdempotentRepository {

    private final String prefix;
    private final Duration expiry;

    /**
     * @param expiry how long a key is kept; null or zero to keep keys for ever
     */
    public RedisIdempotentRepository(String redisUri, String prefix, Duration expiry) {
        super(redisUri, "the idempotent repository");
        this.prefix = prefix;
        this.expiry = expiry;
    }

    @Override
    public boolean add(String key) {
        SetArgs args = expiry == null || expiry.isZero() ? SetArgs.Builder.nx() : SetArgs.Builder.nx().px(expiry.toMillis());
        return "OK".equals(command("Cannot add '" + key + "' to the idempotent repository",
                redis -> redis.set(prefix + key, "1", args)));
    }

    @Override
    public boolean contains(String key) {
        return command("Cannot read '" + key + "' from the idempotent repository", redis -> redis.exists(prefix + key)) > 0;
    }

    @Override
    public boolean remove(String key) {
        return command("Cannot remove '" + key + "' from the idempotent repository", redis -> redis.del(prefix + key)) > 0;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    /** Does nothing: the keys of other replicas are not this replica's to drop; they expire. */
    @Override
    public void clear() {
        // Keys expire on their own.
    }
}
