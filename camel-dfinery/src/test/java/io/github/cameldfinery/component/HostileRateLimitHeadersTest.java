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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.github.cameldfinery.component.testing.ScaledQuotaComponents;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.testsupport.ScaledQuota;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server whose {@code x-ratelimit-reset} cannot be believed (far in the future, in the past, beyond what an
 * {@code Instant} holds, not a number): the guard holds it to the configured window, never fails a request whose
 * events were stored because of it, and never releases its queue into a window the server has not given.
 */
class HostileRateLimitHeadersTest {

    static final String YEAR_3000 = Long.toString(Instant.parse("3000-01-01T00:00:00Z").toEpochMilli());
    static final Duration WINDOW = Duration.ofSeconds(1);
    /** The service "tight": DFINERY's quota as the server counts it, far below what the component is told. */
    static final ScaledQuota TIGHT = new ScaledQuota(5, Duration.ofSeconds(4));

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig()
            .service(new ServiceConfig("shop", "imp", "exp"))
            .service(new ServiceConfig("tight", "imp", "exp").rateLimit(ApiKind.EVENT, TIGHT.rateLimit())));

    CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    CamelContext start(RewritingClient client, Duration maxWait) {
        return start(client, WINDOW, maxWait);
    }

    CamelContext start(RewritingClient client, Duration window, Duration maxWait) {
        DfineryComponent component = ScaledQuotaComponents.forShop(dfinery.baseUri(), new ScaledQuota(1000, window), maxWait);
        if (client != null) {
            component.getConfiguration().setHttpClient(client);
        }
        component.getConfiguration().setMaxRetries(0);
        context = new DefaultCamelContext();
        context.addComponent("dfinery", component);
        context.start();
        return context;
    }

    List<Exchange> sendEach(String uri, int messages) {
        List<Exchange> done = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            DfineryEvent event = SampleEvents.login("u" + i);
            done.add(context.createProducerTemplate().send(uri, e -> e.getMessage().setBody(event)));
        }
        return done;
    }

    @Test
    void aResetInTheYear3000OnA200IsHeldToTheWindow() {
        // The first answer says the window is spent until the year 3000; the server is healthy.
        start(new RewritingClient((n, response) -> n == 0 ? RewritingClient.rateLimit("1m", "0", YEAR_3000) : null),
                Duration.ofSeconds(5));

        List<Exchange> done = sendEach("dfinery:event", 4);

        assertThat(done).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(dfinery.service("shop").events()).hasSize(4);
    }

    @Test
    void aResetInTheYear3000OnA429IsHeldToTheWindow() {
        start(new RewritingClient((n, response) -> RewritingClient.rateLimit("1m", "0", YEAR_3000), n -> n == 0),
                Duration.ofSeconds(5));

        List<Exchange> done = sendEach("dfinery:event", 4);

        assertThat(done.get(0).getException()).isInstanceOf(DfineryRateLimitException.class);
        assertThat(((DfineryRateLimitException) done.get(0).getException()).isRefusedLocally()).isFalse();
        assertThat(done.subList(1, 4)).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(dfinery.service("shop").events()).hasSize(3);
    }

    @Test
    void resetsAnInstantCannotHoldOrThatAreNoNumberNeverFailAStoredRequest() {
        String[] resets = {"-31557014167219200", "-9223372036854775808", "9223372036854775807", "soon", "1e3", ""};
        start(new RewritingClient((n, response) -> RewritingClient.rateLimit("1m", "999", resets[n % resets.length])),
                Duration.ZERO);

        List<Exchange> done = sendEach("dfinery:event", 2 * resets.length);

        assertThat(done).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(dfinery.service("shop").events()).hasSize(2 * resets.length);
    }

    @Test
    void aResetInThePastOnA429DoesNotReleaseTheQueueIntoAWall() throws Exception {
        // Someone else spent the window of 5 requests per 4 s; the server's resets all lie 10 s in the past.
        TIGHT.awaitWindowStart();
        start(new RewritingClient((n, response) -> RewritingClient.rateLimit("4s", "0",
                Long.toString(System.currentTimeMillis() - 10_000))), TIGHT.window(), Duration.ofSeconds(2));
        for (int i = 0; i < 5; i++) {
            DfineryEvent event = SampleEvents.login("other" + i);
            context.createProducerTemplate().send("dfinery:event?serviceId=tight&quotaGuard=false",
                    e -> e.getMessage().setBody(event));
        }
        assertThat(dfinery.service("tight").events()).hasSize(5);

        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            DfineryEvent event = SampleEvents.login("u" + i);
            sent.add(context.createProducerTemplate().asyncSend("dfinery:event?serviceId=tight",
                    e -> e.getMessage().setBody(event)));
        }
        List<Exchange> done = new ArrayList<>();
        for (CompletableFuture<Exchange> future : sent) {
            done.add(future.get(30, TimeUnit.SECONDS));
        }

        assertThat(done).allSatisfy(e -> assertThat(e.getException()).isInstanceOf(DfineryRateLimitException.class));
        assertThat(dfinery.service("tight").stats().rejections("40401"))
                .as("429s: only the request that learnt the window was spent").isEqualTo(1);
        // The one that met the 429 tried once more at the reset it was told (now), and was refused too.
        assertThat(done).allSatisfy(e -> assertThat(((DfineryRateLimitException) e.getException()).isRefusedLocally())
                .isTrue());
    }

    @Test
    void aLocalRefusalSaysWhatTheServerSaid() {
        // The server allows 5 per 4 s; the component is configured with 1000 per second.
        TIGHT.awaitWindowStart();
        start(null, Duration.ZERO);

        List<Exchange> done = sendEach("dfinery:event?serviceId=tight", 6);

        assertThat(done.subList(0, 5)).allSatisfy(e -> assertThat(e.getException()).isNull());
        DfineryRateLimitException refused = (DfineryRateLimitException) done.get(5).getException();
        assertThat(refused.isRefusedLocally()).isTrue();
        assertThat(refused.getMessage()).doesNotContain("1000").contains("DFINERY").contains("0 remaining")
                .contains("4s").contains(refused.getResetAt().toString());
        assertThat(dfinery.service("tight").stats().rejections("40401")).isZero();
    }
}
