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

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.emulator.state.EmulatedService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code export_body_framing: close}: CSV answers come without Content-Length or chunking and end with the
 * connection, so a body cut at a byte ends as a whole one does; every other answer passes through unchanged.
 */
class CloseDelimitedFramingTest {

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService(ApiClient.SERVICE,
            ApiClient.IMPORT_TOKEN, ApiClient.EXPORT_TOKEN)
            .configure(config -> config.exportBodyFraming(EmulatorConfig.BodyFraming.CLOSE));

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
    void anExportBodyHasNeitherALengthNorChunksAndEndsWithTheConnection() {
        for (int i = 0; i < 3; i++) {
            // imports answer with a length, over connections that stay open
            DocumentedExamplesTest.assertOk(api.importCall("/api/v1/events", Bodies.purchases("u" + i, 2,
                    today + "T01:00:00Z")));
        }

        HttpResponse<String> export = api.exportCall("/api/v1/export/event", exportBody);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Length")).isEmpty();
        assertThat(export.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(export.headers().firstValue("Connection")).hasValue("close");
        assertThat(export.body().lines()).hasSize(7).first().asString().startsWith("df_unified_id,");
        assertThat(export.body()).endsWith("\n");
        assertThat(api.exportCall("/api/v1/export/event", "{}").statusCode()).as("JSON failures unchanged").isEqualTo(400);
    }

    @Test
    void aBodyCutAtAByteEndsLikeAWholeOne() {
        api.importCall("/api/v1/events", Bodies.purchases("u1", 3, today + "T01:00:00Z"));
        byte[] healthy = api.exportCall("/api/v1/export/event", exportBody).body().getBytes(StandardCharsets.UTF_8);
        service.faults(ApiKind.EXPORT).failNext(1, Fault.cutBodyAt(healthy.length - 5));

        HttpResponse<String> cut = api.exportCall("/api/v1/export/event", exportBody);

        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(cut.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(Arrays.copyOf(healthy, healthy.length - 5));
        assertThat(api.exportCall("/api/v1/export/event", exportBody).body().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(healthy);
    }
}
