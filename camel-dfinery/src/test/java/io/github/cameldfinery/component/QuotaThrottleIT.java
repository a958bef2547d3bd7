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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.github.cameldfinery.component.testing.ScaledQuotaComponents;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.DfineryEmulator;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.state.EmulatedService;
import io.github.cameldfinery.testsupport.ScaledQuota;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scaled windows (20 requests per 2 seconds per service): the throttle EIP, sized by {{dfinery:event}}, and the
 * component's quota guard keep routes at the quota without a single 429.
 */
class QuotaThrottleIT {

    static final int LIMIT = 20;
    static final ScaledQuota QUOTA = new ScaledQuota(LIMIT, Duration.ofSeconds(2));

    DfineryEmulator emulator;
    final List<CamelContext> contexts = new ArrayList<>();

    @BeforeEach
    void start() {
        emulator = DfineryEmulator.start(new EmulatorConfig()
                .service(new ServiceConfig("shop", "imp", "exp").rateLimit(ApiKind.EVENT, QUOTA.rateLimit()))
                .service(new ServiceConfig("blog", "imp", "exp").rateLimit(ApiKind.EVENT, QUOTA.rateLimit())));
    }

    @AfterEach
    void stop() throws Exception {
        for (CamelContext context : contexts) {
            context.stop();
        }
        emulator.close();
    }

    CamelContext app(RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addComponent("dfinery", ScaledQuotaComponents.forShop(emulator.baseUri(), QUOTA, Duration.ofSeconds(10)));
        if (routes != null) {
            context.addRoutes(routes);
        }
        contexts.add(context);
        return context;
    }

    static RouteBuilder javaRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events")
                        .throttle(constant("{{dfinery:event}}")).timePeriodMillis("{{dfinery:event.window}}")
                        .correlationExpression(simple("${header.CamelDfineryServiceId} ?: 'shop'")).asyncDelayed()
                        .to("dfinery:event");
            }
        };
    }

    static List<Exchange> push(CamelContext context, String endpoint, int messages, java.util.function.IntFunction<Object> body,
                               java.util.function.IntFunction<String> service) throws Exception {
        // From a window's beginning, so that the work spans the windows the assertions count on.
        QUOTA.awaitWindowStart();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        var template = context.createProducerTemplate();
        for (int i = 0; i < messages; i++) {
            int n = i;
            sent.add(template.asyncSend(endpoint, e -> {
                e.getMessage().setBody(body.apply(n));
                if (service != null) {
                    e.getMessage().setHeader(DfineryConstants.SERVICE_ID, service.apply(n));
                }
            }));
        }
        List<Exchange> done = new ArrayList<>();
        for (CompletableFuture<Exchange> future : sent) {
            done.add(future.get(60, TimeUnit.SECONDS));
        }
        return done;
    }

    @Test
    void javaDslRouteUsesTheQuotaWithoutA429() throws Exception {
        CamelContext app = app(javaRoute());
        app.start();

        List<Exchange> done = push(app, "direct:events", 5 * LIMIT, n -> SampleEvents.login("user-" + n % 7), null);

        assertThat(done).allMatch(e -> e.getException() == null);
        assertThat(emulator.service("shop").stats().eventsStored()).isEqualTo(5 * LIMIT);
        QUOTA.assertKept(emulator.service("shop"), 3);
        assertThat(done.get(0).getMessage().getHeader(DfineryConstants.SERVICE_ID)).isEqualTo("shop");
    }

    @Test
    void yamlRouteUsesTheQuotaWithoutA429() throws Exception {
        CamelContext app = app(null);
        PluginHelper.getRoutesLoader(app).loadRoutes(ResourceHelper.fromString("quota.yaml", ""
                + "- route:\n"
                + "    from:\n"
                + "      uri: direct:yaml\n"
                + "      steps:\n"
                + "        - throttle:\n"
                + "            expression:\n"
                + "              constant: \"{{dfinery:event}}\"\n"
                + "            timePeriodMillis: \"{{dfinery:event.window}}\"\n"
                + "            mode: TotalRequests\n"
                + "            asyncDelayed: true\n"
                + "            correlationExpression:\n"
                + "              simple: \"${header.CamelDfineryServiceId} ?: 'shop'\"\n"
                + "        - to: dfinery:event\n"));
        app.start();

        List<Exchange> done = push(app, "direct:yaml", 5 * LIMIT, n -> SampleEvents.login("user-" + n % 5), null);

        assertThat(done).allMatch(e -> e.getException() == null);
        assertThat(emulator.service("shop").stats().eventsStored()).isEqualTo(5 * LIMIT);
        QUOTA.assertKept(emulator.service("shop"), 3);
    }

    @Test
    void theSplitterMakesTheThrottleCountRequestsNotExchanges() throws Exception {
        CamelContext app = app(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batches")
                        .split(method(DfineryRequestSplitter.class, "split"))
                            .throttle(constant("{{dfinery:event}}")).timePeriodMillis("{{dfinery:event.window}}")
                            .correlationExpression(simple("${header.CamelDfineryServiceId} ?: 'shop'"))
                            .to("dfinery:event");
            }
        });
        app.start();
        // 12 messages of 250 events of 3 users: 3 requests each, 36 requests in all.
        List<Exchange> done = push(app, "direct:batches", 12, n -> {
            List<DfineryEvent> events = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                events.add(SampleEvents.login("m" + n + "-user-" + i % 3));
            }
            return events;
        }, null);

        assertThat(done).allMatch(e -> e.getException() == null);
        assertThat(emulator.service("shop").stats().eventsStored()).isEqualTo(12 * 250);
        assertThat(emulator.service("shop").stats().requests(ApiKind.EVENT)).isEqualTo(36);
        QUOTA.assertKept(emulator.service("shop"), 1);
    }

    @Test
    void aRestartInTheMiddleOfAWindowStillGetsNo429() throws Exception {
        CamelContext first = app(javaRoute());
        first.start();
        push(first, "direct:events", 12, n -> SampleEvents.login("a"), null);
        first.stop();

        CamelContext second = app(javaRoute());
        second.start();
        List<Exchange> done = push(second, "direct:events", 2 * LIMIT, n -> SampleEvents.login("b"), null);

        assertThat(done).allMatch(e -> e.getException() == null);
        assertThat(emulator.service("shop").stats().eventsStored()).isEqualTo(12 + 2 * LIMIT);
        QUOTA.assertKept(emulator.service("shop"), 1);
    }

    @Test
    void twoServicesInOneRouteEachStayWithinTheirOwnQuota() throws Exception {
        CamelContext app = app(javaRoute());
        app.start();

        List<Exchange> done = push(app, "direct:events", 4 * LIMIT, n -> SampleEvents.login("u" + n),
                n -> n % 2 == 0 ? "shop" : "blog");

        assertThat(done).allMatch(e -> e.getException() == null);
        for (String service : List.of("shop", "blog")) {
            EmulatedService emulated = emulator.service(service);
            assertThat(emulated.stats().eventsStored()).isEqualTo(2 * LIMIT);
            QUOTA.assertKept(emulated, 2);
        }
    }

    @Test
    void retriesUnderFaultsStayWithinTheQuota() throws Exception {
        emulator.service("shop").faults(ApiKind.EVENT).failFraction(0.2, 11L, Fault.http500(), Fault.dropAfterProcessing());
        CamelContext app = app(javaRoute());
        app.start();

        List<Exchange> done = push(app, "direct:events", 3 * LIMIT, n -> SampleEvents.login("user-" + n % 4), null);

        assertThat(done).allMatch(e -> e.getException() == null);
        EmulatedService shop = emulator.service("shop");
        assertThat(shop.stats().eventsStored()).isEqualTo(3 * LIMIT);
        assertThat(shop.stats().requests(ApiKind.EVENT)).as("retries were sent").isGreaterThan(3 * LIMIT);
        QUOTA.assertKept(shop, 1);
    }

    @Test
    void rejectExecutionWithDurableParkingLosesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path parked)
            throws Exception {
        String parking = "file:" + parked.toAbsolutePath();
        CamelContext app = app(new RouteBuilder() {
            @Override
            public void configure() {
                // Over the quota, an exchange is refused at once and parked on disk as JSON ...
                from("direct:events")
                        .onException(org.apache.camel.processor.ThrottlerRejectedExecutionException.class).handled(true)
                            .to(parking).end()
                        .throttle(constant("{{dfinery:event}}")).timePeriodMillis("{{dfinery:event.window}}")
                        .correlationExpression(simple("${header.CamelDfineryServiceId} ?: 'shop'")).rejectExecution(true)
                        .to("dfinery:event");
                // ... and a file consumer sends the parked ones later, paced by a blocking throttle of its own.
                from(parking + "?delay=200&initialDelay=200")
                        .throttle(constant("{{dfinery:event}}")).timePeriodMillis("{{dfinery:event.window}}")
                        .to("dfinery:event");
            }
        });
        app.start();

        List<Exchange> done = push(app, "direct:events", 30, n -> "{\"event_name\":\"df_login\",\"event_datetime\":\""
                + SampleEvents.DATETIME + "\",\"identity\":{\"external_id\":\"u" + n + "\"},\"event_log_id\":\""
                + java.util.UUID.randomUUID() + "\"}", null);

        assertThat(done).allMatch(e -> e.getException() == null);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> emulator.service("shop").stats().eventsStored() == 30);
        QUOTA.assertKept(emulator.service("shop"), 1);
    }
}
