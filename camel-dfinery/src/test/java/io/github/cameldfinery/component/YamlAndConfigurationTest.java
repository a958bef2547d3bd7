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

import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.cameldfinery.emulator.state.StoredEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** YAML DSL routes, Camel Main properties, and durations written as text in URIs, properties and YAML. */
class YamlAndConfigurationTest extends DfineryTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:java").to("dfinery:event?requestTimeout=5s&connectTimeout=2s&retryDelay=15ms");
            }
        };
    }

    @Test
    void yamlRouteSendsEventsIdentitiesDeletesAndProfiles() throws Exception {
        String yaml = "- route:\n"
                + "    from:\n"
                + "      uri: direct:yaml-events\n"
                + "      steps:\n"
                + "        - to:\n"
                + "            uri: dfinery:event\n"
                + "            parameters:\n"
                + "              serviceId: " + OTHER_SERVICE + "\n"
                + "              accessToken: \"" + IMPORT_TOKEN + "\"\n"
                + "              requestTimeout: 7s\n"
                + "- route:\n"
                + "    from:\n"
                + "      uri: direct:yaml-identity\n"
                + "      steps:\n"
                + "        - to: dfinery:identity\n"
                + "- route:\n"
                + "    from:\n"
                + "      uri: direct:yaml-delete\n"
                + "      steps:\n"
                + "        - to:\n"
                + "            uri: dfinery:identity\n"
                + "            parameters:\n"
                + "              operation: delete\n"
                + "- route:\n"
                + "    from:\n"
                + "      uri: direct:yaml-profile\n"
                + "      steps:\n"
                + "        - to: dfinery:profile\n";
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("dfinery-routes.yaml", yaml));

        assertThat(send("direct:yaml-identity", Map.of("external_id", "y1", "email", "y1@example.com")).getException()).isNull();
        assertThat(send("direct:yaml-identity", Map.of("external_id", "y2")).getException()).isNull();
        assertThat(send("direct:yaml-profile", Map.of("df_name", "Yun"), DfineryConstants.EXTERNAL_ID, "y1").getException()).isNull();
        assertThat(send("direct:yaml-events", "[{\"event_name\":\"df_login\",\"event_datetime\":\"" + T
                + "\",\"identity\":{\"external_id\":\"y1\"}}]").getException()).isNull();
        assertThat(send("direct:yaml-delete", Map.of("external_id", "y2")).getException()).isNull();

        assertThat(service().profiles()).singleElement().satisfies(p -> {
            assertThat(p.identifiers()).containsEntry("external_id", "y1").containsEntry("email", "y1@example.com");
            assertThat(p.properties().get("df_name").textValue()).isEqualTo("Yun");
        });
        assertThat(service().stats().deletes()).isEqualTo(1);
        List<StoredEvent> events = dfinery.service(OTHER_SERVICE).events();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.eventName()).isEqualTo("df_login");
            assertThat(e.eventDatetime()).isEqualTo(T);
            assertThat(e.identity()).containsEntry("external_id", "y1");
        });
        DfineryEndpoint endpoint = context.getEndpoints().stream().filter(e -> e instanceof DfineryEndpoint)
                .map(DfineryEndpoint.class::cast).filter(e -> OTHER_SERVICE.equals(e.getConfiguration().getServiceId()))
                .findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().getRequestTimeout()).isEqualTo(7_000);
    }

    @Test
    void durationsInUrisAreParsed() {
        DfineryEndpoint endpoint = context.getEndpoint("dfinery:event?requestTimeout=5s&connectTimeout=2s&retryDelay=15ms",
                DfineryEndpoint.class);
        assertThat(endpoint.getConfiguration().getRequestTimeout()).isEqualTo(5_000);
        assertThat(endpoint.getConfiguration().getConnectTimeout()).isEqualTo(2_000);
        assertThat(endpoint.getConfiguration().getRetryDelay()).isEqualTo(15);
        assertThat(send("direct:java", "{\"event_name\":\"df_login\",\"event_datetime\":\"" + T
                + "\",\"identity\":{\"external_id\":\"u\"}}").getException()).isNull();
    }

    @Test
    void camelMainConfiguresTheComponentFromProperties() throws Exception {
        Main main = new Main();
        Properties properties = new Properties();
        properties.setProperty("camel.component.dfinery.base-uri", dfinery.baseUri().toString());
        properties.setProperty("camel.component.dfinery.service-id", SERVICE);
        properties.setProperty("camel.component.dfinery.access-token", IMPORT_TOKEN);
        properties.setProperty("camel.component.dfinery.request-timeout", "4s");
        properties.setProperty("camel.component.dfinery.rate-limit-max-wait", "1m");
        main.setOverrideProperties(properties);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:main").to("dfinery:event");
            }
        });
        main.start();
        try {
            DfineryComponent component = main.getCamelContext().getComponent("dfinery", DfineryComponent.class);
            assertThat(component.getConfiguration().getRequestTimeout()).isEqualTo(4_000);
            assertThat(component.getConfiguration().getRateLimitMaxWait()).isEqualTo(60_000);
            Exchange exchange = main.getCamelContext().createProducerTemplate().send("direct:main",
                    e -> e.getMessage().setBody(Map.of("event_name", "df_login", "event_datetime", T,
                            "identity", Map.of("external_id", "main-user"))));
            assertThat(exchange.getException()).isNull();
            assertThat(service().events()).extracting(e -> e.identity().get("external_id")).containsExactly("main-user");
        } finally {
            main.stop();
        }
    }
}
