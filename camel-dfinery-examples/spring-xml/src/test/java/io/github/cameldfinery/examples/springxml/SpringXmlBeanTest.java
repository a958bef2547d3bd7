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
package io.github.cameldfinery.examples.springxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.DfineryConfiguration;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.support.GenericXmlApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * META-INF/spring/dfinery-camel-context.xml: the component as a Spring XML bean with durations written as text, in a
 * classic Spring XML camelContext, stores what the same Java routes store.
 */
class SpringXmlBeanTest {

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig()
            .service(new ServiceConfig("xml-shop", "xml-import", "xml-export"))
            .service(new ServiceConfig("java-shop", "java-import", "java-export")));

    @Test
    void theSpringXmlBeanTakesDurationTextAndSendsWhatJavaSends() throws Exception {
        try (GenericXmlApplicationContext spring = new GenericXmlApplicationContext()) {
            spring.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                    "DFINERY_SERVICE_ID", "xml-shop", "DFINERY_IMPORT_TOKEN", "xml-import",
                    "DFINERY_EXPORT_TOKEN", "xml-export", "DFINERY_BASE_URI", dfinery.baseUri().toString())));
            spring.load("classpath:META-INF/spring/dfinery-camel-context.xml");
            spring.refresh();
            CamelContext xml = spring.getBean(CamelContext.class);

            DfineryComponent component = xml.getComponent("dfinery", DfineryComponent.class);
            assertThat(component).isSameAs(spring.getBean("dfinery"));
            DfineryConfiguration config = component.getConfiguration();
            assertThat(config.getRequestTimeout()).as("30s").isEqualTo(30_000);
            assertThat(config.getConnectTimeout()).as("5s").isEqualTo(5_000);
            assertThat(config.getRetryDelay()).as("250ms").isEqualTo(250);
            assertThat(config.getRateLimitMaxWait()).as("1m").isEqualTo(60_000);
            assertThat(config.getEventQuotaWindow()).as("1m").isEqualTo(60_000);
            assertThat(component.getQuotaLocalShareMaxTime()).as("5m").isEqualTo(300_000);

            CamelContext java = javaContext();
            try {
                sendAll(xml.createProducerTemplate());
                sendAll(java.createProducerTemplate());
            } finally {
                java.stop();
            }
        }

        assertThat(dfinery.storedEvents("xml-shop")).hasSize(3).isEqualTo(dfinery.storedEvents("java-shop"));
        assertThat(dfinery.storedProfiles("xml-shop")).hasSize(2).isEqualTo(dfinery.storedProfiles("java-shop"));
    }

    static CamelContext javaContext() throws Exception {
        CamelContext java = new DefaultCamelContext();
        DfineryComponent component = new DfineryComponent();
        component.getConfiguration().setServiceId("java-shop");
        component.getConfiguration().setAccessToken("java-import");
        component.getConfiguration().setBaseUri(dfinery.baseUri().toString());
        java.addComponent("dfinery", component);
        java.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events").to("dfinery:event");
                from("direct:identities").to("dfinery:identity");
                from("direct:profiles").to("dfinery:profile");
            }
        });
        java.start();
        return java;
    }

    static void sendAll(ProducerTemplate template) {
        assertOk(template.send("direct:identities", e -> e.getMessage().setBody(
                Map.of("external_id", "s-1", "email", "s1@example.com"))));
        assertOk(template.send("direct:identities", e -> e.getMessage().setBody("{\"external_id\":\"s-2\"}")));
        assertOk(template.send("direct:profiles", e -> {
            e.getMessage().setBody(Map.of("df_name", "Min", "df_membership", "silver"));
            e.getMessage().setHeader(DfineryConstants.EXTERNAL_ID, "s-1");
        }));
        assertOk(template.send("direct:events", e -> e.getMessage().setBody(List.of(
                SampleEvents.eventMap("df_login", "s-1", "2026-11-27T10:00:00Z"),
                SampleEvents.eventMap("df_logout", "s-1", "2026-11-27T11:00:00+09:00"),
                SampleEvents.eventMap("df_login", "s-2", "2026-11-27T12:30:00.125Z")))));
    }

    static void assertOk(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
    }
}
