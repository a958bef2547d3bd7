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

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.github.cameldfinery.component.error.DfineryConnectionException;
import io.github.cameldfinery.testsupport.FakeClock;
import io.github.cameldfinery.testsupport.ManualTimer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The first request after a start is the guard's probe: whatever way it ends, the guard lets the next requests go,
 * and it ends at the request timeout, so nobody waits for it longer. The component runs on a clock and timer the
 * test moves: the timeout passes when the test says, not in real time.
 */
class QuotaGuardFailurePathsTest extends DfineryTestSupport {

    /** What the n-th request (0-based) does instead of going to the emulator; null to go to the emulator. */
    IntFunction<CompletableFuture<HttpResponse<Object>>> override = n -> null;
    final CompletableFuture<HttpResponse<Object>> neverAnswered = new CompletableFuture<>();
    final FakeClock clock = new FakeClock(Instant.parse("2026-03-10T08:00:00Z"));
    final ManualTimer timer = new ManualTimer(clock);
    FaultyClient client;

    @AfterEach
    void answerTheHangingRequest() {
        neverAnswered.completeExceptionally(new IOException("test over"));
    }

    @Override
    protected org.apache.camel.CamelContext createCamelContext() throws Exception {
        org.apache.camel.CamelContext context = super.createCamelContext();
        DfineryComponent component = context.getComponent("dfinery", DfineryComponent.class);
        component.useTime(clock, timer);
        DfineryConfiguration config = component.getConfiguration();
        client = new FaultyClient(HttpClient.newHttpClient());
        config.setHttpClient(client);
        config.setRequestTimeout(500);
        config.setMaxRetries(0);
        return context;
    }

    @Test
    void aProbeThatThrowsWhileSendingReleasesTheGuard() throws Exception {
        override = n -> {
            if (n == 0) {
                throw new IllegalStateException("the client is broken for one call");
            }
            return null;
        };

        Exchange first = send("dfinery:event", login("u1"));
        assertThat(first.getException()).hasMessageContaining("broken for one call");

        CompletableFuture<Exchange> second = template.asyncSend("dfinery:event", e -> e.getMessage().setBody(login("u2")));
        Exchange done = second.get(5, TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        assertThat(service().events()).hasSize(1);
    }

    @Test
    void aProbeThatNeverAnswersEndsAtItsDeadlineAndTheNextRequestIsSent() throws Exception {
        override = n -> n == 0 ? neverAnswered : null;

        CompletableFuture<Exchange> hanging = template.asyncSend("dfinery:event", e -> e.getMessage().setBody(login("u1")));
        await().atMost(Duration.ofSeconds(5)).until(() -> client.calls.get() == 1);
        CompletableFuture<Exchange> waiting = template.asyncSend("dfinery:event?requestTimeout=5000",
                e -> e.getMessage().setBody(login("u2")));
        DfineryComponent component = context.getComponent("dfinery", DfineryComponent.class);
        await().until(() -> component.quotaGuards().snapshots().get(0).waiting() == 1);

        // requestTimeout (500 ms) bounds the whole answer: the probe ends, and with it the wait for its answer.
        timer.advance(Duration.ofMillis(499));
        assertThat(hanging).as("before its deadline").isNotDone();
        timer.advance(Duration.ofMillis(1));
        Exchange timedOut = hanging.get(5, TimeUnit.SECONDS);
        assertThat(timedOut.getException()).isInstanceOf(DfineryConnectionException.class)
                .hasMessageContaining("request timeout");
        assertThat(waiting.get(5, TimeUnit.SECONDS).getException()).isNull();
        assertThat(service().events()).hasSize(1);
    }

    /** The JDK client, with a hook in front of each send. */
    final class FaultyClient extends ForwardingHttpClient {
        private final AtomicInteger calls = new AtomicInteger();

        FaultyClient(HttpClient delegate) {
            super(delegate);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            CompletableFuture<HttpResponse<Object>> instead = override.apply(calls.getAndIncrement());
            return instead != null ? (CompletableFuture<HttpResponse<T>>) (Object) instead
                    : delegate.sendAsync(request, handler);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> push) {
            return sendAsync(request, handler);
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException, InterruptedException {
            try {
                return sendAsync(request, handler).get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }
    }
}
