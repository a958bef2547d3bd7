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
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

/**
 * One Lettuce connection to Redis, opened and closed with the service that uses it. Every command waits at most the
 * URI's {@code timeout} (2 seconds unless the URI says otherwise), and while the connection is down commands fail at
 * once instead of queueing, so that nothing hangs while Redis is away. Lettuce reconnects by itself.
 */
final class RedisConnection {

    private final RedisURI uri;
    private final String purpose;
    private ClientResources resources;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private StatefulRedisConnection<String, byte[]> binary;

    /**
     * @param purpose what the connection is for, in error messages
     */
    RedisConnection(String redisUri, String purpose) {
        this.uri = RedisURI.create(redisUri);
        if (!redisUri.contains("timeout=")) {
            uri.setTimeout(Duration.ofSeconds(2));
        }
        this.purpose = purpose;
    }

    /** Opens the connection; throws when Redis cannot be reached. */
    void open() {
        openWhenReachable();
        try {
            connect();
        } catch (RedisStateRepository.RedisStateException e) {
            close();
            throw e;
        }
    }

    /**
     * Makes the client without reaching Redis yet: while Redis cannot be reached every command fails, and the first
     * command after it answers connects.
     */
    void openWhenReachable() {
        // Reconnect attempts at most 2 s apart (Lettuce's default grows to 30 s): back soon after Redis is.
        resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
    }

    /** Connects unless connected; once connected, Lettuce reconnects by itself. */
    private synchronized StatefulRedisConnection<String, String> connect() {
        if (connection == null) {
            if (client == null) {
                throw new RedisStateRepository.RedisStateException("The Redis connection for " + purpose + " at "
                                                                   + where() + " is not open", null);
            }
            try {
                connection = client.connect();
            } catch (RedisException e) {
                throw new RedisStateRepository.RedisStateException("Cannot connect to Redis at " + where() + " for "
                                                                   + purpose, e);
            }
        }
        return connection;
    }

    /** A second connection with binary values, for Bucket4j's buckets; closed with the first. */
    synchronized StatefulRedisConnection<String, byte[]> binary() {
        if (binary == null) {
            connect();
            try {
                binary = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            } catch (RedisException e) {
                throw new RedisStateRepository.RedisStateException("Cannot connect to Redis at " + where() + " for "
                                                                   + purpose, e);
            }
        }
        return binary;
    }

    synchronized void close() {
        if (binary != null) {
            binary.close();
            binary = null;
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            client = null;
        }
        if (resources != null) {
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            resources = null;
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
