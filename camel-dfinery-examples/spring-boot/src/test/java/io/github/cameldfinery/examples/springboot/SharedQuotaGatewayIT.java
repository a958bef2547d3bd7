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
import java.nio.file.Path;
import java.time.Duration;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.quota.QuotaStoreFailover;
import io.github.cameldfinery.component.quota.QuotaStoreUnavailable;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.testsupport.RedisServerExtension;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A replica of the gateway: the quota is counted in Redis, set up by Spring properties only. */
@SpringBootTest(classes = EventGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SharedQuotaGatewayIT {

    @RegisterExtension
    static RedisServerExtension redis = new RedisServerExtension();

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService("gateway", "gw-import", "gw-export");

    @TempDir
    static Path parked;

    @DynamicPropertySource
    static void dfinery(DynamicPropertyRegistry registry) {
        registry.add("camel.component.dfinery.base-uri", () -> dfinery.baseUri().toString());
        registry.add("camel.component.dfinery.access-token", () -> "gw-import");
        registry.add("camel.component.dfinery.quota-store-uri", redis::uri);
        registry.add("camel.component.dfinery.quota-store-unavailable", () -> "LOCAL_SHARE");
        registry.add("camel.component.dfinery.quota-local-share", () -> "0.5");
        registry.add("camel.component.dfinery.quota-local-share-max-time", () -> "2m");
        registry.add("gateway.parked-dir", () -> parked.toString());
        registry.add("gateway.resend-auto-startup", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Test
    void theQuotaIsCountedInRedis() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/events")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString("{\"event_name\":\"df_login\","
                        + "\"event_datetime\":\"2026-11-27T10:00:00Z\",\"identity\":{\"external_id\":\"web-1\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        DfineryComponent component = camel.getComponent("dfinery", DfineryComponent.class);
        assertThat(component.getQuotaStoreUnavailable()).isEqualTo(QuotaStoreUnavailable.LOCAL_SHARE);
        assertThat(component.getQuotaLocalShareMaxTime()).isEqualTo(120_000);
        assertThat(component.quotaGuards().store().describe()).isEqualTo("redis://127.0.0.1:" + redis.port());
        assertThat(component.quotaGuards().storeStatus().state()).isEqualTo(QuotaStoreFailover.State.SHARED);
        assertThat(component.quotaGuards().snapshots()).singleElement()
                .satisfies(snapshot -> assertThat(snapshot.granted()).isEqualTo(1));
    }
}
