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
package io.github.cameldfinery.examples.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.testsupport.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The starter's side of SecretsFromEnvironmentIT (camel-dfinery-redis): a Spring Boot app in a JVM of its own, with
 * {@code logging.level.root=TRACE}, takes the import token from the environment variable
 * {@code DFINERY_IMPORT_TOKEN}, the export token from the file {@code DFINERY_EXPORT_TOKEN_FILE} names and the
 * password of its Redis quota store from {@code DFINERY_REDIS_PASSWORD}, none from its properties. It sends an event
 * and exports once, counting both in a Redis server that requires the password. Neither token appears in any line it
 * logs, and the password only in Lettuce's command trace ({@link #LETTUCE_COMMAND_TRACE}).
 */
class StarterSecretsFromEnvironmentIT {

    static final String SERVICE = "env-shop";
    static final String ACCESS_TOKEN = "acc-boot-93d0e6a1f27c";
    static final String BEARER_TOKEN = "bea-boot-5b18c4e07d3a";
    static final String REDIS_PASSWORD = "rpw-boot-e2a9071c5f84";

    /** The one logger allowed to print the Redis password: Lettuce's copy of each command, AUTH included, at TRACE. */
    static final String LETTUCE_COMMAND_TRACE = "TRACE io.lettuce.core.protocol.CommandEncoder - ";
    /** The start of a log entry in the pattern the app is given: thread, level, logger. */
    static final Pattern ENTRY = Pattern.compile("\\[[^]]*] (TRACE|DEBUG|INFO|WARN|ERROR) ");
    static final Pattern LETTUCE_ENTRY = Pattern.compile("\\[[^]]*] " + Pattern.quote(LETTUCE_COMMAND_TRACE));

    @RegisterExtension
    static RedisServerExtension redis = RedisServerExtension.withPassword(REDIS_PASSWORD);

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService(SERVICE, ACCESS_TOKEN, BEARER_TOKEN);

    @TempDir
    Path dir;

    @Test
    void noSecretInAnyLineWithEveryLoggerAtTrace() throws Exception {
        Path bearer = Files.writeString(dir.resolve("bearer-token"), BEARER_TOKEN + "\n");
        List<String> arguments = List.of("--server.port=0", "--logging.level.root=TRACE",
                "--logging.pattern.console=[%thread] %level %logger - %msg%n",
                "--camel.component.dfinery.base-uri=" + dfinery.baseUri(),
                "--camel.component.dfinery.service-id=" + SERVICE,
                "--camel.component.dfinery.quota-store-uri=redis://127.0.0.1:" + redis.port());
        for (String secret : List.of(ACCESS_TOKEN, BEARER_TOKEN, REDIS_PASSWORD)) {
            assertThat(secret).hasSizeGreaterThan(16);
            assertThat(String.join(" ", arguments)).doesNotContain(secret);
        }

        String log = run(arguments, "DFINERY_IMPORT_TOKEN", ACCESS_TOKEN, "DFINERY_EXPORT_TOKEN_FILE", bearer.toString(),
                "DFINERY_REDIS_PASSWORD", REDIS_PASSWORD);

        assertThat(log).contains("DONE sent=ok exported=ok");
        assertThat(dfinery.service(SERVICE).stats().accepted()).as("both tokens were used")
                .containsEntry(ApiKind.EVENT, 1L).containsEntry(ApiKind.EXPORT, 1L);
        assertThat(log).as("logging at TRACE").contains("TRACE org.springframework.").contains("TRACE org.apache.camel.")
                .contains("DEBUG org.apache.camel.spring.boot.").contains(LETTUCE_COMMAND_TRACE);
        assertThat(log).as("where each secret came from, by the variable's name").contains(
                "INFO io.github.cameldfinery.component.DfinerySecrets - The DFINERY accessToken is taken from the "
                + "environment variable DFINERY_IMPORT_TOKEN",
                "INFO io.github.cameldfinery.component.DfinerySecrets - The DFINERY bearerToken is taken from the file "
                + "named by the environment variable DFINERY_EXPORT_TOKEN_FILE (" + bearer + ")",
                "INFO io.github.cameldfinery.component.DfinerySecrets - The DFINERY Redis password is taken from the "
                + "environment variable DFINERY_REDIS_PASSWORD");
        assertThat(log.lines().filter(line -> line.contains(ACCESS_TOKEN) || line.contains(BEARER_TOKEN)))
                .as("lines with a token").isEmpty();
        assertThat(entries(log)).filteredOn(e -> e.contains(REDIS_PASSWORD))
                .as("log entries with the Redis password: only Lettuce's command trace, the HELLO … AUTH of each "
                    + "connection").isNotEmpty().allMatch(e -> LETTUCE_ENTRY.matcher(e).lookingAt() && e.contains("AUTH"));

        RedisURI withPassword = RedisURI.create("redis://127.0.0.1:" + redis.port());
        withPassword.setAuthentication(REDIS_PASSWORD);
        RedisClient client = RedisClient.create(withPassword);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().keys("dfinery:quota:*")).as("the quota was counted in Redis").isNotEmpty();
        } finally {
            client.shutdown();
        }
    }

    /** Runs the app with the tests' classpath and these environment variables; everything it printed. */
    String run(List<String> arguments, String... environment) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                StarterSecretsApplication.class.getName()));
        command.addAll(arguments);
        Path output = dir.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        for (int i = 0; i < environment.length; i += 2) {
            builder.environment().put(environment[i], environment[i + 1]);
        }
        Process process = builder.start();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .failFast("the app exited without DONE", () -> assertThat(process.isAlive()
                            || Files.readString(output).contains("DONE ")).as(tail(output)).isTrue())
                    .until(() -> Files.readString(output).contains("DONE "));
            await().atMost(Duration.ofMinutes(1)).until(() -> !process.isAlive());
            return Files.readString(output);
        } finally {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    static String tail(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
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
