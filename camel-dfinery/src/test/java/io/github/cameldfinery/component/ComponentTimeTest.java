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
package io.github.cameldfinery.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.testsupport.FakeClock;
import io.github.cameldfinery.testsupport.ManualTimer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * A component given its clock and timer ({@link DfineryComponent#useTime}) waits on them: a minute of waiting for a
 * probe that does not answer passes when the test moves the clock, not in real time.
 */
class ComponentTimeTest extends DfineryTestSupport {

    final FakeClock clock = new FakeClock(Instant.now());
    final ManualTimer timer = new ManualTimer(clock);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DfineryComponent component = context.getComponent("dfinery", DfineryComponent.class);
        component.useTime(clock, timer);
        component.getConfiguration().setRequestTimeout(60_000);
        component.getConfiguration().setMaxRetries(0);
        return context;
    }

    @Test
    void aRequestWaitsForTheProbesAnswerAsLongAsTheGivenClockSays() {
        // The probe is held at the server for the whole test: its answer never comes while the clock moves.
        CountDownLatch release = new CountDownLatch(1);
        service().faults(ApiKind.EVENT).failNext(1, Fault.holdUntil(release));
        try {
            DfineryEvent event = DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("u1"))
                    .datetime("2026-11-27T10:15:30.123Z").build();
            CompletableFuture<Exchange> probe = template.asyncSend("dfinery:event",
                    exchange -> exchange.getMessage().setBody(event));
            DfineryComponent component = context.getComponent("dfinery", DfineryComponent.class);
            await().until(() -> component.quotaGuards().snapshots().size() == 1);
            CompletableFuture<Exchange> waiting = template.asyncSend("dfinery:event",
                    exchange -> exchange.getMessage().setBody(event));
            await().until(() -> component.quotaGuards().snapshots().get(0).waiting() == 1);

            timer.advance(Duration.ofSeconds(59));
            assertThat(waiting).isNotDone();
            timer.advance(Duration.ofSeconds(1));

            Exception refused = waiting.join().getException();
            assertThat(refused).isInstanceOf(DfineryRateLimitException.class).hasMessageContaining("No answer yet")
                    .hasMessageContaining("waited 60000 ms");
            assertThat(((DfineryRateLimitException) refused).isRefusedLocally()).isTrue();
            assertThat(probe.join().getException()).as("the probe's own timeout, on the same clock").isNotNull();
        } finally {
            release.countDown();
        }
    }
}
