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

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.error.DfineryQuotaStoreException;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.quota.QuotaStoreFailover;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.lettuce.core.RedisClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An application that starts while Redis is down starts all the same: {@code quotaStoreUnavailable} applies from the
 * start, and the quota is shared as soon as Redis answers.
 */
class RedisDownAtStartIT extends QuotaReplicasTestSupport {

    CamelContext context;

    @BeforeEach
    void redisDown() throws Exception {
        redis.stop();
    }

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.stop();
        }
        redis.start();
    }

    CamelContext start(DfineryComponent component) {
        context = new DefaultCamelContext();
        context.addComponent("dfinery", component);
        context.start();
        return context;
    }

    Exchange send() {
        DfineryEvent event = SampleEvents.login("u");
        return context.createProducerTemplate().send("dfinery:event", e -> e.getMessage().setBody(event));
    }

    QuotaStoreFailover.State state() {
        return context.getComponent("dfinery", DfineryComponent.class).quotaGuards().storeStatus().state();
    }

    static List<String> keysInRedis() {
        RedisClient client = RedisClient.create(redis.uri());
        try (var connection = client.connect()) {
            return connection.sync().keys("dfinery:quota:*");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void withFailTheApplicationStartsNotReadyAndSharesOnceRedisAnswers() throws Exception {
        start(Application.quotaComponent(dfinery.baseUri(), redis.uri()));

        assertThat(SharedQuotaIT.health(context).getState()).isEqualTo(HealthCheck.State.DOWN);
        Exchange refused = send();
        assertThat(refused.getException()).isInstanceOf(DfineryQuotaStoreException.class);
        assertThat(((DfineryQuotaStoreException) refused.getException()).isRefusedLocally()).isTrue();
        assertThat(dfinery.service(Application.SERVICE).stats().totalRequests()).isZero();

        redis.start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> SharedQuotaIT.health(context).getState() == HealthCheck.State.UP);
        assertThat(send().getException()).isNull();
        assertThat(state()).isEqualTo(QuotaStoreFailover.State.SHARED);
        assertThat(keysInRedis()).as("the count is in Redis").isNotEmpty();
    }

    @Test
    void withALocalShareTheApplicationStartsOnItsShareAndSharesOnceRedisAnswers() throws Exception {
        start(SharedQuotaIT.localShare(Application.quotaComponent(dfinery.baseUri(), redis.uri())));

        assertThat(state()).isEqualTo(QuotaStoreFailover.State.LOCAL_SHARE);
        assertThat(SharedQuotaIT.health(context).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(send().getException()).isNull();
        assertThat(send().getException()).isNull();

        redis.start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(send().getException()).isNull();
            return state() == QuotaStoreFailover.State.SHARED && !keysInRedis().isEmpty();
        });
        assertThat(dfinery.service(Application.SERVICE).stats().rejections("40401")).as("429s").isZero();
    }
}
