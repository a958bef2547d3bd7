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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Spring Boot gateway, configured only through camel.component.dfinery.*, against the emulator. */
@SpringBootTest(classes = EventGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventGatewayApplicationTest {

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
    }

    @LocalServerPort
    int port;

    HttpResponse<String> post(String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void forwardsEventsReceivedOverHttp() throws Exception {
        HttpResponse<String> response = post("[{\"event_name\":\"df_purchase\",\"event_datetime\":\"2026-11-27T10:00:00Z\","
                + "\"identity\":{\"external_id\":\"web-1\"},\"event_properties\":{\"df_order_id\":\"o-1\"}},"
                + "{\"event_name\":\"df_login\",\"event_datetime\":\"2026-11-27T10:01:00Z\",\"identity\":{\"external_id\":\"web-2\"}}]");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"accepted\":2");
        assertThat(dfinery.service("gateway").events()).extracting(e -> e.identity().get("external_id"))
                .containsExactly("web-1", "web-2");
    }

    @Test
    void theComponentsMetersAreOnTheActuatorEndpoints() throws Exception {
        assertThat(post("{\"event_name\":\"df_login\",\"event_datetime\":\"2026-11-27T10:00:00Z\","
                + "\"identity\":{\"external_id\":\"web-9\"}}").statusCode()).isEqualTo(200);

        HttpResponse<String> metric = get("/actuator/metrics/dfinery.requests?tag=outcome:success");
        assertThat(metric.statusCode()).as(metric.body()).isEqualTo(200);
        assertThat(metric.body()).contains("\"name\":\"dfinery.requests\"").contains("\"service\"").contains("gateway");
        HttpResponse<String> prometheus = get("/actuator/prometheus");
        assertThat(prometheus.body()).contains("dfinery_requests_total{api=\"event\",outcome=\"success\",service=\"gateway\"}")
                .contains("dfinery_request_duration_seconds").contains("dfinery_quota_remaining{api=\"event\",service=\"gateway\"}");
    }

    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void badInputIsAnsweredWithTheFieldAndNothingIsSent() throws Exception {
        HttpResponse<String> response = post("{\"event_name\":\"df_login\",\"event_datetime\":\"yesterday\","
                + "\"identity\":{\"external_id\":\"web-1\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("body.event_datetime");
        assertThat(dfinery.service("gateway").stats().totalRequests()).isZero();
    }

    @Test
    void failuresAreParkedNotLost() throws Exception {
        dfinery.service("gateway").faults(ApiKind.EVENT).failNext(2, Fault.http500());

        HttpResponse<String> response = post("{\"event_name\":\"df_login\",\"event_datetime\":\"2026-11-27T10:00:00Z\","
                + "\"identity\":{\"external_id\":\"web-3\"},\"event_log_id\":\"0166a71c-caf4-462d-8201-9c30c40f2354\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        try (Stream<Path> files = Files.list(parked)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).anyMatch(body -> body.contains("0166a71c-caf4-462d-8201-9c30c40f2354"));
        }
        assertThat(dfinery.service("gateway").events()).noneMatch(e -> e.identity().get("external_id").equals("web-3"));
    }
}
