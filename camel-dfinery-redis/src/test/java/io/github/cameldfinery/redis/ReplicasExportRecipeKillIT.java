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
import static org.awaitility.Awaitility.await;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.github.cameldfinery.emulator.state.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/export.md's recipe for replicas, as written there (properties and YAML route), in three JVMs on one Redis:
 * one replica is killed (SIGKILL) while a row is in its downstream. Every event reaches the downstream exactly once;
 * with Camel's idempotentConsumer EIP (eager by default) in the route instead, the row that was downstream is lost.
 */
class ReplicasExportRecipeKillIT extends ReplicasTestSupport {

    static final int DAYS = 10;
    static final int PER_DAY = 5;

    @TempDir
    Path dir;

    @Test
    void aReplicaKilledWhileARowIsDownstreamLosesNothing() throws Exception {
        Result result = killOneWhileARowIsDownstream("routes/replica-export.yaml");
        assertThat(result.delivered()).as("the row in flight when a was killed").contains(result.inFlight())
                .as("every event downstream exactly once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(result.expected());
    }

    @Test
    void withTheEagerIdempotentConsumerEipTheRowInFlightIsLost() throws Exception {
        Result result = killOneWhileARowIsDownstream("routes/replica-export-eip.yaml");
        assertThat(result.delivered()).doesNotHaveDuplicates().doesNotContain(result.inFlight())
                .hasSize(result.expected().size() - 1);
    }

    record Result(String inFlight, List<String> delivered, List<String> expected) {
    }

    Result killOneWhileARowIsDownstream(String route) throws Exception {
        Application.seed(dfinery.baseUri(), DAYS, PER_DAY);
        String cursorKey = "recipe-kill-" + UUID.randomUUID();
        Path properties = recipeProperties(cursorKey);
        List<ReplicaProcess> replicas = new ArrayList<>();
        try {
            // a holds the 7th row it sees (in its second window) in the downstream until it is killed.
            ReplicaProcess a = ReplicaProcess.start("a", RecipeReplica.class, properties.toString(),
                    dir.resolve("a").toString(), Integer.toString(PER_DAY + 2), route);
            replicas.add(a);
            a.awaitReady();
            await().atMost(Duration.ofSeconds(60)).failFast("a exited: " + a, () -> !a.isAlive())
                    .until(() -> a.output().contains("IN_FLIGHT "));
            String inFlight = a.output().lines().filter(l -> l.startsWith("IN_FLIGHT ")).findFirst().orElseThrow()
                    .substring("IN_FLIGHT ".length());
            for (String name : List.of("b", "c")) {
                ReplicaProcess replica = ReplicaProcess.start(name, RecipeReplica.class, properties.toString(),
                        dir.resolve(name).toString(), "0", route);
                replicas.add(replica);
                replica.awaitReady();
            }
            a.kill();
            RedisStateRepository cursor = new RedisStateRepository(redis.uri());
            cursor.start();
            try {
                // The downstream is synchronous: once the cursor stands at today, every window's rows went through it.
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        assertThat(cursor.getState(cursorKey)).as("replicas: %s", replicas)
                                .isEqualTo(Application.today().toString()));
            } finally {
                cursor.stop();
            }
            return new Result(inFlight, delivered(), dfinery.service(Application.SERVICE).events().stream()
                    .map(StoredEvent::eventLogId).toList());
        } finally {
            for (ReplicaProcess replica : replicas) {
                replica.close();
            }
        }
    }

    /** The recipe's properties of docs/export.md, pointed at this test's Redis and emulator. */
    Path recipeProperties(String cursorKey) throws Exception {
        // A short lease, so that the window the killed replica held is taken again within the test.
        Properties properties = Application.exportRecipe(dfinery.baseUri(), redis.uri(), "PT2S", DAYS, cursorKey);
        Path file = dir.resolve("application.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return file;
    }

    List<String> delivered() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                ids.addAll(Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList());
            }
        }
        return ids;
    }
}
