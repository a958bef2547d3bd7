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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.quota.QuotaStoreFailover;
import io.github.cameldfinery.emulator.state.EmulatedService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on {@code LOCAL_SHARE} (0.5 each) under full demand; Redis is killed, and started again empty. The
 * replicas do not find it back at the same moment (each tries at most once a second, and its client reconnects
 * within seconds): here the second reaches Redis through a gate that opens only in the window after the first is
 * back. Neither may send its local share into a window the other counts in the store again.
 * {@code -DlocalShareRuns=20} repeats the run.
 */
class LocalShareRedisReturnIT extends QuotaReplicasTestSupport {

    static final int PER_REPLICA = 120;

    final List<CamelContext> replicas = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        replicas.forEach(CamelContext::stop);
        redis.start();
    }

    CamelContext replica(String redisUri) {
        DfineryComponent component = SharedQuotaIT.localShare(Application.quotaComponent(dfinery.baseUri(), redisUri));
        component.getConfiguration().setRateLimitMaxWait(120_000);
        CamelContext context = new DefaultCamelContext();
        context.addComponent("dfinery", component);
        context.start();
        replicas.add(context);
        return context;
    }

    @Test
    void noReplicaSendsItsLocalShareIntoAWindowTheStoreCountsAgain() throws Exception {
        int runs = Integer.getInteger("localShareRuns", 1);
        for (int run = 1; run <= runs; run++) {
            oneRun(run);
        }
    }

    void oneRun(int run) throws Exception {
        dfinery.emulator().reset();
        EmulatedService service = dfinery.service(Application.SERVICE);
        TcpGate gate = new TcpGate(redis.port());
        CamelContext first = replica(redis.uri());
        CamelContext second = replica("redis://127.0.0.1:" + gate.port());
        QUOTA.awaitWindowStart();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>(SharedQuotaIT.push(first, PER_REPLICA));
        sent.addAll(SharedQuotaIT.push(second, PER_REPLICA));

        await().atMost(Duration.ofSeconds(60)).until(() -> service.stats().eventsStored() >= 60);
        gate.shut();
        redis.stop();
        await().atMost(Duration.ofSeconds(60)).until(() -> service.stats().eventsStored() >= 120);
        redis.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> state(first) == QuotaStoreFailover.State.SHARED);
        assertThat(state(second)).isEqualTo(QuotaStoreFailover.State.LOCAL_SHARE);
        QUOTA.awaitWindowStart();
        gate.open();

        List<Exchange> done = new ArrayList<>();
        for (CompletableFuture<Exchange> future : sent) {
            done.add(future.get(120, TimeUnit.SECONDS));
        }
        Map<Long, Long> windows = QUOTA.perWindow(service);
        String timeline = QUOTA.timeline(service);
        assertThat(service.stats().rejections("40401")).as("run %d: 429s in %s", run, timeline).isZero();
        assertThat(windows.values()).as("run %d: requests per window %s", run, windows)
                .allMatch(count -> count <= QUOTA.limit());
        assertThat(done).as("run %d", run).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(service.stats().eventsStored()).isEqualTo(2 * PER_REPLICA);
        first.stop();
        second.stop();
        replicas.clear();
        gate.close();
    }

    static QuotaStoreFailover.State state(CamelContext replica) {
        return replica.getComponent("dfinery", DfineryComponent.class).quotaGuards().storeStatus().state();
    }
}
