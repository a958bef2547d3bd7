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

import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.emulator.state.EmulatedService;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel's own way for users who run a cluster service: the export route under a {@code ClusteredRoutePolicy} on
 * {@code FileLockClusterService}, in two JVMs. The leader halts in the middle of a window; the other takes over and
 * goes on from the shared cursor: every event downstream once, each window exported, the crashed one twice at most.
 */
class ClusteredExportIT {

    static final int DAYS = 10;
    static final int PER_DAY = 5;

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = Application.emulator();

    @TempDir
    Path shared;

    @Test
    void theStandbyTakesOverWhenTheLeaderCrashesMidWindow() throws Exception {
        Application.seed(dfinery.baseUri(), DAYS, PER_DAY);
        EmulatedService service = dfinery.service(Application.SERVICE);
        try (ReplicaProcess leader = replica("leader", PER_DAY + 2)) {
            leader.awaitReady();
            await().atMost(Duration.ofSeconds(30)).until(() -> !delivered("leader").isEmpty());
            try (ReplicaProcess standby = replica("standby", 0)) {
                standby.awaitReady();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        assertThat(all()).as("delivered; %s %s", leader, standby).hasSizeGreaterThanOrEqualTo(DAYS * PER_DAY));
                assertThat(leader.isAlive()).as("the leader crashed").isFalse();
                assertThat(delivered("standby")).as("the standby took over").isNotEmpty();
            }
        }
        assertThat(all()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(service.events().stream().map(StoredEvent::eventLogId).toList());
        assertThat(service.stats().requests(ApiKind.EXPORT)).as("each window once, the crashed one twice")
                .isEqualTo(DAYS + 1);
    }

    ReplicaProcess replica(String name, int crashAfter) throws Exception {
        return ReplicaProcess.start(name, ClusteredExportReplica.class, dfinery.baseUri().toString(), shared.toString(),
                Application.today().minusDays(DAYS).toString(), shared.resolve(name + ".out").toString(),
                Integer.toString(crashAfter));
    }

    List<String> delivered(String name) throws Exception {
        Path file = shared.resolve(name + ".out");
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    List<String> all() throws Exception {
        List<String> ids = new ArrayList<>(delivered("leader"));
        ids.addAll(delivered("standby"));
        return ids;
    }
}
