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
import java.util.Properties;

import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The XML DSL routes as they ship, on Camel Main and the emulator: an event sent behind the throttle is stored. */
class XmlRoutesTest {

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService("my-service", "import-token",
            "export-token");

    @Test
    void anEventIsStored() throws Exception {
        Properties overrides = new Properties();
        overrides.put("camel.component.dfinery.base-uri", dfinery.baseUri().toString());
        Main main = new Main();
        main.setOverrideProperties(overrides);
        main.start();
        try {
            main.getCamelContext().createProducerTemplate().sendBody("direct:send-event", Map.of("event_name",
                    "df_login", "event_datetime", "2026-11-27T10:00:00Z", "identity", Map.of("external_id", "web-1")));
            assertThat(dfinery.service("my-service").events()).singleElement()
                    .satisfies(event -> assertThat(event.eventName()).isEqualTo("df_login"));
        } finally {
            main.stop();
        }
    }
}
