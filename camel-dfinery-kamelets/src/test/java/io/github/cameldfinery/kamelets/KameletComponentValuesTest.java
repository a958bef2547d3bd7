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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cameldfinery.component.DfineryConfiguration;
import io.github.cameldfinery.component.DfineryConstants;
import io.github.cameldfinery.component.DfineryEndpoint;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The DFINERY settings given once for the application, as {@code camel.component.dfinery.*} properties, reach the
 * Kamelets' endpoints: YAML routes that name a Kamelet and nothing else store events, identities and user properties
 * in the emulator the component points at, and the export source polls it. A property given to a Kamelet still wins
 * over the component's.
 *
 * <p>
 * The properties are bound to the component the way Camel Main binds them (each {@code camel.component.dfinery.x-y}
 * as the option {@code xY}, through the component's generated configurer, an unknown option failing).
 */
class KameletComponentValuesTest {

    static final String SHOP = "shop";
    static final String OTHER = "other-shop";
    static final String PREFIX = "camel.component.dfinery.";

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig()
            .service(new ServiceConfig(SHOP, "shop-import", "shop-export"))
            .service(new ServiceConfig(OTHER, "other-import", "other-export")));

    final List<Map<String, String>> rows = new CopyOnWriteArrayList<>();
    CamelContext context;
    ProducerTemplate template;

    /** What a user writes in application.properties to point every DFINERY endpoint at one service. */
    Properties applicationProperties() {
        Properties properties = new Properties();
        properties.setProperty(PREFIX + "base-uri", dfinery.baseUri().toString());
        properties.setProperty(PREFIX + "service-id", SHOP);
        properties.setProperty(PREFIX + "access-token", "shop-import");
        properties.setProperty(PREFIX + "bearer-token", "shop-export");
        properties.setProperty(PREFIX + "rate-limit-max-wait", "5s");
        return properties;
    }

    static final String SINKS = """
            - route:
                from:
                  uri: direct:event
                  steps:
                    - to: kamelet:dfinery-event-sink
            - route:
                from:
                  uri: direct:identity
                  steps:
                    - to: kamelet:dfinery-identity-sink
            - route:
                from:
                  uri: direct:profile
                  steps:
                    - to: kamelet:dfinery-profile-sink
            """;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void eventSinkStoresInTheComponentsServiceWithTheComponentsValues() throws Exception {
        start(applicationProperties(), SINKS);

        Exchange sent = send("direct:event", List.of(
                SampleEvents.eventMap("df_login", "u-1", "2026-11-27T10:00:00Z"),
                SampleEvents.eventMap("df_purchase", "u-1", "2026-11-27T10:05:00Z"),
                SampleEvents.eventMap("df_logout", "u-2", "2026-11-27T10:10:00Z")));

        assertThat(sent.getException()).isNull();
        assertThat(dfinery.storedEvents(SHOP)).hasSize(3);
        DfineryConfiguration endpoint = endpoint("event");
        assertThat(endpoint.getBaseUri()).isEqualTo(dfinery.baseUri().toString());
        assertThat(endpoint.getServiceId()).isEqualTo(SHOP);
        assertThat(endpoint.getRateLimitMaxWait()).as("rateLimitMaxWait in ms, the component's 5s").isEqualTo(5000);
    }

    @Test
    void identityAndProfileSinksStoreInTheComponentsService() throws Exception {
        start(applicationProperties(), SINKS);

        assertThat(send("direct:identity", Map.of("external_id", "u-1", "email", "u1@example.com")).getException())
                .isNull();
        Exchange profile = template.send("direct:profile", e -> {
            e.getMessage().setBody(Map.of("df_name", "Yun", "df_membership", "gold"));
            e.getMessage().setHeader(DfineryConstants.EXTERNAL_ID, "u-1");
        });

        assertThat(profile.getException()).isNull();
        assertThat(dfinery.service(SHOP).stats().accepted().get(ApiKind.IDENTITY)).isEqualTo(1);
        assertThat(dfinery.storedProfiles(SHOP)).singleElement().asString().contains("u-1", "u1@example.com", "gold");
        assertThat(endpoint("identity").getRateLimitMaxWait()).isEqualTo(5000);
        assertThat(endpoint("profile").getBaseUri()).isEqualTo(dfinery.baseUri().toString());
    }

    @Test
    void exportSourcePollsTheComponentsServiceWithTheComponentsFilter() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Properties properties = applicationProperties();
        properties.setProperty(PREFIX + "start-date", today.minusDays(2).toString());
        properties.setProperty(PREFIX + "events", "df_purchase");
        properties.setProperty(PREFIX + "events-condition-type", "include");
        // The poll delay has no component-level option: Camel's Kamelet-wide property sets it once.
        properties.setProperty("camel.kamelet.dfinery-export-source.delay", "250");
        start(properties, SINKS);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int day = 2; day >= 1; day--) {
            String at = today.minusDays(day).atStartOfDay(ZoneOffset.UTC).plusHours(3).toInstant().toString();
            events.add(SampleEvents.eventMap("df_purchase", "u-" + day, at));
            events.add(SampleEvents.eventMap("df_login", "u-" + day, at));
        }
        assertThat(send("direct:event", events).getException()).isNull();
        assertThat(dfinery.storedEvents(SHOP)).hasSize(4);

        load("""
                - route:
                    from:
                      uri: kamelet:dfinery-export-source
                      steps:
                        - to: direct:rows
                """);

        // Two closed days, a purchase and a login each: the component's filter lets the purchases through.
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.size() >= 2);
        assertThat(dfinery.service(SHOP).stats().requests(ApiKind.EXPORT)).isPositive();
        assertThat(rows).extracting(row -> row.get("event_name")).containsExactly("df_purchase", "df_purchase");
        DfineryConfiguration endpoint = endpoint("export");
        assertThat(endpoint.getBaseUri()).isEqualTo(dfinery.baseUri().toString());
        assertThat(endpoint.getEventsConditionType()).hasToString("include");
        assertThat(context.getRoutes()).extracting(Route::getConsumer).filteredOn(ScheduledPollConsumer.class::isInstance)
                .singleElement().extracting(c -> ((ScheduledPollConsumer) c).getDelay()).isEqualTo(250L);
    }

    @Test
    void aPropertyGivenToTheKameletWinsOverTheComponents() throws Exception {
        Properties properties = applicationProperties();
        // Nothing listens there: only the Kamelet's baseUri reaches the emulator.
        properties.setProperty(PREFIX + "base-uri", "http://127.0.0.1:9");
        start(properties, """
                - route:
                    from:
                      uri: direct:event
                      steps:
                        - to:
                            uri: kamelet:dfinery-event-sink
                            parameters:
                              baseUri: "%s"
                              serviceId: other-shop
                              accessToken: other-import
                              rateLimitMaxWait: 7s
                """.formatted(dfinery.baseUri()));

        assertThat(send("direct:event", SampleEvents.eventMap("df_login", "u-9", "2026-11-27T10:00:00Z")).getException())
                .isNull();

        assertThat(dfinery.storedEvents(OTHER)).singleElement().asString().contains("df_login", "u-9");
        assertThat(dfinery.storedEvents(SHOP)).isEmpty();
        DfineryConfiguration endpoint = endpoint("event");
        assertThat(endpoint.getBaseUri()).isEqualTo(dfinery.baseUri().toString());
        assertThat(endpoint.getServiceId()).isEqualTo(OTHER);
        assertThat(endpoint.getRateLimitMaxWait()).isEqualTo(7000);
    }

    void start(Properties properties, String yaml) throws Exception {
        context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(properties);
        context.getRegistry().bind("collectRows", (Processor) e -> rows.add(row(e)));
        bindComponentProperties(context, properties);
        context.start();
        load("""
                - route:
                    from:
                      uri: direct:rows
                      steps:
                        - process:
                            ref: collectRows
                """);
        load(yaml);
        template = context.createProducerTemplate();
    }

    void load(String yaml) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("routes.yaml", yaml));
    }

    /** camel.component.dfinery.* onto the component, as Camel Main does it. */
    static void bindComponentProperties(CamelContext camelContext, Properties properties) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIX)) {
                options.put(StringHelper.dashToCamelCase(key.substring(PREFIX.length())), properties.getProperty(key));
            }
        }
        Component component = camelContext.getComponent("dfinery");
        PropertyBindingSupport.build().withCamelContext(camelContext).withTarget(component)
                .withConfigurer(component.getComponentPropertyConfigurer()).withProperties(options)
                .withIgnoreCase(true).withMandatory(true).bind();
        assertThat(options).as("options the component did not take").isEmpty();
    }

    /** The configuration of the one endpoint of this API that the Kamelet made. */
    DfineryConfiguration endpoint(String api) {
        return context.getEndpoints().stream().filter(DfineryEndpoint.class::isInstance).map(DfineryEndpoint.class::cast)
                .filter(e -> e.getApi().name().equals(api)).map(DfineryEndpoint::getConfiguration).findFirst()
                .orElseThrow(() -> new AssertionError("no dfinery:" + api + " endpoint in " + context.getEndpoints()));
    }

    Exchange send(String uri, Object body) {
        return template.send(uri, e -> e.getMessage().setBody(body));
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> row(Exchange exchange) {
        return exchange.getMessage().getBody(Map.class);
    }
}
