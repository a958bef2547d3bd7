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
package io.github.cameldfinery.kamelets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.DfineryConstants;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * YAML routes that use each Kamelet from the jar's kamelets/ folder store (or deliver) exactly what the same Java
 * route does: the Java routes go to one emulated service with the component's own tokens, the Kamelets to another
 * whose tokens reach it only through the Kamelets' accessToken and bearerToken.
 */
class KameletRoutesTest {

    static final String JAVA = "java-shop";
    static final String KAMELET = "kamelet-shop";

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig()
            .service(new ServiceConfig(JAVA, "java-import", "java-export"))
            .service(new ServiceConfig(KAMELET, "kamelet-import", "kamelet-export")));

    final List<Map<String, String>> javaRows = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> kameletRows = new CopyOnWriteArrayList<>();
    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("dfinery.base-uri", dfinery.baseUri().toString());
        properties.setProperty("kamelet.access-token", "kamelet-import");
        properties.setProperty("kamelet.bearer-token", "kamelet-export");
        context.getPropertiesComponent().setInitialProperties(properties);
        DfineryComponent component = new DfineryComponent();
        component.getConfiguration().setBaseUri(dfinery.baseUri().toString());
        component.getConfiguration().setAccessToken("java-import");
        component.getConfiguration().setBearerToken("java-export");
        context.addComponent("dfinery", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:java-event").to("dfinery:event?serviceId=" + JAVA);
                from("direct:java-identity").to("dfinery:identity?serviceId=" + JAVA);
                from("direct:java-delete").to("dfinery:identity?operation=delete&serviceId=" + JAVA);
                from("direct:java-profile").to("dfinery:profile?serviceId=" + JAVA);
                from("direct:kamelet-rows").process(e -> kameletRows.add(row(e)));
            }
        });
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("kamelet-routes.yaml", """
                - route:
                    from:
                      uri: direct:kamelet-event
                      steps:
                        - to:
                            uri: kamelet:dfinery-event-sink
                            parameters:
                              serviceId: kamelet-shop
                              accessToken: "{{kamelet.access-token}}"
                              baseUri: "{{dfinery.base-uri}}"
                - route:
                    from:
                      uri: direct:kamelet-component-token
                      steps:
                        - to:
                            uri: kamelet:dfinery-event-sink
                            parameters:
                              serviceId: java-shop
                              baseUri: "{{dfinery.base-uri}}"
                - route:
                    from:
                      uri: direct:kamelet-identity
                      steps:
                        - to:
                            uri: kamelet:dfinery-identity-sink
                            parameters:
                              serviceId: kamelet-shop
                              accessToken: "{{kamelet.access-token}}"
                              baseUri: "{{dfinery.base-uri}}"
                - route:
                    from:
                      uri: direct:kamelet-delete
                      steps:
                        - to:
                            uri: kamelet:dfinery-identity-sink
                            parameters:
                              serviceId: kamelet-shop
                              accessToken: "{{kamelet.access-token}}"
                              baseUri: "{{dfinery.base-uri}}"
                              operation: delete
                - route:
                    from:
                      uri: direct:kamelet-profile
                      steps:
                        - to:
                            uri: kamelet:dfinery-profile-sink
                            parameters:
                              serviceId: kamelet-shop
                              accessToken: "{{kamelet.access-token}}"
                              baseUri: "{{dfinery.base-uri}}"
                """));
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void eventSinkStoresWhatTheJavaRouteStores() {
        for (Object body : List.of(SampleEvents.eventMap("df_login", "e-1", "2026-11-27T10:00:00Z"),
                "{\"event_name\":\"df_purchase\",\"event_datetime\":\"2026-11-27T10:05:00.250Z\","
                        + "\"identity\":{\"external_id\":\"k-2\"},\"event_properties\":{\"df_order_id\":\"o-9\"}}",
                List.of(SampleEvents.eventMap("df_login", "e-3", "2026-11-27T11:00:00+09:00"), SampleEvents.eventMap("df_logout", "e-3",
                        "2026-11-27T12:00:00+09:00")))) {
            assertThat(send("direct:java-event", body).getException()).isNull();
            assertThat(send("direct:kamelet-event", body).getException()).isNull();
        }

        assertThat(dfinery.storedEvents(KAMELET)).hasSize(4).isEqualTo(dfinery.storedEvents(JAVA));
    }

    @Test
    void withoutAnAccessTokenTheSinkUsesTheComponentsToken() {
        assertThat(send("direct:kamelet-component-token", SampleEvents.eventMap("df_login", "c-1", "2026-11-27T10:00:00Z"))
                .getException()).isNull();

        assertThat(dfinery.storedEvents(JAVA)).singleElement().asString().contains("df_login", "c-1");
    }

    @Test
    void identityAndProfileSinksStoreWhatTheJavaRoutesStore() {
        for (String kind : List.of("java", "kamelet")) {
            assertThat(send("direct:" + kind + "-identity", Map.of("external_id", "p-1", "email", "p1@example.com"))
                    .getException()).isNull();
            assertThat(send("direct:" + kind + "-identity", "{\"external_id\":\"p-2\"}").getException()).isNull();
            Exchange profile = template.send("direct:" + kind + "-profile", e -> {
                e.getMessage().setBody(Map.of("df_name", "Yun", "df_membership", "gold"));
                e.getMessage().setHeader(DfineryConstants.EXTERNAL_ID, "p-1");
            });
            assertThat(profile.getException()).isNull();
            assertThat(send("direct:" + kind + "-delete", Map.of("external_id", "p-2")).getException()).isNull();
        }

        assertThat(dfinery.service(KAMELET).stats().deletes()).isEqualTo(1)
                .isEqualTo(dfinery.service(JAVA).stats().deletes());
        assertThat(dfinery.storedProfiles(KAMELET)).hasSize(1).isEqualTo(dfinery.storedProfiles(JAVA));
    }

    @Test
    void exportSourceDeliversTheRowsTheJavaConsumerDelivers() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int day = 2; day >= 0; day--) {
            for (int i = 0; i < 4; i++) {
                Map<String, Object> event = SampleEvents.eventMap("df_purchase", "x-" + i,
                        today.minusDays(day).atStartOfDay(ZoneOffset.UTC).plusHours(i).toInstant().toString());
                event.put("event_log_id", String.format("00000000-0000-4000-8000-%012d", day * 10 + i));
                event.put("event_properties", Map.of("df_order_id", "o-" + day + "-" + i));
                events.add(event);
            }
        }
        assertThat(send("direct:java-event", events).getException()).isNull();
        assertThat(send("direct:kamelet-event", events).getException()).isNull();

        String startDate = today.minusDays(2).toString();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?delay=100&serviceId=" + JAVA + "&startDate=" + startDate)
                        .process(e -> javaRows.add(row(e)));
            }
        });
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("kamelet-export.yaml", """
                - route:
                    from:
                      uri: kamelet:dfinery-export-source
                      parameters:
                        serviceId: kamelet-shop
                        bearerToken: "{{kamelet.bearer-token}}"
                        baseUri: "{{dfinery.base-uri}}"
                        startDate: "%s"
                        delay: 100
                      steps:
                        - to: direct:kamelet-rows
                """.formatted(startDate)));

        // Two closed days of 4 events each; today's 4 wait for the day to close.
        await().atMost(Duration.ofSeconds(30)).until(() -> javaRows.size() >= 8 && kameletRows.size() >= 8);
        assertThat(withoutEmulatorColumns(kameletRows)).hasSize(8).isEqualTo(withoutEmulatorColumns(javaRows));
    }

    Exchange send(String uri, Object body) {
        return template.send(uri, e -> e.getMessage().setBody(body));
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> row(Exchange exchange) {
        return exchange.getMessage().getBody(Map.class);
    }

    /** The unified id and the arrival time are the emulator's own; every other column must match. */
    static List<Map<String, String>> withoutEmulatorColumns(List<Map<String, String>> rows) {
        return rows.stream().map(row -> {
            Map<String, String> copy = new HashMap<>(row);
            copy.keySet().removeIf(column -> column.contains("unified") || column.equals("df_server_datetime"));
            return copy;
        }).collect(Collectors.toList());
    }
}
