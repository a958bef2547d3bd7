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
// region: test
package com.example.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application as it ships, on the emulator: the starter configures the component from application.yaml. */
@SpringBootTest
class GatewayApplicationTest {

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService("gateway", "import-token",
            "export-token");

    @DynamicPropertySource
    static void dfinery(DynamicPropertyRegistry registry) {
        registry.add("camel.component.dfinery.base-uri", () -> dfinery.baseUri().toString());
    }

    @Autowired
    ProducerTemplate template;

    @Test
    void anEventIsStored() {
        template.sendBody("direct:events", Map.of("event_name", "df_login", "event_datetime", "2026-11-27T10:00:00Z",
                "identity", Map.of("external_id", "web-1")));
        assertThat(dfinery.service("gateway").events()).singleElement()
                .satisfies(event -> assertThat(event.eventName()).isEqualTo("df_login"));
    }
}
// endregion: test
