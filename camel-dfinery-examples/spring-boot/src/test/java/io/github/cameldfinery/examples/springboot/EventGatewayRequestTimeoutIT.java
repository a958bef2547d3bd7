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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway parks events whose requests timed out and sends them again: DFINERY stored them late, and the resend
 * stores each once. Real time (Failsafe): the component's request-timeout is the JDK HttpClient's, on the system's
 * clock, so the emulator's answer must really come later than it. EventGatewayApplicationTest has the rest.
 */
@SpringBootTest(classes = EventGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventGatewayRequestTimeoutIT {

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService("gateway", "gw-import", "gw-export");

    @TempDir
    static Path parked;

    @DynamicPropertySource
    static void dfinery(DynamicPropertyRegistry registry) {
        registry.add("camel.component.dfinery.base-uri", () -> dfinery.baseUri().toString());
        registry.add("camel.component.dfinery.service-id", () -> "gateway");
        registry.add("camel.component.dfinery.access-token", () -> "gw-import");
        registry.add("camel.component.dfinery.max-retries", () -> "1");
        registry.add("camel.component.dfinery.retry-delay", () -> "10ms");
        registry.add("gateway.parked-dir", () -> parked.toString());
        registry.add("gateway.resend-delay", () -> "100");
        registry.add("gateway.resend-auto-startup", () -> "false");
        registry.add("camel.component.dfinery.request-timeout", () -> "500ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Test
    void aResendAfterARequestTimeoutStoresEachEventOnce() throws Exception {
        // Both attempts time out on our side, but DFINERY stores the events after the delay.
        dfinery.service("gateway").faults(ApiKind.EVENT).failNext(2, Fault.delay(Duration.ofMillis(1500)));

        HttpResponse<String> response = post("[{\"event_name\":\"df_login\",\"event_datetime\":\"2026-11-27T10:00:00Z\","
                + "\"identity\":{\"external_id\":\"web-4\"}},{\"event_name\":\"df_logout\","
                + "\"event_datetime\":\"2026-11-27T10:05:00Z\",\"identity\":{\"external_id\":\"web-4\"}}]");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> storedFor("web-4") == 2);

        long requestsBefore = dfinery.service("gateway").stats().requests(ApiKind.EVENT);
        assertThat(parkedFiles()).anyMatch(f -> read(f).contains("web-4") && read(f).contains("event_log_id"));

        camel.getRouteController().startRoute("resend-parked");
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> parkedFiles().isEmpty()
                    && dfinery.service("gateway").stats().requests(ApiKind.EVENT) > requestsBefore);
        } finally {
            camel.getRouteController().stopRoute("resend-parked");
        }
        assertThat(parked.resolve(".failed")).doesNotExist();
        assertThat(storedFor("web-4")).isEqualTo(2);
        assertThat(dfinery.service("gateway").events()).filteredOn(e -> e.identity().get("external_id").equals("web-4"))
                .extracting(e -> e.eventName()).containsExactly("df_login", "df_logout");
    }

    HttpResponse<String> post(String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    long storedFor(String externalId) {
        return dfinery.service("gateway").events().stream()
                .filter(e -> externalId.equals(e.identity().get("external_id"))).count();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    List<Path> parkedFiles() throws java.io.IOException {
        try (Stream<Path> files = Files.list(parked)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
