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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.error.DfineryQuotaStoreException;
import io.github.cameldfinery.component.quota.QuotaStoreFailover;
import io.github.cameldfinery.component.quota.QuotaStoreUnavailable;
import io.github.cameldfinery.component.spi.DfineryQuotaStore;
import io.github.cameldfinery.component.spi.DfineryQuotaValue;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas in one JVM (separate Camel contexts, sharing nothing but Redis and the emulator) count one quota in
 * Redis; Redis stopped and started in the middle of a run.
 */
class SharedQuotaIT extends QuotaReplicasTestSupport {

    final List<CamelContext> replicas = new ArrayList<>();

    @AfterEach
    void stopReplicas() throws Exception {
        for (CamelContext replica : replicas) {
            replica.stop();
        }
        redis.start();
    }

    CamelContext replica(DfineryComponent component) {
        CamelContext context = new DefaultCamelContext();
        context.addComponent("dfinery", component);
        context.start();
        replicas.add(context);
        return context;
    }

    CamelContext replica() {
        return replica(Application.quotaComponent(dfinery.baseUri(), redis.uri()));
    }

    static List<CompletableFuture<Exchange>> push(CamelContext replica, int events) {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            sent.add(replica.createProducerTemplate().asyncSend("dfinery:event",
                    e -> e.getMessage().setBody(SampleEvents.login("user"))));
        }
        return sent;
    }

    static List<Exchange> done(List<CompletableFuture<Exchange>> sent) throws Exception {
        List<Exchange> done = new ArrayList<>();
        for (CompletableFuture<Exchange> future : sent) {
            done.add(future.get(60, TimeUnit.SECONDS));
        }
        return done;
    }

    @Test
    void twoReplicasShareOneQuotaWithoutA429() throws Exception {
        CamelContext first = replica();
        CamelContext second = replica();

        QUOTA.awaitWindowStart();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>(push(first, 75));
        sent.addAll(push(second, 75));

        assertThat(done(sent)).allMatch(e -> e.getException() == null);
        assertThat(dfinery.service(Application.SERVICE).stats().eventsStored()).isEqualTo(150);
        QUOTA.assertKept(dfinery.service(Application.SERVICE), 5);
    }

    @Test
    void aStoreOfOnesOwnPassedAsABeanSharesTheQuota() throws Exception {
        // What a user of another backend does: implement the store SPI over it (here plain Redis commands, no script),
        // and bind it as a bean.
        RedisClient client = RedisClient.create(redis.uri());
        try (var connection = client.connect()) {
            OwnStore store = new OwnStore(connection.sync());
            List<CompletableFuture<Exchange>> sent = new ArrayList<>();
            QUOTA.awaitWindowStart();
            for (int replica = 0; replica < 2; replica++) {
                CamelContext context = new DefaultCamelContext();
                context.getRegistry().bind("quotaStore", store);
                DfineryComponent component = Application.quotaComponent(dfinery.baseUri(), null);
                context.addComponent("dfinery", component);
                org.apache.camel.support.PropertyBindingSupport.build().bind(context, component,
                        "quotaStore", "#quotaStore");
                context.start();
                replicas.add(context);
                sent.addAll(push(context, 45));
            }

            assertThat(done(sent)).allMatch(e -> e.getException() == null);
            assertThat(replicas.get(0).getComponent("dfinery", DfineryComponent.class).quotaGuards().store().describe())
                    .isEqualTo("a store of its own");
            QUOTA.assertKept(dfinery.service(Application.SERVICE), 3);
        } finally {
            client.shutdown();
        }
    }

    /**
     * A store of one's own over Redis: each update is WATCH, GET, MULTI, SET, EXEC on a connection of its own, retried
     * when another writer came in between. Storage only: the component computes every text.
     */
    static final class OwnStore implements DfineryQuotaStore {
        private final RedisCommands<String, String> redis;

        OwnStore(RedisCommands<String, String> redis) {
            this.redis = redis;
        }

        @Override
        public DfineryQuotaValue value(String key) {
            String redisKey = "own:" + key;
            return new DfineryQuotaValue() {
                @Override
                public String read() {
                    synchronized (redis) {
                        return redis.get(redisKey);
                    }
                }

                @Override
                public String update(Function<String, Next> change) {
                    synchronized (redis) {
                        while (true) {
                            redis.watch(redisKey);
                            Next next = change.apply(redis.get(redisKey));
                            redis.multi();
                            if (next.text() == null) {
                                redis.del(redisKey);
                            } else {
                                redis.psetex(redisKey, next.keepFor().toMillis(), next.text());
                            }
                            if (!redis.exec().wasDiscarded()) {
                                return next.text();
                            }
                        }
                    }
                }
            };
        }

        @Override
        public void ping() {
            synchronized (redis) {
                redis.ping();
            }
        }

        @Override
        public boolean isShared() {
            return true;
        }

        @Override
        public String describe() {
            return "a store of its own";
        }
    }

    @Test
    void whileRedisIsDownRequestsFailAtOnceUnsentAndResumeWhenItIsBack() throws Exception {
        CamelContext first = replica();
        CamelContext second = replica();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>(push(first, 75));
        sent.addAll(push(second, 75));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> dfinery.service(Application.SERVICE).stats().eventsStored() >= 40);

        redis.stop();
        List<Exchange> during = done(sent);
        assertThat(health(first).getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(console(first)).contains("FAILING");
        redis.start();
        AtomicInteger refusedAfterStart = new AtomicInteger();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Exception failure = done(push(first, 1)).get(0).getException();
            if (failure != null) {
                assertThat(failure).isInstanceOf(DfineryQuotaStoreException.class);
                refusedAfterStart.incrementAndGet();
            }
            return failure == null;
        });
        List<Exchange> after = done(push(first, 20));

        long refused = during.stream().filter(e -> e.getException() instanceof DfineryQuotaStoreException).count();
        assertThat(during).allMatch(e -> e.getException() == null || e.getException() instanceof DfineryQuotaStoreException);
        assertThat(refused).as("requests refused while Redis was down").isPositive();
        assertThat(((DfineryQuotaStoreException) during.stream().filter(e -> e.getException() != null).findFirst()
                .orElseThrow().getException()).isRefusedLocally()).isTrue();
        assertThat(after).allMatch(e -> e.getException() == null);
        assertThat(health(first).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(dfinery.service(Application.SERVICE).stats().eventsStored())
                .as("stored: every exchange that succeeded, nothing else").isEqualTo(150 - refused + 1 + 20);
        assertThat(dfinery.service(Application.SERVICE).stats().rejections("40401"))
                .as("429s in %s", QUOTA.timeline(dfinery.service(Application.SERVICE))).isZero();
    }

    @Test
    void aProbeWhoseAnswerRedisMissedDoesNotKeepRequestsWaitingForTheProbeLease() throws Exception {
        RedisClient client = RedisClient.create(redis.uri());
        try (var admin = client.connect()) {
            admin.sync().flushall();
            CamelContext replica = replica(Application.quotaComponent(dfinery.baseUri(), redis.uri(Duration.ofMillis(300))));
            DfineryComponent component = replica.getComponent("dfinery", DfineryComponent.class);
            dfinery.service(Application.SERVICE).faults(ApiKind.EVENT).failNext(1, Fault.delay(Duration.ofMillis(1500)));

            // The probe goes out; while it is in flight, Redis stops answering (a network partition: it keeps its
            // data), so the probe's answer never reaches the store, which still has the right to probe taken.
            List<CompletableFuture<Exchange>> probe = push(replica, 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> component.quotaGuards().snapshots().stream()
                    .anyMatch(guard -> guard.granted() == 1));
            admin.sync().clientPause(2500);
            assertThat(done(probe).get(0).getException()).isNull();
            assertThat(component.quotaGuards().storeStatus().state()).isEqualTo(QuotaStoreFailover.State.FAILING);

            // Back, the right is given back at once: the next request does not wait out the 30 s probe lease.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Exception failure = done(push(replica, 1)).get(0).getException();
                if (failure != null) {
                    assertThat(failure).isInstanceOf(DfineryQuotaStoreException.class);
                }
                return failure == null;
            });
            assertThat(dfinery.service(Application.SERVICE).stats().rejections("40401")).as("429s").isZero();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void withALocalShareReplicasGoOnAtTheirShareWhileRedisIsDown() throws Exception {
        CamelContext first = replica(localShare(Application.quotaComponent(dfinery.baseUri(), redis.uri())));
        CamelContext second = replica(localShare(Application.quotaComponent(dfinery.baseUri(), redis.uri())));
        assertThat(done(push(first, 5))).allMatch(e -> e.getException() == null);

        redis.stop();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>(push(first, 45));
        sent.addAll(push(second, 45));
        List<Exchange> during = done(sent);

        assertThat(during).allMatch(e -> e.getException() == null);
        assertThat(console(first)).contains("LOCAL_SHARE");
        assertThat(health(first).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health(first).getDetails()).containsKey("localShareEnds");
        QUOTA.assertKept(dfinery.service(Application.SERVICE), 1);
    }

    static DfineryComponent localShare(DfineryComponent component) {
        component.setQuotaStoreUnavailable(QuotaStoreUnavailable.LOCAL_SHARE);
        component.setQuotaLocalShare(0.5);
        return component;
    }

    static HealthCheck.Result health(CamelContext context) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(result -> result.getCheck().getId().equals("dfinery-quota-store")).findFirst().orElseThrow();
    }

    static String console(CamelContext context) {
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("dfinery");
        return console.call(DevConsole.MediaType.TEXT).toString();
    }
}
