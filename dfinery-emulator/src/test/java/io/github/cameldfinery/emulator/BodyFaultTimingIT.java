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

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The body faults that take real time, as a client meets them: a body that stalls after some bytes and one that
 * comes a piece at a time, a pause after each. Failsafe, since they wait for those pauses; BodyFaultsTest has the
 * rest of the body faults.
 */
class BodyFaultTimingIT {

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService(ApiClient.SERVICE,
            ApiClient.IMPORT_TOKEN, ApiClient.EXPORT_TOKEN);

    ApiClient api;
    EmulatedService service;
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String exportBody = "{\"events_condition_type\":\"all\",\"from_date\":\"" + today + "\",\"to_date\":\"" + today + "\"}";

    @BeforeEach
    void client() {
        api = new ApiClient(dfinery.baseUri());
        service = dfinery.service(ApiClient.SERVICE);
    }

    @Test
    void aStalledImportAnswerSendsItsHeadersAndSomeBytesThenNothing() throws Exception {
        service.faults(ApiKind.EVENT).failNext(1, Fault.stallBody(10, Duration.ofMillis(1_500)));
        long storedBefore = service.stats().eventsStored();
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/v1/events", ApiClient.SERVICE))
                .header("Content-Type", "application/json").header("access_token", ApiClient.IMPORT_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(Bodies.purchases("u1", 1, today + "T00:00:00Z"))).build();

        HttpResponse<InputStream> response = api.http().send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length").orElse(0)).isGreaterThan(10);
        try (InputStream body = response.body()) {
            assertThat(body.readNBytes(10)).hasSize(10);
            long start = System.nanoTime();
            try {
                body.readAllBytes();
            } catch (IOException broken) {
                // the connection is closed after the stall: the body never completes
            }
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1_000);
        }
        assertThat(service.stats().eventsStored()).as("processed before the answer stalled").isEqualTo(storedBefore + 1);
    }

    @Test
    void aSlowBodyComesWholeAPieceAtATime() {
        api.importCall("/api/v1/events", Bodies.purchases("u1", 3, today + "T01:00:00Z"));
        String healthy = api.exportCall("/api/v1/export/event", exportBody).body();
        service.faults(ApiKind.EXPORT).failNext(1, Fault.slowBody(healthy.length() / 4 + 1, Duration.ofMillis(200)));

        long start = System.nanoTime();
        HttpResponse<String> slow = api.exportCall("/api/v1/export/event", exportBody);

        assertThat(slow.body()).isEqualTo(healthy);
        assertThat((System.nanoTime() - start) / 1_000_000).as("four pieces, a pause after each").isGreaterThanOrEqualTo(600);
    }
}
