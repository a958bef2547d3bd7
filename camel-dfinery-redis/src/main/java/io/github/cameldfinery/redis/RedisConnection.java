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

import io.github.cameldfinery.component.DfinerySecrets;
import io.lettuce.core.RedisCredentials;
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
 *
 * <p>A URI that carries no password takes it, when the bean starts, from the environment variable
 * {@code DFINERY_REDIS_PASSWORD}, or from the file {@code DFINERY_REDIS_PASSWORD_FILE} names
 * ({@link DfinerySecrets}), so that the password never passes through Camel's configuration, which prints values at
 * DEBUG. A password in the URI wins.
 */
final class RedisConnection {

    private final RedisURI uri;
    private final String purpose;
    private final Supplier<CamelContext> application;
    private final DfinerySecrets secrets;
    private boolean passwordLookedUp;
    private RedisClients clients;
    private SharedRedisClient client;

    /**
     * @param purpose     what the connection is for, in error messages
     * @param application the Camel context whose client is shared, or null for a client of this bean's own
     */
    RedisConnection(String redisUri, String purpose, Supplier<CamelContext> application) {
        this(redisUri, purpose, application, DfinerySecrets.ofProcess());
    }

    /** With the secrets of a given environment, for tests. */
    RedisConnection(String redisUri, String purpose, Supplier<CamelContext> application, DfinerySecrets secrets) {
        this.secrets = secrets;
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
            passwordFromTheEnvironment();
            clients = RedisClients.of(application.get());
            client = clients.acquire(uri);
        }
    }

    /**
     * Once, before the first client is taken: a URI without a password takes the one of the environment, if any.
     * The client key of {@link RedisClients} then holds it, so beans on one URI still share their client.
     */
    private void passwordFromTheEnvironment() {
        if (passwordLookedUp) {
            return;
        }
        RedisCredentials given = uri.getCredentialsProvider().resolveCredentials().block();
        if (given == null || !given.hasPassword()) {
            String password = secrets.get(DfinerySecrets.REDIS_PASSWORD, "Redis password");
            if (password != null) {
                String username = given == null ? null : given.getUsername();
                if (username == null) {
                    uri.setAuthentication(password);
                } else {
                    uri.setAuthentication(username, password);
                }
            }
        }
        passwordLookedUp = true;
    }

    /** The URI as the client is made from it; holds the password. */
    RedisURI uri() {
        return uri;
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
