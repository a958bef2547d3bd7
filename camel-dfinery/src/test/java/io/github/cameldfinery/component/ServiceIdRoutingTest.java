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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.github.cameldfinery.emulator.ApiKind;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Which service a message goes to when several dfinery endpoints meet in one route: an endpoint's own serviceId
 * wins over the CamelDfineryServiceId header that another dfinery endpoint wrote, and a header the route itself set
 * overrides the endpoint. The export budget charged is the one of the service called.
 */
class ServiceIdRoutingTest extends DfineryTestSupport {

    @Test
    void theHeaderWrittenByOneEndpointDoesNotRedirectTheNext() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chain").to("dfinery:event?serviceId=" + SERVICE)
                        .setBody(constant(Map.of("df_push_optin", true)))
                        .to("dfinery:profile?serviceId=" + OTHER_SERVICE);
            }
        });

        Exchange done = template.send("direct:chain", e -> {
            e.getMessage().setBody(login("u1"));
            e.getMessage().setHeader(DfineryConstants.EXTERNAL_ID, "u1");
        });

        assertThat(done.getException()).isNull();
        assertThat(dfinery.service(SERVICE).stats().requests(ApiKind.EVENT)).isEqualTo(1);
        assertThat(dfinery.service(SERVICE).stats().requests(ApiKind.PROFILE)).isZero();
        assertThat(dfinery.service(OTHER_SERVICE).stats().requests(ApiKind.PROFILE)).isEqualTo(1);
        assertThat(done.getMessage().getHeader(DfineryConstants.SERVICE_ID)).isEqualTo(OTHER_SERVICE);
    }

    @Test
    void aHeaderSetByTheRouteOverridesTheEndpoint() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:override").to("dfinery:event?serviceId=" + SERVICE)
                        .setHeader(DfineryConstants.SERVICE_ID, constant(OTHER_SERVICE))
                        .to("dfinery:event?serviceId=" + SERVICE);
            }
        });

        Exchange done = template.send("direct:override", e -> e.getMessage().setBody(login("u1")));

        assertThat(done.getException()).isNull();
        assertThat(dfinery.service(SERVICE).stats().requests(ApiKind.EVENT)).isEqualTo(1);
        assertThat(dfinery.service(OTHER_SERVICE).stats().requests(ApiKind.EVENT)).isEqualTo(1);
    }

    @Test
    void exportedRowsGoToTheServiceOfTheProducer() throws Exception {
        template.sendBody("dfinery:event", spread(1, 3));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?delay=50&startDate=" + today().minusDays(1) + "&serviceId=" + SERVICE)
                        .setBody(constant(Map.of("df_push_optin", true)))
                        .setHeader(DfineryConstants.EXTERNAL_ID, constant("copied"))
                        .to("dfinery:profile?serviceId=" + OTHER_SERVICE);
            }
        });

        await().atMost(Duration.ofSeconds(10))
                .until(() -> dfinery.service(OTHER_SERVICE).stats().requests(ApiKind.PROFILE) == 3);
        assertThat(dfinery.service(SERVICE).stats().requests(ApiKind.PROFILE)).isZero();
    }

    @Test
    void theExportProducerChargesTheBudgetOfTheServiceItCalls() throws Exception {
        template.sendBody("dfinery:event", spread(1, 3));
        String yesterday = today().minusDays(1).toString();
        // The other service's export quota is 1 (one value per service, given by an endpoint of that service); the
        // endpoint that sends is one of this service's, with the component's quota.
        context.getEndpoint("dfinery:export?exportQuota=1&serviceId=" + OTHER_SERVICE);
        String uri = "dfinery:export?fromDate=" + yesterday;

        Exchange other = send(uri, null, DfineryConstants.SERVICE_ID, OTHER_SERVICE);
        Exchange own = send(uri, null);

        assertThat(other.getException()).isNull();
        assertThat(own.getException()).isNull();
        assertThat(dfinery.service(OTHER_SERVICE).stats().requests(ApiKind.EXPORT)).isEqualTo(1);
        assertThat(dfinery.service(SERVICE).stats().requests(ApiKind.EXPORT)).isEqualTo(1);
        DfineryComponent component = context.getComponent("dfinery", DfineryComponent.class);
        assertThat(component.exportBudgets()).containsKeys(SERVICE, OTHER_SERVICE);
        assertThat(component.exportBudgets().get(OTHER_SERVICE).remaining()).as("the other service's quota of 1")
                .isZero();
        assertThat(component.exportBudgets().get(SERVICE).remaining()).as("this service's quota of 100").isEqualTo(99);
    }

    @Test
    void anExportConsumerWithoutServiceIdFailsAtStartNamingTheOption() throws Exception {
        try (DefaultCamelContext bare = new DefaultCamelContext()) {
            DfineryComponent component = new DfineryComponent();
            component.getConfiguration().setBaseUri(dfinery.baseUri().toString());
            component.getConfiguration().setBearerToken(EXPORT_TOKEN);
            bare.addComponent("dfinery", component);
            bare.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("dfinery:export?delay=50").to("log:rows");
                }
            });

            assertThatThrownBy(bare::start).hasStackTraceContaining("serviceId")
                    .hasStackTraceContaining("dfinery:export");
        }
        assertThat(dfinery.service(SERVICE).stats().totalRequests()).isZero();
    }
}
