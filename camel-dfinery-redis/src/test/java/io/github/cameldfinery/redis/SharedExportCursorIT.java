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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cameldfinery.emulator.ApiKind;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * One replica exports some closed days and stops; another one, a new JVM's worth of objects with its own repository
 * on the same Redis, goes on from the shared cursor: every event arrives once, no day is exported twice.
 */
class SharedExportCursorIT extends ReplicasTestSupport {

    static final int DAYS = 6;
    static final int PER_DAY = 5;

    final List<String> delivered = new CopyOnWriteArrayList<>();

    CamelContext replica(int windowsPerPoll) throws Exception {
        CamelContext context = Application.context(dfinery.baseUri());
        context.getRegistry().bind("cursor", new RedisStateRepository(redis.uri()));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?stateRepository=#cursor&delay=100&maxWindowsPerPoll=" + windowsPerPoll
                     + "&startDate=" + Application.today().minusDays(DAYS))
                        .process(e -> delivered.add(e.getMessage().getBody(Map.class).get("df_event_log_id").toString()));
            }
        });
        return context;
    }

    @Test
    void aSecondReplicaGoesOnFromTheSharedCursor() throws Exception {
        Application.seed(dfinery.baseUri(), DAYS, PER_DAY);
        CamelContext first = replica(2);
        first.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() >= 2 * PER_DAY);
        first.stop();
        int byFirst = delivered.size();
        assertThat(byFirst).isLessThan(DAYS * PER_DAY);

        CamelContext second = replica(10);
        second.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == DAYS * PER_DAY);
        } finally {
            second.stop();
        }

        assertThat(delivered).doesNotHaveDuplicates().hasSize(DAYS * PER_DAY);
        // The first replica's graceful stop finishes the window it is reading, so the second goes on from the next
        // one: each day is exported once.
        assertThat(dfinery.service(Application.SERVICE).stats().requests(ApiKind.EXPORT)).isEqualTo(DAYS);
    }
}
