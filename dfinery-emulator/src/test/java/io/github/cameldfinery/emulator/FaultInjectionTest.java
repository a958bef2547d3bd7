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

import static io.github.cameldfinery.emulator.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.emulator.state.EmulatedService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Injected faults per service and API kind: what the client sees and what the service keeps. */
class FaultInjectionTest {

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

    String event() {
        return Bodies.purchases("u1", 1, today + "T00:00:00Z");
    }

    @Test
    void http500StoresNothing() {
        service.faults(ApiKind.EVENT).failNext(1, Fault.http500());
        HttpResponse<String> response = api.importCall("/api/v1/events", event());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).get("code").textValue()).isEqualTo("50000");
        assertThat(json(response).get("message").textValue()).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(service.stats().eventsStored()).isZero();
        assertThat(api.importCall("/api/v1/events", event()).statusCode()).as("only the next one").isEqualTo(200);
        assertThat(service.stats().faults().get(ApiKind.EVENT)).isEqualTo(1);
    }

    @Test
    void code50000UnderHttp200StoresNothing() {
        service.faults(ApiKind.PROFILE).failNext(1, Fault.errorUnder200());
        HttpResponse<String> response = api.importCall("/api/v1/user-profile", Bodies.profile("u1", "{\"df_name\":\"A\"}"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").booleanValue()).isFalse();
        assertThat(json(response).get("code").textValue()).isEqualTo("50000");
        assertThat(service.profiles()).isEmpty();
    }

    @Test
    void faultsApplyOnlyToTheirKind() {
        service.faults(ApiKind.PROFILE).failNext(3, Fault.http500());
        assertThat(api.importCall("/api/v1/events", event()).statusCode()).isEqualTo(200);
        assertThat(api.importCall("/api/v1/user-profile", Bodies.profile("u1", "{}")).statusCode()).isEqualTo(500);
    }

    @Test
    void dropBeforeProcessingResetsTheConnectionAndStoresNothing() {
        service.faults(ApiKind.EVENT).failNext(1, Fault.dropBeforeProcessing());
        assertThatThrownBy(() -> api.importCall("/api/v1/events", event())).isInstanceOf(UncheckedIOException.class);
        assertThat(service.stats().eventsStored()).isZero();
    }

    @Test
    void dropAfterProcessingStoresButDoesNotAnswer() {
        service.faults(ApiKind.EVENT).failNext(1, Fault.dropAfterProcessing());
        String body = event();
        assertThatThrownBy(() -> api.importCall("/api/v1/events", body)).isInstanceOf(UncheckedIOException.class);
        assertThat(service.stats().eventsStored()).isEqualTo(1);
        assertThat(api.importCall("/api/v1/events", body).statusCode()).as("the retry").isEqualTo(200);
        assertThat(service.stats().eventsStored()).isEqualTo(1);
        assertThat(service.stats().duplicates()).isEqualTo(1);
    }

    @Test
    void aHeldRequestIsProcessedAndAnsweredOnlyOnceReleased() {
        CountDownLatch release = new CountDownLatch(1);
        service.faults(ApiKind.EVENT).failNext(1, Fault.holdUntil(release));

        CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(
                () -> api.importCall("/api/v1/events", event()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> service.faults(ApiKind.EVENT).injected() == 1);
        // The hold comes before processing, so nothing can be stored or answered until the release.
        assertThat(service.stats().eventsStored()).isZero();
        assertThat(held).isNotDone();

        release.countDown();

        assertThat(held.join().statusCode()).isEqualTo(200);
        assertThat(service.stats().eventsStored()).isEqualTo(1);
    }

    @Test
    void aHoldNeedsALatch() {
        assertThatThrownBy(() -> Fault.holdUntil(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("release must not be null");
    }

    @Test
    void fractionOfFailuresIsSeededAndRoughlyRight() {
        service.faults(ApiKind.EVENT).failFraction(0.2, Fault.http500(), 42);
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            if (api.importCall("/api/v1/events", event()).statusCode() == 500) {
                failed++;
            }
        }
        assertThat(failed).isBetween(20, 60);
        assertThat(service.stats().eventsStored()).isEqualTo(200 - failed);
    }

    @Test
    void cutExportBodyIsAnErrorForTheClient() {
        api.importCall("/api/v1/events", Bodies.purchases("u1", 100, today + "T01:00:00Z"));
        service.faults(ApiKind.EXPORT).failNext(1, Fault.cutExportBody());
        String body = "{\"events_condition_type\":\"all\",\"from_date\":\"" + today + "\",\"to_date\":\"" + today + "\"}";
        assertThatThrownBy(() -> api.exportCall("/api/v1/export/event", body))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
        HttpResponse<String> whole = api.exportCall("/api/v1/export/event", body);
        assertThat(whole.body().split("\n")).hasSize(101);
    }

    @Test
    void exportFailuresUnder200And500() {
        service.faults(ApiKind.EXPORT).failNext(1, Fault.errorUnder200()).failNext(1, Fault.http500());
        String body = "{\"properties_condition_type\":\"all\"}";
        HttpResponse<String> under200 = api.exportCall("/api/v1/export/userprofile", body);
        assertThat(under200.statusCode()).isEqualTo(200);
        assertThat(json(under200).get("result").textValue()).isEqualTo("fail");
        assertThat(json(under200).get("message").textValue()).isEqualTo("client_connection_closed");
        HttpResponse<String> http500 = api.exportCall("/api/v1/export/userprofile", body);
        assertThat(http500.statusCode()).isEqualTo(500);
        assertThat(json(http500).get("message").textValue()).isEqualTo("unknown_error");
    }
}
