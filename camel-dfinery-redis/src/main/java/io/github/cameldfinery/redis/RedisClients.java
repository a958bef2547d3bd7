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

import java.util.HashMap;
import java.util.Map;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * The Lettuce clients of one application, one per Redis URI, counted by their users: the first Redis bean that
 * starts on a URI opens its client, the last that stops closes it. An application is a Camel context, so that two
 * contexts in one JVM (replicas in a test) keep separate clients and connections, as separate processes would; a
 * bean started outside any context has a client of its own.
 */
final class RedisClients {

    private final Map<Key, Shared> clients = new HashMap<>();

    private RedisClients() {
    }

    /** The clients of {@code context}'s application; with no context, clients of the caller's own. */
    static RedisClients of(CamelContext context) {
        if (context == null) {
            return new RedisClients();
        }
        ExtendedCamelContext extension = context.getCamelContextExtension();
        synchronized (RedisClients.class) {
            RedisClients clients = extension.getContextPlugin(RedisClients.class);
            if (clients == null) {
                clients = new RedisClients();
                extension.addContextPlugin(RedisClients.class, clients);
            }
            return clients;
        }
    }

    /** The client on {@code uri}, made if none is open; give it back with {@link #release}. */
    synchronized SharedRedisClient acquire(RedisURI uri) {
        Shared shared = clients.computeIfAbsent(Key.of(uri), key -> new Shared(new SharedRedisClient(uri)));
        shared.users++;
        return shared.client;
    }

    /** Gives a client back; the last user's release closes it. */
    void release(SharedRedisClient client) {
        synchronized (this) {
            Map.Entry<Key, Shared> entry = clients.entrySet().stream()
                    .filter(candidate -> candidate.getValue().client == client).findFirst().orElse(null);
            if (entry == null || --entry.getValue().users > 0) {
                return;
            }
            clients.remove(entry.getKey());
        }
        // Outside the lock: closing waits for Lettuce's threads, and other beans may start meanwhile.
        client.close();
    }

    private static final class Shared {
        private final SharedRedisClient client;
        private int users;

        Shared(SharedRedisClient client) {
            this.client = client;
        }
    }

    /**
     * A URI as Lettuce reads it (so {@code redis://h}, {@code redis://h:6379/0} and {@code redis://h:6379/} are one
     * key), with its credentials: beans that log in differently do not share a client. Never shown: it holds the
     * password.
     */
    private record Key(String address, String credentials) {

        static Key of(RedisURI uri) {
            // The URI is parsed from a string: its credentials provider only hands out the URI's user and password.
            RedisCredentials credentials = uri.getCredentialsProvider().resolveCredentials().block();
            return new Key(uri.toURI().toString(), credentials == null ? "" : credentials.getUsername() + ":"
                    + (credentials.hasPassword() ? new String(credentials.getPassword()) : ""));
        }

        @Override
        public String toString() {
            return "a Redis URI";
        }
    }
}
