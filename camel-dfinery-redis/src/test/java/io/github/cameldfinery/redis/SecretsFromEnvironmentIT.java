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
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.testsupport.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Camel Main application in a JVM of its own takes both tokens and the Redis password from real environment
 * variables, or from the files their {@code _FILE} variables name, and none from its configuration; every logger is
 * at TRACE while it sends an event, counts its quota in a Redis server that requires the password, and exports a row
 * through docs/export.md's recipe for replicas (cursor, claims and delivered rows in that Redis). Neither token
 * appears in any line it logs, and the password only in the lines of {@link #LETTUCE_COMMAND_TRACE}, Lettuce's copy
 * of every command it writes. A run with the tokens written in the properties shows that the check finds a leak.
 */
class SecretsFromEnvironmentIT {

    static final String ACCESS_TOKEN = "acc-env-2f9d61b8c4e7";
    static final String BEARER_TOKEN = "bea-env-7a3c05e9d1f6";
    static final String REDIS_PASSWORD = "rpw-env-c81e4f2a6b09";

    /**
     * The one logger allowed to print the Redis password: Lettuce writes every command it sends, the {@code HELLO …
     * AUTH} of each connection included, at TRACE. docs/reliability.md says to keep it at INFO.
     */
    static final String LETTUCE_COMMAND_TRACE = "TRACE io.lettuce.core.protocol.CommandEncoder - ";
    /** An entry of that logger: the thread, then the level and the logger's name. */
    static final Pattern LETTUCE_ENTRY = Pattern.compile("\\[[^]]*] " + Pattern.quote(LETTUCE_COMMAND_TRACE));

    @RegisterExtension
    static RedisServerExtension redis = RedisServerExtension.withPassword(REDIS_PASSWORD);

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService(Application.SERVICE, ACCESS_TOKEN,
            BEARER_TOKEN);

    @TempDir
    Path dir;

    @BeforeEach
    void yesterdayHasAnEvent() throws Exception {
        DfineryComponent component = Application.component(dfinery.baseUri());
        component.getConfiguration().setAccessToken(ACCESS_TOKEN);
        try (CamelContext seeder = new DefaultCamelContext()) {
            seeder.addComponent("dfinery", component);
            seeder.start();
            seeder.createProducerTemplate().sendBody("dfinery:event", DfineryEvent.builder("df_login")
                    .identity(DfineryIdentity.externalId("seeded"))
                    .datetime(Application.today().minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).build());
        }
    }

    @Test
    void secretsFromEnvironmentVariables() throws Exception {
        Properties properties = properties("variables");
        // quotaStoreUri holds no password here: Camel need not warn that it is written as plain text.
        properties.setProperty("camel.security.allowedProperties", "camel.component.dfinery.quotaStoreUri");
        String log = run(properties, Map.of("DFINERY_IMPORT_TOKEN", ACCESS_TOKEN, "DFINERY_EXPORT_TOKEN",
                BEARER_TOKEN, "DFINERY_REDIS_PASSWORD", REDIS_PASSWORD));

        assertNoSecretIn(log);
        assertThat(log).contains(
                "INFO io.github.cameldfinery.component.DfinerySecrets - The DFINERY accessToken is taken from the "
                + "environment variable DFINERY_IMPORT_TOKEN",
                "INFO io.github.cameldfinery.component.DfinerySecrets - The DFINERY bearerToken is taken from the "
                + "environment variable DFINERY_EXPORT_TOKEN",
                "INFO io.github.cameldfinery.component.DfinerySecrets - The DFINERY Redis password is taken from the "
                + "environment variable DFINERY_REDIS_PASSWORD");
        assertThat(log).as("Camel Main's warning about secrets written as plain text").doesNotContain("SECURITY WARNING");
        assertThat(SecretsInLogsIT.entries(log)).filteredOn(e -> e.contains(REDIS_PASSWORD))
                .as("Lettuce's command trace prints the HELLO … AUTH of each connection, password included").isNotEmpty()
                .allMatch(e -> LETTUCE_ENTRY.matcher(e).lookingAt() && e.contains("AUTH"));
        assertTheRecipeWroteToRedis("variables");
    }

    @Test
    void secretsFromFiles() throws Exception {
        Path access = Files.writeString(dir.resolve("access-token"), ACCESS_TOKEN + "\n");
        Path bearer = Files.writeString(dir.resolve("bearer-token"), BEARER_TOKEN + "\n");
        Path password = Files.writeString(dir.resolve("redis-password"), REDIS_PASSWORD + "\n");

        String log = run(properties("files"), Map.of("DFINERY_IMPORT_TOKEN_FILE", access.toString(),
                "DFINERY_EXPORT_TOKEN_FILE", bearer.toString(), "DFINERY_REDIS_PASSWORD_FILE", password.toString()));

        assertNoSecretIn(log);
        assertThat(log).contains(
                "The DFINERY accessToken is taken from the file named by the environment variable "
                + "DFINERY_IMPORT_TOKEN_FILE (" + access + ")",
                "The DFINERY bearerToken is taken from the file named by the environment variable "
                + "DFINERY_EXPORT_TOKEN_FILE (" + bearer + ")",
                "The DFINERY Redis password is taken from the file named by the environment variable "
                + "DFINERY_REDIS_PASSWORD_FILE (" + password + ")");
        assertThat(log.lines().filter(line -> line.contains("SECURITY WARNING")))
                .as("Camel Main warns of quotaStoreUri, a secret option written as plain text, though it holds no password")
                .singleElement(InstanceOfAssertFactories.STRING).endsWith("[camel.component.dfinery.quotaStoreUri]");
        assertTheRecipeWroteToRedis("files");
    }

    /** The control: tokens written in the properties reach Camel Main's DEBUG lines, and the check sees them. */
    @Test
    void tokensWrittenInThePropertiesAreFoundInTheLog() throws Exception {
        Properties properties = properties("literal");
        properties.setProperty("camel.component.dfinery.access-token", ACCESS_TOKEN);
        properties.setProperty("camel.component.dfinery.bearer-token", BEARER_TOKEN);

        String log = run(properties, Map.of("DFINERY_REDIS_PASSWORD", REDIS_PASSWORD));

        assertThat(SecretsInLogsIT.entries(log)).filteredOn(e -> e.contains(ACCESS_TOKEN) || e.contains(BEARER_TOKEN))
                .isNotEmpty().anyMatch(e -> e.contains("DEBUG org.apache.camel.main."));
        assertThat(log.lines().filter(line -> line.contains("SECURITY WARNING")))
                .as("Camel Main's warnings about secrets written as plain text").anyMatch(line -> line.contains(
                        "WARN org.apache.camel.main.BaseMainSupport - SECURITY WARNING: [secret] Secret property is "
                        + "configured with plain-text value.") && line.endsWith("[camel.component.dfinery.accessToken]"))
                .anyMatch(line -> line.endsWith("[camel.component.dfinery.bearerToken]"));
        assertThatThrownBy(() -> assertNoSecretIn(log)).hasMessageContaining("lines with a token");
    }

    /** The recipe's properties, with no token and a Redis URI without the password. */
    Properties properties(String cursorKey) {
        String redisUri = "redis://127.0.0.1:" + redis.port();
        Properties properties = Application.exportRecipe(dfinery.baseUri(), redisUri, "PT1M", 1, cursorKey);
        properties.remove("camel.component.dfinery.bearer-token");
        properties.setProperty("camel.beans.delivered", "#class:io.github.cameldfinery.redis.RedisIdempotentRepository(\""
                + redisUri + "\", \"delivered-" + cursorKey + ":\", \"P1D\")");
        properties.setProperty("camel.main.routes-include-pattern", "classpath:secrets/env-routes.yaml");
        return properties;
    }

    String run(Properties properties, Map<String, String> environment) throws Exception {
        Path file = dir.resolve("application.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        List<String> jvmOptions = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace");
        // The secrets are non-trivial and unique, and reach the application only by its environment and files.
        for (String secret : List.of(ACCESS_TOKEN, BEARER_TOKEN, REDIS_PASSWORD)) {
            assertThat(secret).hasSizeGreaterThan(16);
            assertThat(String.join(" ", jvmOptions)).doesNotContain(secret);
        }
        if (!properties.containsKey("camel.component.dfinery.access-token")) {
            assertThat(Files.readString(file)).doesNotContain(ACCESS_TOKEN).doesNotContain(BEARER_TOKEN)
                    .doesNotContain(REDIS_PASSWORD);
        }
        try (ReplicaProcess application = ReplicaProcess.start("secrets-" + properties.getProperty("cursor-key"),
                LoggedApplication.class, jvmOptions, environment, file.toString())) {
            assertThat(application.awaitDone(Duration.ofSeconds(120))).as(application::toString)
                    .isEqualTo("DONE exported=true");
            return application.output();
        }
    }

    static void assertNoSecretIn(String log) {
        assertThat(log).as("logging at TRACE").contains("TRACE org.apache.camel.").contains("DEBUG org.apache.camel.main.")
                .contains(" io.github.cameldfinery.").contains(LETTUCE_COMMAND_TRACE);
        assertThat(dfinery.service(Application.SERVICE).stats().accepted()).as("both tokens were used")
                .containsEntry(ApiKind.EVENT, 2L).containsEntry(ApiKind.EXPORT, 1L);
        assertThat(log.lines().filter(line -> line.contains(ACCESS_TOKEN) || line.contains(BEARER_TOKEN)))
                .as("lines with a token").isEmpty();
        assertThat(SecretsInLogsIT.entries(log)).filteredOn(e -> e.contains(REDIS_PASSWORD))
                .as("log entries with the Redis password, besides Lettuce's command trace")
                .allMatch(e -> LETTUCE_ENTRY.matcher(e).lookingAt());
    }

    /** The cursor, claims and delivered rows reached the Redis that requires the password; without it, none does. */
    void assertTheRecipeWroteToRedis(String cursorKey) {
        RedisURI withPassword = RedisURI.create(redis.uri());
        withPassword.setAuthentication(REDIS_PASSWORD);
        RedisClient client = RedisClient.create(withPassword);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().keys("dfinery:state:*" + cursorKey + "*")).as("the cursor").isNotEmpty();
            assertThat(connection.sync().keys("delivered-" + cursorKey + ":*")).as("the delivered rows").isNotEmpty();
            assertThat(connection.sync().keys("dfinery:quota:*")).as("the quota store").isNotEmpty();
        } finally {
            client.shutdown();
        }
        RedisClient anonymous = RedisClient.create(redis.uri());
        try {
            assertThat(catchThrowable(() -> {
                try (StatefulRedisConnection<String, String> connection = anonymous.connect()) {
                    connection.sync().keys("*");
                }
            })).as("Redis requires the password").isNotNull();
        } finally {
            anonymous.shutdown();
        }
    }
}
