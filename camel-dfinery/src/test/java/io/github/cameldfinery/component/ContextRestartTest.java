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

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.testing.ApplicationBeans;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.github.cameldfinery.component.testing.ScaledQuotaComponents;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.DfineryEmulator;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.testsupport.FakeClock;
import io.github.cameldfinery.testsupport.ManualTimer;
import io.github.cameldfinery.testsupport.ScaledQuota;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Camel context stopped and started again with its routes (a redeploy, a management restart): the producers,
 * the quota guard, retries and waiting for the quota's reset all work after the start as before it. The emulator and
 * the component run on one clock the test moves: the reset comes when the test says, not in real time.
 */
class ContextRestartTest {

    static final int LIMIT = 4;
    static final ScaledQuota QUOTA = new ScaledQuota(LIMIT, Duration.ofSeconds(2));

    /** At the start of one of the emulator's windows (counted from the epoch). */
    final FakeClock clock = new FakeClock(Instant.parse("2026-03-10T08:00:00Z"));
    final ManualTimer timer = new ManualTimer(clock);
    final InFlightClient client = new InFlightClient(HttpClient.newHttpClient());
    DfineryComponent component;
    DfineryEmulator emulator;
    CamelContext context;
    final ApplicationBeans beans = new ApplicationBeans();

    @BeforeEach
    void start() throws Exception {
        emulator = DfineryEmulator.start(new EmulatorConfig().clock(clock)
                .service(new ServiceConfig("shop", "imp", "exp").rateLimit(ApiKind.EVENT, QUOTA.rateLimit())));
        context = new DefaultCamelContext(new DefaultRegistry(beans));
        component = ScaledQuotaComponents.forShop(emulator.baseUri(), QUOTA, Duration.ofSeconds(5));
        component.useTime(clock, timer);
        component.getConfiguration().setHttpClient(client);
        beans.bind("dfinery", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events").to("dfinery:event");
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        emulator.close();
    }

    List<Exchange> push(int messages, String prefix) throws Exception {
        ProducerTemplate template = context.createProducerTemplate();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            DfineryEvent event = SampleEvents.login(prefix + i);
            sent.add(template.asyncSend("direct:events", e -> e.getMessage().setBody(event)));
        }
        // Twice the limit, after a spent window, and one failure to retry: three windows at most.
        List<Exchange> done = ManualTimeSends.drive(timer, clock, client, sent, QUOTA.window().multipliedBy(3));
        template.stop();
        return done;
    }

    @Test
    void sendsAfterAStopAndStartOfTheContext() throws Exception {
        assertThat(push(LIMIT, "before-")).allSatisfy(e -> assertThat(e.getException()).isNull());

        context.stop();
        context.start();
        emulator.service("shop").faults(ApiKind.EVENT).failNext(1, Fault.http500());

        // The window is spent: the first request after the start learns so, the rest wait for the reset.
        List<Exchange> after = push(2 * LIMIT, "after-");

        assertThat(after).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(emulator.service("shop").events()).hasSize(3 * LIMIT);
    }
}
