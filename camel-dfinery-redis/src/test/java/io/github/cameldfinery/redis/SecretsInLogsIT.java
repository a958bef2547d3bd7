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

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.testsupport.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Camel Main application configured from properties, with YAML routes and a Redis quota store behind a password,
 * logs everything at TRACE (Camel core, Camel Main, the component, Lettuce) while it sends an event and exports a
 * row: neither token nor the Redis password appears in any line, whether written literally or as placeholders
 * resolved from the environment.
 */
class SecretsInLogsIT {

    static final String ACCESS_TOKEN = "acc-7f3a9c1e-literal";
    static final String BEARER_TOKEN = "bea-52d8e0b4-literal";
    static final String REDIS_PASSWORD = "rpw-91c6a2f7-literal";

    /**
     * The loggers that print configuration values or wire data in clear at DEBUG or TRACE, whatever the option's
     * name: Camel Main's list of the properties it binds, Camel's resolution of placeholders, and Lettuce's copy of
     * every command it writes (AUTH included) at TRACE.
     */
    static final List<String> PRINT_VALUES_AT_DEBUG_OR_TRACE = List.of("DEBUG org.apache.camel.main.BaseMainSupport - ",
            "DEBUG org.apache.camel.main.MainHelper - ", "DEBUG org.apache.camel.component.properties.DefaultPropertiesParser - ",
            "TRACE org.apache.camel.component.properties.PropertiesComponent - ",
            "DEBUG org.apache.camel.impl.engine.DefaultCamelContextExtension - ",
            "TRACE io.lettuce.core.protocol.CommandEncoder - ");

    static final Pattern ENTRY = Pattern.compile("\\[[^]]*] (TRACE|DEBUG|INFO|WARN|ERROR) ");

    @RegisterExtension
    static RedisServerExtension redis = new RedisServerExtension();

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService(Application.SERVICE, ACCESS_TOKEN,
            BEARER_TOKEN);

    @TempDir
    Path dir;

    @BeforeAll
    static void redisNeedsThePassword() {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().configSet("requirepass", REDIS_PASSWORD);
        } finally {
            client.shutdown();
        }
    }

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
    void literalValuesInProperties() throws Exception {
        Properties properties = common();
        properties.setProperty("camel.component.dfinery.access-token", ACCESS_TOKEN);
        properties.setProperty("camel.component.dfinery.bearer-token", BEARER_TOKEN);
        properties.setProperty("camel.component.dfinery.quota-store-uri",
                "redis://:" + REDIS_PASSWORD + "@127.0.0.1:" + redis.port());
        String log = run(properties, Map.of());
        assertNoSecretIn(log);
        assertThat(securityWarnings(log)).as("Camel Main's warnings of secret options written as plain text")
                .containsExactlyInAnyOrder("camel.component.dfinery.accessToken", "camel.component.dfinery.bearerToken",
                        "camel.component.dfinery.quotaStoreUri");
    }

    @Test
    void placeholdersResolvedFromTheEnvironment() throws Exception {
        Properties properties = common();
        properties.setProperty("camel.component.dfinery.access-token", "{{env:DFINERY_IMPORT_TOKEN}}");
        properties.setProperty("camel.component.dfinery.bearer-token", "{{env:DFINERY_EXPORT_TOKEN}}");
        properties.setProperty("camel.component.dfinery.quota-store-uri",
                "redis://:{{env:REDIS_PASSWORD}}@127.0.0.1:" + redis.port());
        String log = run(properties, Map.of("DFINERY_IMPORT_TOKEN", ACCESS_TOKEN, "DFINERY_EXPORT_TOKEN", BEARER_TOKEN,
                "REDIS_PASSWORD", REDIS_PASSWORD));
        assertNoSecretIn(log);
        assertThat(securityWarnings(log)).as("a value that is a placeholder draws no warning; one that only holds one does")
                .containsExactly("camel.component.dfinery.quotaStoreUri");
    }

    /**
     * The properties Camel Main warns of, at WARN, as secrets written as plain text ({@code camel.security.secretPolicy},
     * {@code warn} by default): it names the property, never the value.
     */
    static List<String> securityWarnings(String log) {
        return log.lines().filter(line -> line.contains("WARN org.apache.camel.main.BaseMainSupport - SECURITY WARNING: "
                + "[secret] Secret property is configured with plain-text value."))
                .map(line -> line.substring(line.lastIndexOf('[') + 1, line.length() - 1)).toList();
    }

    Properties common() {
        Properties properties = new Properties();
        properties.setProperty("camel.main.routes-include-pattern", "classpath:secrets/routes.yaml");
        properties.setProperty("camel.component.dfinery.base-uri", dfinery.baseUri().toString());
        properties.setProperty("camel.component.dfinery.service-id", Application.SERVICE);
        properties.setProperty("start-date", Application.today().minusDays(1).toString());
        return properties;
    }

    String run(Properties properties, Map<String, String> environment) throws Exception {
        Path file = dir.resolve("application.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        try (ReplicaProcess application = ReplicaProcess.start("logged", LoggedApplication.class,
                List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace"), environment, file.toString())) {
            assertThat(application.awaitDone(Duration.ofSeconds(120))).isEqualTo("DONE exported=true");
            return application.output();
        }
    }

    static void assertNoSecretIn(String log) {
        assertThat(log).as("logging at TRACE").contains(" io.github.cameldfinery.").contains("TRACE io.lettuce")
                .contains("DEBUG org.apache.camel.main");
        assertThat(log).as("Camel Main's summary at INFO, masked").contains("camel.component.dfinery.accessToken = xxxxxx")
                .contains("camel.component.dfinery.bearerToken = xxxxxx")
                .contains("camel.component.dfinery.quotaStoreUri = xxxxxx");
        List<String> leaks = entries(log).stream()
                .filter(e -> e.contains(ACCESS_TOKEN) || e.contains(BEARER_TOKEN) || e.contains(REDIS_PASSWORD))
                .filter(e -> PRINT_VALUES_AT_DEBUG_OR_TRACE.stream().noneMatch(e::contains)).toList();
        assertThat(leaks).as("log entries with a secret, besides those Camel and Lettuce print at DEBUG/TRACE").isEmpty();
    }

    /** The log's entries: a line that starts with the thread and a level, and the lines that continue it. */
    static List<String> entries(String log) {
        List<String> entries = new ArrayList<>();
        for (String line : log.lines().toList()) {
            if (entries.isEmpty() || ENTRY.matcher(line).lookingAt()) {
                entries.add(line);
            } else {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + "\n" + line);
            }
        }
        return entries;
    }
}
