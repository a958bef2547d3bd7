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

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.error.DfineryQuotaStoreException;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.emulator.state.EmulatedService;
import io.github.cameldfinery.testsupport.RedisServerExtension;
import io.github.cameldfinery.testsupport.ScaledQuota;
import io.lettuce.core.RedisClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store loses a replica's count in the middle of a window (Redis restarted empty, or the key expired or was
 * deleted) after the replicas spent the window: the replica that holds the count must not make it again from what it
 * knew, which would hand out the spent window a second time, but wait for the next window. A count lost while the
 * replica sent nothing (it expired while idle) is learnt again by a probe, at once.
 */
class LostCountIT {

    static final int LIMIT = 10;
    static final ScaledQuota QUOTA = new ScaledQuota(LIMIT, Duration.ofSeconds(4));

    @RegisterExtension
    static RedisServerExtension redis = new RedisServerExtension();

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig().service(
            new ServiceConfig(Application.SERVICE, "imp", "exp").rateLimit(ApiKind.EVENT, QUOTA.rateLimit())));

    CamelContext replica;

    @BeforeEach
    void startReplica() {
        flushRedis();
        DfineryComponent component = Application.quotaComponent(dfinery.baseUri(), redis.uri(), QUOTA);
        replica = new DefaultCamelContext();
        replica.addComponent("dfinery", component);
        replica.start();
    }

    @AfterEach
    void stopReplica() throws Exception {
        replica.stop();
        redis.start();
    }

    @Test
    void aCountDeletedFromTheStoreIsLearntAgainInTheNextWindow() throws Exception {
        spendAWindow();
        flushRedis();

        assertThat(SharedQuotaIT.done(SharedQuotaIT.push(replica, 1)).get(0).getException()).isNull();

        assertTheNextRequestWaitedForTheNextWindow();
    }

    @Test
    void aStoreRestartedEmptyIsNotRefilledFromAReplicasStaleCopy() throws Exception {
        spendAWindow();
        redis.stop();
        redis.start();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Exception failure = SharedQuotaIT.done(SharedQuotaIT.push(replica, 1)).get(0).getException();
            if (failure != null) {
                assertThat(failure).isInstanceOf(DfineryQuotaStoreException.class);
            }
            return failure == null;
        });

        assertTheNextRequestWaitedForTheNextWindow();
    }

    @Test
    void aCountLostWhileThisReplicaWasIdleIsLearntByAProbeWithoutWaitingForTheNextWindow() throws Exception {
        spendAWindow();
        long idleWindow = QUOTA.awaitNextWindow();
        assertThat(QUOTA.millisIntoWindow()).as("early in the idle window").isLessThan(QUOTA.window().toMillis() / 4);
        flushRedis();

        assertThat(SharedQuotaIT.done(SharedQuotaIT.push(replica, 1)).get(0).getException()).isNull();

        assertThat(QUOTA.currentWindow()).as("answered in the idle window").isEqualTo(idleWindow);
        assertThat(dfinery.service(Application.SERVICE).stats().rejections("40401")).as("429s").isZero();
    }

    private static void flushRedis() {
        RedisClient client = RedisClient.create(redis.uri());
        try (var connection = client.connect()) {
            connection.sync().flushall();
        } finally {
            client.shutdown();
        }
    }

    private void spendAWindow() throws Exception {
        QUOTA.awaitWindowStart();
        List<Exchange> spent = SharedQuotaIT.done(SharedQuotaIT.push(replica, LIMIT));
        assertThat(spent).allMatch(e -> e.getException() == null);
    }

    private void assertTheNextRequestWaitedForTheNextWindow() {
        EmulatedService service = dfinery.service(Application.SERVICE);
        Map<Long, Long> windows = QUOTA.perWindow(service);
        // A replica that refilled the lost count from its stale copy would send into the spent window: a 429, or
        // more than the limit there. Whether the spending itself fitted in one window is the machine's speed.
        QUOTA.assertKept(service, 1);
        assertThat(windows.values().stream().mapToLong(Long::longValue).sum()).as("stored " + windows)
                .isEqualTo(LIMIT + 1L);
    }
}
