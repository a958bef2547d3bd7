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
package io.github.cameldfinery.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.Map;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The starter alone configures the component from application.yaml, and the app sends events to the emulator. */
@SpringBootTest(classes = StarterTestApplication.class)
class StarterApplicationTest {

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService("starter-shop", "starter-import", "x");

    @DynamicPropertySource
    static void emulator(DynamicPropertyRegistry registry) {
        registry.add("camel.component.dfinery.base-uri", () -> dfinery.baseUri().toString());
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    @Autowired
    HttpClient dfineryHttpClient;

    @Test
    void sendsEventsWithTheOptionsOfApplicationYaml() {
        Exchange sent = template.send("direct:events", e -> e.getMessage().setBody(Map.of("event_name", "df_login",
                "event_datetime", "2026-11-27T10:00:00Z", "identity", Map.of("external_id", "starter-user"))));

        assertThat(sent.getException()).isNull();
        assertThat(dfinery.service("starter-shop").events()).extracting(e -> e.identity().get("external_id"))
                .containsExactly("starter-user");
        DfineryComponent component = camel.getComponent("dfinery", DfineryComponent.class);
        assertThat(component.getConfiguration().getRequestTimeout()).as("5s").isEqualTo(5_000);
        assertThat(component.getConfiguration().getRateLimitMaxWait()).as("1m").isEqualTo(60_000);
        assertThat(component.getConfiguration().getEventQuota()).isEqualTo(500_000);
        assertThat(component.getConfiguration().getHttpClient()).as("#dfineryHttpClient").isSameAs(dfineryHttpClient);
    }
}
