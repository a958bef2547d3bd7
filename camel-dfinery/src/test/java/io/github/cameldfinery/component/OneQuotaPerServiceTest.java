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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import io.github.cameldfinery.component.quota.QuotaGuard;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 26, item 6: DFINERY counts one quota per service and API kind, and the component guards each with one value.
 * The endpoints of a service that give the limit options must agree, or the start fails naming both values; an
 * endpoint that gives none follows its service's; the value applies whichever endpoint sends first; and
 * {@code {{dfinery:event}}} answers what the guard applies to the service the component names.
 */
class OneQuotaPerServiceTest {

    static final String SHOP = "shop";
    static final String BLOG = "blog";
    static final String TOKEN = "one-quota-import";

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig()
            .service(new ServiceConfig(SHOP, TOKEN, "one-quota-export"))
            .service(new ServiceConfig(BLOG, TOKEN, "one-quota-export")));

    static DefaultCamelContext context(Consumer<DfineryConfiguration> options, RouteBuilder routes) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        DfineryComponent component = new DfineryComponent();
        DfineryConfiguration config = component.getConfiguration();
        config.setBaseUri(dfinery.baseUri().toString());
        config.setAccessToken(TOKEN);
        config.setBearerToken("one-quota-export");
        options.accept(config);
        context.addComponent("dfinery", component);
        context.addRoutes(routes);
        return context;
    }

    static RouteBuilder routes(String... uris) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < uris.length; i++) {
                    from("direct:" + i).to(uris[i]);
                }
            }
        };
    }

    static QuotaGuard.Snapshot guard(CamelContext context, String service, String api) {
        return context.getComponent("dfinery", DfineryComponent.class).quotaGuards().snapshots().stream()
                .filter(s -> s.serviceId().equals(service) && s.api().equals(api)).findFirst().orElseThrow();
    }

    static void sendOk(CamelContext context, String from, String service) {
        Exchange exchange = context.createProducerTemplate().send(from, e -> {
            e.getMessage().setBody(SampleEvents.login("u-" + from.replace(':', '-')));
            if (service != null) {
                e.getMessage().setHeader(DfineryConstants.SERVICE_ID, service);
            }
        });
        assertThat(exchange.getException()).isNull();
    }

    @Test
    void twoEndpointsOfOneServiceThatGiveDifferentQuotasFailTheStartNamingBothValues() throws Exception {
        try (DefaultCamelContext context = context(c -> { }, routes(
                "dfinery:event?serviceId=shop&eventQuota=500",
                "dfinery:event?serviceId=shop&eventQuota=800&maxRetries=1"))) {

            assertThatThrownBy(context::start).hasStackTraceContaining("eventQuota of service shop")
                    .hasStackTraceContaining("eventQuota=500").hasStackTraceContaining("gives 500")
                    .hasStackTraceContaining("eventQuota=800").hasStackTraceContaining("gives 800");
        }
    }

    @Test
    void twoExportEndpointsOfOneServiceThatGiveDifferentWindowsFailTheStart() throws Exception {
        try (DefaultCamelContext context = context(c -> { }, routes(
                "dfinery:export?serviceId=blog&exportQuotaWindow=30m",
                "dfinery:export?serviceId=blog&exportQuotaWindow=1h&fromDate=2026-11-01"))) {

            assertThatThrownBy(context::start).hasStackTraceContaining("exportQuotaWindow of service blog")
                    .hasStackTraceContaining("gives 30m").hasStackTraceContaining("gives 1h");
        }
    }

    @Test
    void theQuotaOneEndpointGivesGuardsEveryEndpointOfItsServiceWhicheverSendsFirst() throws Exception {
        try (DefaultCamelContext context = context(c -> { }, routes(
                "dfinery:event?serviceId=shop",
                "dfinery:event?serviceId=shop&eventQuota=5&eventQuotaWindow=2m"))) {
            context.start();

            sendOk(context, "direct:0", null);
            sendOk(context, "direct:1", null);

            assertThat(guard(context, SHOP, "event").limit()).isEqualTo(5);
            assertThat(guard(context, SHOP, "event").window()).isEqualTo(Duration.ofMinutes(2));
        }
    }

    @Test
    void aServiceNoEndpointGivesAQuotaToIsGuardedWithTheComponentsEvenFromAnEndpointOfAnother() throws Exception {
        try (DefaultCamelContext context = context(c -> c.setEventQuota(900), routes(
                "dfinery:event?serviceId=shop&eventQuota=5"))) {
            context.start();

            sendOk(context, "direct:0", BLOG);

            assertThat(guard(context, BLOG, "event").limit()).as("blog's, not the shop endpoint's").isEqualTo(900);
        }
    }

    @Test
    void thePlaceholderAnswersWhatTheGuardAppliesToTheComponentsService() throws Exception {
        try (DefaultCamelContext context = context(c -> {
            c.setServiceId(SHOP);
            c.setEventQuota(7);
            c.setEventQuotaWindow(2_000);
        }, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:throttled").throttle(constant("{{dfinery:event}}")).timePeriodMillis("{{dfinery:event.window}}")
                        .to("dfinery:event");
                // Another service may have its own: the placeholder speaks for the component's service.
                from("direct:blog").to("dfinery:event?serviceId=blog&eventQuota=3");
            }
        })) {
            context.start();

            sendOk(context, "direct:throttled", null);
            sendOk(context, "direct:blog", null);

            assertThat(context.resolvePropertyPlaceholders("{{dfinery:event}}")).isEqualTo("7");
            assertThat(context.resolvePropertyPlaceholders("{{dfinery:event.window}}")).isEqualTo("2000");
            assertThat(guard(context, SHOP, "event").limit()).isEqualTo(7);
            assertThat(guard(context, SHOP, "event").window()).isEqualTo(Duration.ofSeconds(2));
            assertThat(guard(context, BLOG, "event").limit()).isEqualTo(3);
        }
    }

    @Test
    void anEndpointOfTheComponentsServiceCannotGiveAnotherQuotaThanThePlaceholderAnsweredInEitherOrder()
            throws Exception {
        RouteBuilder placeholderFirst = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").throttle(constant("{{dfinery:event}}")).to("dfinery:event");
                from("direct:b").to("dfinery:event?eventQuota=500");
            }
        };
        RouteBuilder endpointFirst = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:b").to("dfinery:event?eventQuota=500");
                from("direct:a").throttle(constant("{{dfinery:event}}")).to("dfinery:event");
            }
        };
        for (RouteBuilder routes : new RouteBuilder[] { placeholderFirst, endpointFirst }) {
            try (DefaultCamelContext context = context(c -> c.setServiceId(SHOP), routes)) {
                assertThatThrownBy(context::start).hasStackTraceContaining("eventQuota of service shop")
                        .hasStackTraceContaining("gives 500").hasStackTraceContaining("{{dfinery:event}}")
                        .hasStackTraceContaining("gives 1000000");
            }
        }
    }

    @Test
    void anEndpointMadeWhileAGuardRunsCannotChangeItsQuota() throws Exception {
        try (DefaultCamelContext context = context(c -> c.setServiceId(SHOP), routes("dfinery:event"))) {
            context.start();
            sendOk(context, "direct:0", null);

            assertThatThrownBy(() -> context.getEndpoint("dfinery:event?eventQuota=5"))
                    .hasStackTraceContaining("eventQuota of service shop").hasStackTraceContaining("gives 5")
                    .hasStackTraceContaining("the quota guard").hasStackTraceContaining("gives 1000000");
            assertThat(guard(context, SHOP, "event").limit()).isEqualTo(1_000_000);
        }
    }

    @Test
    void aQuotaOnAnEndpointThatNamesNoServiceFailsTheStart() throws Exception {
        try (DefaultCamelContext context = context(c -> { }, routes("dfinery:event?identityQuota=20"))) {
            assertThatThrownBy(context::start).hasStackTraceContaining("identityQuota=20")
                    .hasStackTraceContaining("names no serviceId");
        }
    }

    @Test
    void endpointsThatAgreeStartAndShareOneGuard() throws Exception {
        try (DefaultCamelContext context = context(c -> { }, routes(
                "dfinery:event?serviceId=shop&eventQuota=40",
                "dfinery:event?serviceId=shop&eventQuota=40&maxRetries=1",
                "dfinery:event?serviceId=blog&eventQuota=60"))) {
            context.start();

            sendOk(context, "direct:0", null);
            sendOk(context, "direct:1", null);
            sendOk(context, "direct:2", null);

            assertThat(guard(context, SHOP, "event").limit()).isEqualTo(40);
            assertThat(guard(context, BLOG, "event").limit()).isEqualTo(60);
            assertThat(context.getComponent("dfinery", DfineryComponent.class).quotaGuards().snapshots()).hasSize(2);
            assertThat(Map.of(SHOP, dfinery.service(SHOP).events().size(), BLOG, dfinery.service(BLOG).events().size()))
                    .containsEntry(SHOP, 2).containsEntry(BLOG, 1);
        }
    }

    @Test
    void aRouteRemovedWithItsEndpointLetsTheNextGiveAnotherValue() throws Exception {
        try (DefaultCamelContext context = context(c -> { }, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:limited").routeId("limited").to("dfinery:event?serviceId=shop&eventQuota=5");
            }
        })) {
            context.start();
            context.getRouteController().stopRoute("limited");
            context.removeRoute("limited");
            context.removeEndpoint(context.getEndpoint("dfinery:event?serviceId=shop&eventQuota=5"));

            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:limited").routeId("limited").to("dfinery:event?serviceId=shop&eventQuota=8");
                }
            });
            sendOk(context, "direct:limited", null);

            assertThat(guard(context, SHOP, "event").limit()).isEqualTo(8);
        }
    }
}
