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

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import io.github.cameldfinery.component.spi.DfineryExportClaims;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;

/**
 * Claims on export windows in Redis, for replicas that run the same {@code dfinery:export} route on a shared cursor
 * ({@link RedisStateRepository}): {@code dfinery:export?stateRepository=#cursor&exportClaims=#claims}. A claim is a
 * key set only if absent, with an expiry (the lease): the replica that set it exports the window, the others skip
 * it, and a replica that dies holding it loses it when the lease runs out. A claim is given up only by the replica
 * that holds it (compare-and-delete in one Lua script).
 *
 * <p>The lease must be longer than exporting one window takes; when it runs out during a live export, another
 * replica may export the window too (each row still arrives, at least once).
 */
public class RedisExportClaims extends RedisService implements DfineryExportClaims {

    private final Duration lease;
    private final String prefix;
    private final String replica = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    /**
     * @param redisUri for example {@code redis://127.0.0.1:6379/0}; a {@code timeout} query parameter sets how long
     *                 a command may wait (2 seconds by default)
     * @param lease    how long a claim lasts unless given up
     */
    public RedisExportClaims(String redisUri, Duration lease) {
        this(redisUri, lease, "dfinery:claim:");
    }

    public RedisExportClaims(String redisUri, Duration lease, String prefix) {
        super(redisUri, "export claims");
        this.lease = lease;
        this.prefix = prefix;
    }

    @Override
    public Claim tryClaim(String cursorKey, LocalDate from, LocalDate to) {
        String key = prefix + cursorKey + ":" + from + ".." + to;
        String set = command("Cannot claim export window " + from + ".." + to,
                redis -> redis.set(key, replica, SetArgs.Builder.nx().px(lease.toMillis())));
        return "OK".equals(set) ? () -> release(key) : null;
    }

    private void release(String key) {
        try {
            redis.commands().eval(RedisScripts.RELEASE, ScriptOutputType.INTEGER, new String[] { key }, replica);
        } catch (RedisException e) {
            // The lease gives the window up when it runs out.
        }
    }

    /** This replica's name in the claims it holds. */
    public String replica() {
        return replica;
    }
}
