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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameldfinery.component.spi.DfineryExportClaims;
import io.github.cameldfinery.emulator.ApiKind;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three replicas run the same dfinery:export route over 10 closed days, on one Redis (shared cursor, claims on
 * windows) and one emulator: every event reaches the downstream once and every window is exported once; a replica
 * that crashes holding a claim delays its window by the lease, after which another replica exports it.
 */
class ReplicasExportIT extends ReplicasTestSupport {

    static final int DAYS = 10;
    static final int PER_DAY = 5;

    final List<String> delivered = new CopyOnWriteArrayList<>();
    final String cursorKey = "replicas-" + UUID.randomUUID();
    final List<CamelContext> replicas = new ArrayList<>();

    @AfterEach
    void stopReplicas() {
        replicas.forEach(CamelContext::stop);
    }

    /** A replica: its own cursor repository and claims on the shared Redis, its own route. */
    CamelContext replica(DfineryExportClaims claims, RouteBuilder downstream) throws Exception {
        CamelContext context = Application.context(dfinery.baseUri());
        context.getRegistry().bind("cursor", new RedisStateRepository(redis.uri()));
        context.getRegistry().bind("claims", claims);
        context.addRoutes(downstream);
        context.start();
        replicas.add(context);
        return context;
    }

    RouteBuilder collecting() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(exportUri()).delay(5)
                        .process(e -> delivered.add(e.getMessage().getBody(Map.class).get("df_event_log_id").toString()));
            }
        };
    }

    /** Each test has a cursor of its own in the shared Redis. */
    String exportUri() {
        return "dfinery:export?stateRepository=#cursor&exportClaims=#claims&delay=20&maxWindowsPerPoll=1"
               + "&cursorKey=" + cursorKey + "&startDate=" + Application.today().minusDays(DAYS);
    }

    static RedisExportClaims claims(Duration lease) {
        RedisExportClaims claims = new RedisExportClaims(redis.uri(), lease);
        claims.start();
        return claims;
    }

    @Test
    void threeReplicasExportEveryWindowOnce() throws Exception {
        Application.seed(dfinery.baseUri(), DAYS, PER_DAY);
        for (int i = 0; i < 3; i++) {
            replica(claims(Duration.ofMinutes(1)), collecting());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() >= DAYS * PER_DAY);
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> delivered.size() == DAYS * PER_DAY);

        assertThat(delivered).doesNotHaveDuplicates().hasSize(DAYS * PER_DAY);
        assertThat(dfinery.service(Application.SERVICE).stats().requests(ApiKind.EXPORT)).isEqualTo(DAYS);
    }

    @Test
    void aReplicaThatCrashesHoldingAClaimDelaysItsWindowByTheLease() throws Exception {
        Application.seed(dfinery.baseUri(), DAYS, PER_DAY);
        AtomicInteger failures = new AtomicInteger();
        // A process that dies holding its claim never gives it up: its claims here forget to.
        RedisExportClaims real = claims(Duration.ofSeconds(1));
        DfineryExportClaims neverReleased = (cursorKey, from, to) -> {
            DfineryExportClaims.Claim claim = real.tryClaim(cursorKey, from, to);
            return claim == null ? null : () -> { };
        };
        CamelContext crashing = replica(neverReleased, new RouteBuilder() {
            @Override
            public void configure() {
                from(exportUri()).process(e -> {
                    failures.incrementAndGet();
                    throw new IllegalStateException("the replica crashes in the middle of the window");
                });
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> failures.get() >= 1);
        crashing.stop();
        Instant crashed = Instant.now();

        replica(claims(Duration.ofMinutes(1)), collecting());
        replica(claims(Duration.ofMinutes(1)), collecting());

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() >= DAYS * PER_DAY);
        assertThat(Duration.between(crashed, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(delivered).doesNotHaveDuplicates().hasSize(DAYS * PER_DAY);
        // The crashed replica's call, then each window once.
        assertThat(dfinery.service(Application.SERVICE).stats().requests(ApiKind.EXPORT)).isEqualTo(DAYS + 1);
    }
}
