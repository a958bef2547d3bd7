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

import org.apache.camel.spi.StateRepository;

/**
 * A Camel {@link StateRepository} on Redis, so that the replicas of an application share one export cursor:
 * {@code dfinery:export?stateRepository=#cursor} on every replica, with the same key, reads and moves the same
 * cursor, and a replica started later (or after a crash) goes on where the others left off.
 *
 * <p>Every key is stored under a prefix ({@code dfinery:state:} by default). Each command waits at most
 * {@code timeout} (2 seconds by default): when Redis cannot be reached, reading or moving the cursor fails with a
 * {@link RedisStateException} instead of hanging, the poll fails, and the window is exported once Redis is back.
 */
public class RedisStateRepository extends RedisService implements StateRepository<String, String> {

    private final String prefix;

    /**
     * @param redisUri for example {@code redis://127.0.0.1:6379/0}; a {@code timeout} query parameter sets how long
     *                 a command may wait
     */
    public RedisStateRepository(String redisUri) {
        this(redisUri, "dfinery:state:");
    }

    public RedisStateRepository(String redisUri, String prefix) {
        super(redisUri, "the state repository");
        this.prefix = prefix;
    }

    @Override
    public String getState(String key) {
        return command("Cannot read state '" + key + "'", redis -> redis.get(prefix + key));
    }

    @Override
    public void setState(String key, String value) {
        command("Cannot write state '" + key + "'", redis -> redis.set(prefix + key, value));
    }
}
