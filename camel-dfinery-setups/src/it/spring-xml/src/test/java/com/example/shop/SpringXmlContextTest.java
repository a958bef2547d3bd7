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
package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.support.ClassPathXmlApplicationContext;

/** The Spring XML application context as it ships, on the emulator: an event sent to its route is stored. */
class SpringXmlContextTest {

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService("my-service", "import-token",
            "export-token");

    @Test
    void anEventIsStored() {
        // What the environment gives the application: Spring's placeholders read system properties alike.
        System.setProperty("DFINERY_SERVICE_ID", "my-service");
        System.setProperty("DFINERY_BASE_URI", dfinery.baseUri().toString());
        try (ClassPathXmlApplicationContext spring =
                new ClassPathXmlApplicationContext("META-INF/spring/shop-context.xml")) {
            CamelContext camel = spring.getBean("camel", CamelContext.class);
            camel.createProducerTemplate().sendBody("direct:events", Map.of("event_name", "df_login",
                    "event_datetime", "2026-11-27T10:00:00Z", "identity", Map.of("external_id", "web-1")));
            assertThat(dfinery.service("my-service").events()).singleElement()
                    .satisfies(event -> assertThat(event.eventName()).isEqualTo("df_login"));
        }
    }
}
