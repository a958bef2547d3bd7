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
package io.github.cameldfinery.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In a Spring Boot web app (whose conversion service formats dates by locale), the export date headers are ISO
 * text, so docs/export.md's file name {@code ${header.CamelDfineryExportFromDate}.ndjson} names a file by its day.
 */
@SpringBootTest(classes = EventGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportFileNameTest {

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService("gateway", "gw-import", "gw-export");

    @TempDir
    static Path warehouse;

    @DynamicPropertySource
    static void dfinery(DynamicPropertyRegistry registry) {
        registry.add("camel.component.dfinery.base-uri", () -> dfinery.baseUri().toString());
        registry.add("camel.component.dfinery.service-id", () -> "gateway");
        registry.add("camel.component.dfinery.access-token", () -> "gw-import");
        registry.add("camel.component.dfinery.bearer-token", () -> "gw-export");
        registry.add("gateway.resend-auto-startup", () -> "false");
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    @Test
    void theDocumentedFileNameIsTheIsoDay() throws Exception {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        template.sendBody("dfinery:event", Map.of("event_name", "df_login",
                "event_datetime", yesterday + "T10:00:00Z", "identity", Map.of("external_id", "web-7")));

        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?startDate=" + yesterday)
                    .setBody(constant("a row\n"))
                    .to("file:" + warehouse + "?fileName=${header.CamelDfineryExportFromDate}.ndjson&fileExist=Append");
            }
        });

        Path expected = warehouse.resolve(yesterday + ".ndjson");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(files()).isNotEmpty());
        assertThat(files()).containsExactly(expected);
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(warehouse)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
