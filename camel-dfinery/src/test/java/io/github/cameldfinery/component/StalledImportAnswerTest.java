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

import static io.github.cameldfinery.component.testing.SampleEvents.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.cameldfinery.component.error.DfineryConnectionException;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.testsupport.FakeClock;
import io.github.cameldfinery.testsupport.ManualTimer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server that sends an import answer's headers and then stalls in the body: requestTimeout bounds the whole answer,
 * and the quota guard's first request ends with it. The component runs on a clock and timer the test moves, so the
 * deadline comes when the test says and never before.
 */
class StalledImportAnswerTest extends DfineryTestSupport {

    /** Far longer than any deadline here, in real time: only the component's deadline ends the wait. */
    static final Duration STALL = Duration.ofSeconds(25);

    final FakeClock clock = new FakeClock(Instant.parse("2026-03-10T08:00:00Z"));
    final ManualTimer timer = new ManualTimer(clock);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("dfinery", DfineryComponent.class).useTime(clock, timer);
        return context;
    }

    @AfterEach
    void clearFaults() {
        service().faults(ApiKind.EVENT).clear();
    }

    @Test
    void aStalledImportAnswerFailsAtRequestTimeout() {
        service().faults(ApiKind.EVENT).failNext(1, Fault.stallBody(10, STALL));

        CompletableFuture<Exchange> stalled = template.asyncSend("dfinery:event?requestTimeout=2000&maxRetries=0",
                e -> e.getMessage().setBody(login("user-1")));
        await().until(() -> service().stats().requests(ApiKind.EVENT) == 1);
        timer.advance(Duration.ofMillis(1_999));
        assertThat(stalled).as("before its deadline").isNotDone();
        timer.advance(Duration.ofMillis(1));

        Exchange exchange = stalled.join();
        assertThat(exchange.getException()).isInstanceOf(DfineryConnectionException.class)
                .hasMessageContaining("request timeout");
        assertThat(((DfineryConnectionException) exchange.getException()).isRequestSent()).isTrue();
    }

    @Test
    void aStalledFirstRequestDoesNotBlockTheQuotaGuard() {
        service().faults(ApiKind.EVENT).failNext(1, Fault.stallBody(10, STALL));
        String uri = "dfinery:event?requestTimeout=2000&maxRetries=0";
        CompletableFuture<Exchange> first = template.asyncSend(uri, e -> e.getMessage().setBody(login("user-0")));
        await().until(() -> service().stats().requests(ApiKind.EVENT) == 1);

        // They wait for the first answer longer than the first request's deadline: that deadline ends it.
        List<CompletableFuture<Exchange>> later = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            DfineryEvent event = login("user-" + i);
            later.add(template.asyncSend("dfinery:event?requestTimeout=6000&maxRetries=0",
                    e -> e.getMessage().setBody(event)));
        }
        DfineryComponent component = context.getComponent("dfinery", DfineryComponent.class);
        await().until(() -> component.quotaGuards().snapshots().get(0).waiting() == 10);
        assertThat(service().stats().requests(ApiKind.EVENT)).as("held behind the first").isEqualTo(1);

        timer.advance(Duration.ofSeconds(2));

        assertThat(first.join().getException()).isInstanceOf(DfineryConnectionException.class);
        for (CompletableFuture<Exchange> exchange : later) {
            assertThat(exchange.join().getException()).isNull();
        }
        assertThat(service().stats().requests(ApiKind.EVENT)).isEqualTo(11);
    }
}
