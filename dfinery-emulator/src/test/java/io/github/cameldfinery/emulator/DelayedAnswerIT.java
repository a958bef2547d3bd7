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

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.emulator.state.EmulatedService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@code DELAY} that outlasts a client's request timeout, as the client meets it. Failsafe, since the JDK
 * HttpClient's timeout is real time; a request held in flight without a clock is FaultInjectionTest's
 * ({@code Fault.holdUntil}).
 */
class DelayedAnswerIT {

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService(ApiClient.SERVICE,
            ApiClient.IMPORT_TOKEN, ApiClient.EXPORT_TOKEN);

    ApiClient api;
    EmulatedService service;
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    @BeforeEach
    void client() {
        api = new ApiClient(dfinery.baseUri());
        service = dfinery.service(ApiClient.SERVICE);
    }

    @Test
    void delayOutlastsAClientTimeoutButTheRequestIsProcessed() {
        service.faults(ApiKind.EVENT).failNext(1, Fault.delay(Duration.ofMillis(1500)));
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/v1/events", ApiClient.SERVICE))
                .timeout(Duration.ofMillis(300))
                .header("Content-Type", "application/json").header("access_token", ApiClient.IMPORT_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(Bodies.purchases("u1", 1, today + "T00:00:00Z"))).build();
        assertThatThrownBy(() -> api.http().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> service.stats().eventsStored() == 1);
    }
}
