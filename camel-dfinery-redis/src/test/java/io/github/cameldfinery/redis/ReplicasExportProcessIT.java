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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.state.EmulatedService;
import io.github.cameldfinery.emulator.state.RecordedRequest;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas in three JVMs run the same dfinery:export route over 10 closed days on one Redis (cursor, claims,
 * export budget, idempotent repository); two of them crash (halt) between two rows of a window, holding its claim.
 * Every event reaches the downstream exactly once, every window is exported, a window is exported twice only where a
 * crash explains it, and the export calls stay within the shared budget.
 */
class ReplicasExportProcessIT extends ReplicasTestSupport {

    static final int DAYS = 10;
    static final int PER_DAY = 5;

    @TempDir
    Path downstream;

    @Test
    void everyEventOnceThroughCrashesOfTheClaimingReplica() throws Exception {
        Application.seed(dfinery.baseUri(), DAYS, PER_DAY);
        EmulatedService service = dfinery.service(Application.SERVICE);
        String cursorKey = "replicas-" + UUID.randomUUID();
        // a crashes 2 rows into its second window, b 3 rows into its third; c never does.
        Map<String, Integer> crashAfter = Map.of("a", PER_DAY + 2, "b", 2 * PER_DAY + 3, "c", 0);
        List<ReplicaProcess> replicas = new ArrayList<>();
        try {
            for (String name : List.of("a", "b", "c")) {
                replicas.add(ReplicaProcess.start(name, ExportReplica.class, dfinery.baseUri().toString(), redis.uri(),
                        cursorKey, Application.today().minusDays(DAYS).toString(),
                        downstream.resolve(name).toString(), crashAfter.get(name).toString()));
            }
            RedisStateRepository cursor = new RedisStateRepository(redis.uri());
            cursor.start();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                assertThat(delivered()).as("delivered; replicas: %s", replicas).hasSizeGreaterThanOrEqualTo(DAYS * PER_DAY);
                assertThat(cursor.getState(cursorKey)).isEqualTo(Application.today().toString());
            });
            cursor.stop();

            long crashed = replicas.stream().filter(r -> !r.isAlive()).count();
            List<String> delivered = delivered();
            assertThat(crashed).as("replicas that crashed mid-window").isPositive();
            assertThat(delivered).as("every event downstream exactly once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(service.events().stream().map(StoredEvent::eventLogId).toList());

            Map<String, Long> exportsPerWindow = service.recentRequests().stream()
                    .filter(r -> r.kind() == ApiKind.EXPORT && r.httpStatus() == 200)
                    .collect(Collectors.groupingBy(ReplicasExportProcessIT::window, Collectors.counting()));
            assertThat(exportsPerWindow).as("every window exported").hasSize(DAYS);
            assertThat(exportsPerWindow.values().stream().filter(n -> n > 1).count())
                    .as("windows exported twice " + exportsPerWindow).isLessThanOrEqualTo(crashed);
            assertThat(service.stats().requests(ApiKind.EXPORT)).as("export calls within the shared budget")
                    .isLessThanOrEqualTo(ExportReplica.EXPORT_QUOTA);
        } finally {
            for (ReplicaProcess replica : replicas) {
                replica.close();
            }
        }
    }

    List<String> delivered() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            Path file = downstream.resolve(name);
            if (Files.exists(file)) {
                ids.addAll(Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList());
            }
        }
        return ids;
    }

    /** The window an export call asked for: its from_date. */
    static String window(RecordedRequest request) {
        int at = request.body().indexOf("\"from_date\"");
        return at < 0 ? request.body() : request.body().substring(at, request.body().indexOf(',', at));
    }
}
