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

import static io.github.cameldfinery.redis.Application.QUOTA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.cameldfinery.emulator.state.EmulatedService;
import org.junit.jupiter.api.Test;

/**
 * Three replicas in three JVMs share one DFINERY service (30 requests per 2 s on the emulator) and one Redis, and
 * push 5 × the quota at once; one of them is killed in the middle of a window and started again. The emulator sees
 * no 429 and at most the quota in every window, and every event of the replicas that were not killed is stored.
 */
class ReplicasQuotaIT extends QuotaReplicasTestSupport {

    static final int EVENTS = 50;
    static final int AFTER_RESTART = 30;

    @Test
    void threeProcessesShareOneQuotaThroughARestartWithoutA429() throws Exception {
        EmulatedService service = dfinery.service(Application.SERVICE);
        try (ReplicaProcess a = replica("a", EVENTS); ReplicaProcess b = replica("b", EVENTS);
             ReplicaProcess c = replica("c", EVENTS)) {
            for (ReplicaProcess replica : List.of(a, b, c)) {
                replica.awaitReady();
            }
            // Start at the beginning of a window, so that the first window has all its time.
            QUOTA.awaitWindowStart();
            a.go();
            b.go();
            c.go();

            // Kill b in the middle of its second window, while all three are sending.
            await().atMost(Duration.ofSeconds(30)).until(() -> service.stats().eventsStored() >= QUOTA.limit() + 5);
            QUOTA.awaitMillisIntoWindow(QUOTA.window().toMillis() / 2 - 100, QUOTA.window().toMillis() / 2 + 100);
            b.kill();
            try (ReplicaProcess restarted = replica("b2", AFTER_RESTART)) {
                restarted.awaitReady();
                restarted.go();

                assertThat(a.awaitDone(Duration.ofSeconds(90))).startsWith("DONE ok=" + EVENTS + " failed=0");
                assertThat(c.awaitDone(Duration.ofSeconds(90))).startsWith("DONE ok=" + EVENTS + " failed=0");
                assertThat(restarted.awaitDone(Duration.ofSeconds(90))).startsWith("DONE ok=" + AFTER_RESTART + " failed=0");
            }
        }
        Map<Long, Long> windows = QUOTA.perWindow(service);
        QUOTA.assertKept(service, 3);
        assertThat(storedOf(service, "a")).isEqualTo(EVENTS);
        assertThat(storedOf(service, "c")).isEqualTo(EVENTS);
        assertThat(storedOf(service, "b2")).isEqualTo(AFTER_RESTART);
        assertThat(storedOf(service, "b")).as("b's events stored before it was killed; windows " + windows)
                .isPositive().isLessThan(EVENTS);
    }

    static ReplicaProcess replica(String name, int events) throws Exception {
        return ReplicaProcess.start(name, QuotaReplica.class, dfinery.baseUri().toString(), redis.uri(), name,
                Integer.toString(events));
    }

    static long storedOf(EmulatedService service, String replica) {
        return service.events().stream().filter(e -> e.externalId() != null && e.externalId().matches(replica + "-\\d+"))
                .count();
    }
}
