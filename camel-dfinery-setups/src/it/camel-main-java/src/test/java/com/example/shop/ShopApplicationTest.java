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
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;

import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

// region: test
/**
 * The application as it ships, on the emulator: an order becomes a stored event, and yesterday is exported. The
 * Camel Main setups whose routes (Java or YAML, with or without the Kamelets) have the ids purchases and export
 * run this same test.
 */
class ShopApplicationTest {

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService("my-service", "import-token",
            "export-token");

    @TempDir
    Path warehouse;

    @Test
    void anOrderIsStoredAndYesterdayIsExported() throws Exception {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Properties overrides = new Properties();
        overrides.put("camel.component.dfinery.base-uri", dfinery.baseUri().toString());
        overrides.put("shop.warehouse", warehouse.toString());
        // The export starts once the order is in, so that yesterday's window holds it.
        overrides.put("camel.main.auto-startup-exclude-pattern", "export");
        Main main = new Main();
        main.setOverrideProperties(overrides);
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            context.createProducerTemplate().sendBody("direct:purchases", Map.of("event_name", "df_purchase",
                    "event_datetime", yesterday + "T12:00:00Z", "identity", Map.of("external_id", "member-1"),
                    "event_properties", Map.of("df_order_id", "order-1")));
            assertThat(dfinery.service("my-service").events()).singleElement()
                    .satisfies(event -> assertThat(event.eventName()).isEqualTo("df_purchase"));

            context.getRouteController().startRoute("export");
            Path exported = warehouse.resolve("events").resolve(yesterday + ".ndjson");
            await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(exported)
                    && Files.readString(exported).contains("order-1"));
        } finally {
            main.stop();
        }
    }
}
// endregion: test
