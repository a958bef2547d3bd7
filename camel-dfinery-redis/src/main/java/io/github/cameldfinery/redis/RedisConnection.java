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
import java.util.function.Supplier;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.apache.camel.CamelContext;

/**
 * A Redis bean's use of its application's Lettuce client on its URI ({@link RedisClients}): taken when the bean
 * starts, given back when it stops. Every command waits at most the URI's {@code timeout} (2 seconds unless the URI
 * says otherwise), and while Redis cannot be reached commands fail at once instead of queueing, so that nothing
 * hangs while Redis is away. Lettuce reconnects by itself.
 */
final class RedisConnection {

    private final RedisURI uri;
    private final String purpose;
    private final Supplier<CamelContext> application;
    private RedisClients clients;
    private SharedRedisClient client;

    /**
     * @param purpose     what the connection is for, in error messages
     * @param application the Camel context whose client is shared, or null for a client of this bean's own
     */
    RedisConnection(String redisUri, String purpose, Supplier<CamelContext> application) {
        this.uri = RedisURI.create(redisUri);
        if (!redisUri.contains("timeout=")) {
            uri.setTimeout(Duration.ofSeconds(2));
        }
        this.purpose = purpose;
        this.application = application;
    }

    /** Takes the client and connects; throws when Redis cannot be reached. */
    void open() {
        openWhenReachable();
        try {
            connect();
        } catch (RedisStateException e) {
            close();
            throw e;
        }
    }

    /**
     * Takes the client without reaching Redis yet: while Redis cannot be reached every command fails, and the first
     * command after it answers connects.
     */
    synchronized void openWhenReachable() {
        if (client == null) {
            clients = RedisClients.of(application.get());
            client = clients.acquire(uri);
        }
    }

    /** Connects unless connected; once connected, Lettuce reconnects by itself. */
    private StatefulRedisConnection<String, String> connect() {
        SharedRedisClient open = client();
        try {
            return open.connection();
        } catch (RedisException e) {
            throw new RedisStateException("Cannot connect to Redis at " + where() + " for " + purpose, e);
        }
    }

    /** The connection with binary values, for Bucket4j's buckets. */
    StatefulRedisConnection<String, byte[]> binary() {
        SharedRedisClient open = client();
        try {
            return open.binary();
        } catch (RedisException e) {
            throw new RedisStateException("Cannot connect to Redis at " + where() + " for " + purpose, e);
        }
    }

    private synchronized SharedRedisClient client() {
        if (client == null) {
            throw new RedisStateException("The Redis connection for " + purpose + " at " + where() + " is not open",
                    null);
        }
        return client;
    }

    /** Gives the client back: the last bean of the application to do so closes it. */
    void close() {
        SharedRedisClient open;
        RedisClients from;
        synchronized (this) {
            open = client;
            from = clients;
            client = null;
        }
        if (open != null) {
            from.release(open);
        }
    }

    RedisCommands<String, String> commands() {
        return connect().sync();
    }

    /** Host and port only: a Redis URI may carry a password. */
    String where() {
        return uri.getHost() + ":" + uri.getPort();
    }
}
