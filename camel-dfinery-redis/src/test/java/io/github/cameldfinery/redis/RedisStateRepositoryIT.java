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
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import io.github.cameldfinery.testsupport.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two replicas' repositories on one real Redis: one state; Redis down: a typed failure in bounded time. */
class RedisStateRepositoryIT {

    @RegisterExtension
    static RedisServerExtension redis = new RedisServerExtension();

    @Test
    void replicasShareTheState() {
        RedisStateRepository first = new RedisStateRepository(redis.uri());
        RedisStateRepository second = new RedisStateRepository(redis.uri());
        RedisStateRepository otherApp = new RedisStateRepository(redis.uri(), "other-app:");
        first.start();
        second.start();
        otherApp.start();
        try {
            first.setState("dfinery-export/shop/events/all", "2026-11-20");

            assertThat(second.getState("dfinery-export/shop/events/all")).isEqualTo("2026-11-20");
            assertThat(otherApp.getState("dfinery-export/shop/events/all")).isNull();
            second.setState("dfinery-export/shop/events/all", "2026-11-21");
            assertThat(first.getState("dfinery-export/shop/events/all")).isEqualTo("2026-11-21");
        } finally {
            first.stop();
            second.stop();
            otherApp.stop();
        }
    }

    @Test
    void redisDownFailsFastWithATypedExceptionAndRecovers() throws Exception {
        RedisStateRepository repository = new RedisStateRepository(redis.uri(Duration.ofMillis(500)));
        repository.start();
        try {
            repository.setState("cursor", "2026-11-20");
            redis.stop();

            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> repository.getState("cursor"))
                    .isInstanceOf(RedisStateException.class)
                    .hasMessageContaining("127.0.0.1").hasMessageContaining("cursor"));

            redis.start();
            // Lettuce reconnects in the background; commands go through again once it has.
            await().atMost(Duration.ofSeconds(10)).ignoreException(RedisStateException.class)
                    .untilAsserted(() -> repository.setState("cursor", "2026-11-21"));
            assertThat(repository.getState("cursor")).isEqualTo("2026-11-21");
        } finally {
            repository.stop();
        }
    }

    @Test
    void aRepositoryThatCannotConnectFailsToStartNamingTheAddress() {
        RedisStateRepository repository = new RedisStateRepository("redis://127.0.0.1:1?timeout=500ms");

        assertThatThrownBy(repository::start).hasMessageContaining("127.0.0.1:1");
    }
}
