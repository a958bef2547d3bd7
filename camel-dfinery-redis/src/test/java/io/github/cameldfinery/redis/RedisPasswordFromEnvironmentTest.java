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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.cameldfinery.component.DfinerySecrets;
import io.github.cameldfinery.component.error.DfinerySecretException;
import io.lettuce.core.RedisCredentials;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Redis URI without a password takes it from {@code DFINERY_REDIS_PASSWORD} or the file
 * {@code DFINERY_REDIS_PASSWORD_FILE} names, when its bean opens; a password in the URI wins. Nothing here reaches
 * Redis: the client is made without connecting. The environment is a fake one; SecretsFromEnvironmentIT sets real
 * environment variables on a child JVM and logs in to a Redis server that requires the password.
 */
class RedisPasswordFromEnvironmentTest {

    static final String PASSWORD = "env-rpw-5e0b7c2d-SECRET";

    @TempDir
    Path dir;

    final Map<String, String> environment = new HashMap<>();
    final Set<String> asked = ConcurrentHashMap.newKeySet();

    /** The credentials of the URI the connection's client is made from, once it opened. */
    RedisCredentials opened(String uri) {
        RedisConnection connection = new RedisConnection(uri, "a test", () -> null, new DfinerySecrets(name -> {
            asked.add(name);
            return environment.get(name);
        }));
        connection.openWhenReachable();
        try {
            return connection.uri().getCredentialsProvider().resolveCredentials().block();
        } finally {
            connection.close();
        }
    }

    @Test
    void aUriWithoutAPasswordTakesTheVariable() {
        environment.put(DfinerySecrets.REDIS_PASSWORD, PASSWORD);

        RedisCredentials credentials = opened("redis://127.0.0.1:6379");

        assertThat(new String(credentials.getPassword())).isEqualTo(PASSWORD);
        assertThat(credentials.getUsername()).isNull();
    }

    @Test
    void aUriWithoutAPasswordTakesTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("redis-password"), PASSWORD + "\n");
        environment.put("DFINERY_REDIS_PASSWORD_FILE", file.toString());

        assertThat(new String(opened("redis://127.0.0.1:6379").getPassword())).isEqualTo(PASSWORD);
    }

    @Test
    void thePasswordOfTheUriWinsAndTheEnvironmentIsNotRead() {
        environment.put(DfinerySecrets.REDIS_PASSWORD, "not-this-one");

        RedisCredentials credentials = opened("redis://user:in-the-uri@127.0.0.1:6379");

        assertThat(new String(credentials.getPassword())).isEqualTo("in-the-uri");
        assertThat(credentials.getUsername()).isEqualTo("user");
        assertThat(asked).isEmpty();
    }

    @Test
    void withNothingSetTheUriHasNoPassword() {
        RedisCredentials credentials = opened("redis://127.0.0.1:6379");

        assertThat(credentials == null || !credentials.hasPassword()).isTrue();
        assertThat(asked).contains("DFINERY_REDIS_PASSWORD", "DFINERY_REDIS_PASSWORD_FILE");
    }

    @Test
    void aFileThatCannotBeReadFailsTheOpenNamingTheVariableAndThePath() {
        Path missing = dir.resolve("missing");
        environment.put("DFINERY_REDIS_PASSWORD_FILE", missing.toString());

        assertThatThrownBy(() -> opened("redis://127.0.0.1:6379")).isInstanceOf(DfinerySecretException.class)
                .hasMessage("Cannot read the secret file named by the environment variable DFINERY_REDIS_PASSWORD_FILE: "
                            + missing + " (no such file)");
    }

    @Test
    void beansOnOneUriStillShareTheirClient() throws Exception {
        environment.put(DfinerySecrets.REDIS_PASSWORD, PASSWORD);
        DfinerySecrets secrets = new DfinerySecrets(environment::get);
        try (CamelContext context = new DefaultCamelContext()) {
            RedisConnection cursor = new RedisConnection("redis://127.0.0.1:6379", "a cursor", () -> context, secrets);
            RedisConnection claims = new RedisConnection("redis://127.0.0.1:6379/", "claims", () -> context, secrets);
            cursor.openWhenReachable();
            claims.openWhenReachable();
            try {
                assertThat(RedisClients.of(context)).extracting("clients").asInstanceOf(InstanceOfAssertFactories.MAP)
                        .as("one client for both").hasSize(1);
            } finally {
                cursor.close();
                claims.close();
            }
        }
    }
}
