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
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

/**
 * One Lettuce client on one Redis URI, with one connection, shared by the Redis beans of an application through
 * {@link RedisClients}. Nothing reaches Redis until the connection is first asked for; while Redis cannot be reached
 * commands fail at once instead of queueing, and once connected Lettuce reconnects by itself. Every command of the
 * beans is multiplexed on this connection, so none of
 * them may change a connection's state (no SELECT, MULTI or blocking command).
 */
final class SharedRedisClient {

    private final ClientResources resources;
    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;
    private boolean closed;

    SharedRedisClient(RedisURI uri) {
        // Reconnect attempts at most 2 s apart (Lettuce's default grows to 30 s): back soon after Redis is.
        resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
    }

    /** The text connection, connected unless it is; throws Lettuce's exception while Redis cannot be reached. */
    StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> connected = connection;
        return connected != null ? connected : connect();
    }

    private synchronized StatefulRedisConnection<String, String> connect() {
        // A command racing its bean's stop fails as Redis being away would, not with Lettuce's shutdown error.
        if (closed) {
            throw new RedisException("The Redis client is closed");
        }
        if (connection == null) {
            connection = client.connect();
        }
        return connection;
    }

    /** Closes the connection, the client and its threads. */
    synchronized void close() {
        closed = true;
        if (connection != null) {
            connection.close();
            connection = null;
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
