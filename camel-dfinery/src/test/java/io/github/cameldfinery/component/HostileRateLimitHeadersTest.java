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

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.github.cameldfinery.component.testing.ScaledQuotaComponents;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.testsupport.FakeClock;
import io.github.cameldfinery.testsupport.ManualTimer;
import io.github.cameldfinery.testsupport.ScaledQuota;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server whose {@code x-ratelimit-reset} cannot be believed (far in the future, in the past, beyond what an
 * {@code Instant} holds, not a number): the guard holds it to the configured window, never fails a request whose
 * events were stored because of it, and never releases its queue into a window the server has not given. The
 * emulator and the component run on one clock the test moves: a window passes when the test says, not in real time.
 */
class HostileRateLimitHeadersTest {

    static final String YEAR_3000 = Long.toString(Instant.parse("3000-01-01T00:00:00Z").toEpochMilli());
    static final Duration WINDOW = Duration.ofSeconds(1);
    /** The service "tight": DFINERY's quota as the server counts it, far below what the component is told. */
    static final ScaledQuota TIGHT = new ScaledQuota(5, Duration.ofSeconds(4));
    /** At the start of a window of every quota here (the emulator counts windows from the epoch). */
    static final Instant START = Instant.parse("2026-03-10T08:00:00Z");
    static final FakeClock CLOCK = new FakeClock(START);

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig().clock(CLOCK)
            .service(new ServiceConfig("shop", "imp", "exp"))
            .service(new ServiceConfig("tight", "imp", "exp").rateLimit(ApiKind.EVENT, TIGHT.rateLimit())));

    final ManualTimer timer = new ManualTimer(CLOCK);
    InFlightClient client;
    CamelContext context;

    @BeforeEach
    void startOfAWindow() {
        CLOCK.set(START);
    }

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
        this.client = new InFlightClient(client != null ? client : HttpClient.newHttpClient());
        component.getConfiguration().setHttpClient(this.client);
        component.getConfiguration().setMaxRetries(0);
        component.useTime(CLOCK, timer);
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

    List<CompletableFuture<Exchange>> sendAsync(String uri, int messages, String user) {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            DfineryEvent event = SampleEvents.login(user + i);
            sent.add(context.createProducerTemplate().asyncSend(uri, e -> e.getMessage().setBody(event)));
        }
        return sent;
    }

    /** Waits for the sends, moving the clock on by at most {@code atMost}, as the requests need it. */
    List<Exchange> drive(List<CompletableFuture<Exchange>> sent, Duration atMost) {
        return ManualTimeSends.drive(timer, CLOCK, client, sent, atMost);
    }

    @Test
    void aResetInTheYear3000OnA200IsHeldToTheWindow() {
        // The first answer says the window is spent until the year 3000; the server is healthy.
        start(new RewritingClient((n, response) -> n == 0 ? RewritingClient.rateLimit("1m", "0", YEAR_3000) : null),
                Duration.ofSeconds(5));

        List<Exchange> done = new ArrayList<>(sendEach("dfinery:event", 1));
        // Held to the window: they wait for it once (rateLimitMaxWait 5 s); a wait till the year 3000 refuses them.
        done.addAll(drive(sendAsync("dfinery:event", 3, "v"), Duration.ofSeconds(5)));

        assertThat(done).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(dfinery.service("shop").events()).hasSize(4);
    }

    @Test
    void aResetInTheYear3000OnA429IsHeldToTheWindow() {
        start(new RewritingClient((n, response) -> RewritingClient.rateLimit("1m", "0", YEAR_3000), n -> n == 0),
                Duration.ofSeconds(5));

        List<Exchange> done = new ArrayList<>(sendEach("dfinery:event", 1));
        // After a 429 the guard waits, within rateLimitMaxWait (5 s): not till the year 3000.
        done.addAll(drive(sendAsync("dfinery:event", 3, "v"), Duration.ofSeconds(5)));

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
    void aResetInThePastOnA429DoesNotReleaseTheQueueIntoAWall() {
        // Someone else spent the window of 5 requests per 4 s; the server's resets all lie 10 s in the past.
        start(new RewritingClient((n, response) -> RewritingClient.rateLimit("4s", "0",
                Long.toString(CLOCK.millis() - 10_000))), TIGHT.window(), Duration.ofSeconds(2));
        for (int i = 0; i < 5; i++) {
            DfineryEvent event = SampleEvents.login("other" + i);
            context.createProducerTemplate().send("dfinery:event?serviceId=tight&quotaGuard=false",
                    e -> e.getMessage().setBody(event));
        }
        assertThat(dfinery.service("tight").events()).hasSize(5);

        // The clock stands still: no new window comes to let any of them go.
        List<Exchange> done = drive(sendAsync("dfinery:event?serviceId=tight", 11, "u"), Duration.ZERO);

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
