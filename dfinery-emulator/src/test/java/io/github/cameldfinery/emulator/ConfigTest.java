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
package io.github.cameldfinery.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.PropertyType;
import io.github.cameldfinery.emulator.config.RateLimit;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration from YAML, and the admin surface over HTTP. */
class ConfigTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ConfigTest.class.getResource("/" + name).toURI());
    }

    @Test
    void yamlFileConfiguresServicesLimitsRegistryAndAudiences() throws Exception {
        EmulatorConfig config = EmulatorConfig.read(resource("emulator-test.yaml"));
        assertThat(config.rateLimitAnswer()).isEqualTo(EmulatorConfig.RateLimitAnswer.HTTP_200);
        assertThat(config.exportBodyFraming()).isEqualTo(EmulatorConfig.BodyFraming.CLOSE);
        ServiceConfig shop = config.services().get(0);
        assertThat(shop.effectiveRateLimits().get(ApiKind.EVENT)).isEqualTo(new RateLimit(20, Duration.ofSeconds(2)));
        assertThat(shop.effectiveRateLimits().get(ApiKind.EXPORT)).isEqualTo(new RateLimit(3, Duration.ofHours(1)));
        assertThat(shop.effectiveRateLimits().get(ApiKind.PROFILE)).as("documented default")
                .isEqualTo(RateLimit.perMinute(10_000));
        assertThat(shop.effectiveRegistry().userProperties()).containsEntry("interests", PropertyType.ARRAY_OF_STRING)
                .containsEntry("df_name", PropertyType.STRING).containsEntry("df_push_optin", PropertyType.BOOLEAN);
        assertThat(shop.effectiveRegistry().hasEvent("coupon_used")).isTrue();
        assertThat(shop.audiences()).containsKey("vip");
        ServiceConfig blog = config.services().get(1);
        assertThat(blog.effectiveRegistry().hasEvent("df_purchase")).isFalse();
        assertThat(blog.effectiveRegistry().userProperties()).containsKey("df_sms_ads_optin");

        try (DfineryEmulator emulator = DfineryEmulator.start(config)) {
            ApiClient api = new ApiClient(emulator.baseUri());
            HttpResponse<String> ok = api.importCall("/api/v1/events", "shop", "shop-import", "{\"common\":{\"identity\":"
                    + "{\"external_id\":\"u1\"}},\"events\":[{\"event_log_id\":\"33333333-3333-4333-8333-333333333333\","
                    + "\"event_name\":\"coupon_used\",\"event_datetime\":\"2024-06-24T06:42:25Z\","
                    + "\"event_properties\":{\"coupon_code\":\"X\",\"coupon_value\":5}}]}");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-Rate-Limit-Limit")).hasValue("2s");
            assertThat(ok.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("19");
            // through the close-delimited front, answers that are not CSV keep their length
            assertThat(ok.headers().firstValue("Content-Length")).isPresent();
        }
    }

    @Test
    void badConfigurationIsExplained(@TempDir Path dir) throws Exception {
        Path duplicate = dir.resolve("dup.yaml");
        Files.writeString(duplicate, "services:\n  - {service_id: a, import_token: i, export_token: e}\n"
                + "  - {service_id: a, import_token: i, export_token: e}\n");
        assertThatThrownBy(() -> EmulatorConfig.read(duplicate)).hasMessageContaining("service_id 'a' is configured twice");
        Path noToken = dir.resolve("token.yaml");
        Files.writeString(noToken, "services:\n  - {service_id: a, import_token: i}\n");
        assertThatThrownBy(() -> EmulatorConfig.read(noToken)).hasMessageContaining("export_token of service a must be set");
        Path badWindow = dir.resolve("window.yaml");
        Files.writeString(badWindow, "services:\n  - {service_id: a, import_token: i, export_token: e, "
                + "rate_limits: {event: {limit: 5, window: 1w}}}\n");
        assertThatThrownBy(() -> EmulatorConfig.read(badWindow)).hasStackTraceContaining("Window '1w'");
        Path badType = dir.resolve("type.yaml");
        Files.writeString(badType, "services:\n  - {service_id: a, import_token: i, export_token: e, "
                + "registry: {user_properties: {x: Integer}}}\n");
        assertThatThrownBy(() -> EmulatorConfig.read(badType)).hasStackTraceContaining("Unknown property type 'Integer'");
    }

    @Test
    void adminSurfaceShowsStatsStateAndResets() throws Exception {
        try (DfineryEmulator emulator = DfineryEmulator.start(EmulatorConfig.demo().port(0))) {
            ApiClient api = new ApiClient(emulator.baseUri());
            api.importCall("/api/v1/events", "demo-service", "demo-import-token", Bodies.purchases("u1", 2, "2024-06-24T06:42:25Z"));
            api.importCall("/api/v1/events", "demo-service", "demo-import-token", Bodies.purchases("u1", 101, "2024-06-24T06:42:25Z"));

            JsonNode stats = ApiClient.json(api.send(HttpRequest.newBuilder(emulator.baseUri().resolve("/_emulator/stats"))
                    .GET().build()));
            JsonNode demo = stats.get("services").get("demo-service");
            assertThat(demo.get("eventsStored").asLong()).isEqualTo(2);
            assertThat(demo.get("rejections").get("40402").asLong()).isEqualTo(1);
            assertThat(demo.get("quota").get("EVENT").get("used").asLong()).isEqualTo(2);

            JsonNode events = ApiClient.json(api.send(HttpRequest.newBuilder(
                    emulator.baseUri().resolve("/_emulator/services/demo-service/events")).GET().build()));
            assertThat(events).hasSize(2);
            assertThat(events.get(0).get("eventName").textValue()).isEqualTo("df_purchase");

            HttpResponse<String> requests = api.send(HttpRequest.newBuilder(
                    emulator.baseUri().resolve("/_emulator/services/demo-service/requests")).GET().build());
            assertThat(requests.body()).contains("40402").doesNotContain("demo-import-token");

            api.send(HttpRequest.newBuilder(emulator.baseUri().resolve("/_emulator/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(emulator.service("demo-service").stats().eventsStored()).isZero();

            assertThat(api.send(HttpRequest.newBuilder(emulator.baseUri().resolve("/_emulator/services/nope/events"))
                    .GET().build()).statusCode()).isEqualTo(404);
        }
    }
}
