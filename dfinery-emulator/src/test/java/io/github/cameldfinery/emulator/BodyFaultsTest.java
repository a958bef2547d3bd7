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
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.emulator.state.EmulatedService;
import io.github.cameldfinery.emulator.state.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The faults that spoil an answer's body: stalled bodies, an HTML page under 200, broken CSV, a body cut at a byte,
 * item rows in another order, a column dropped or added.
 */
class BodyFaultsTest {

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
    void anHtmlPageUnderHttp200() {
        service.faults(ApiKind.EXPORT).failNext(1, Fault.htmlUnder200());
        HttpResponse<String> response = api.exportCall("/api/v1/export/event", exportBody);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void brokenCsvPutsTheBrokenRowOnLineThree() {
        api.importCall("/api/v1/events", Bodies.purchases("u1", 3, today + "T01:00:00Z"));
        String healthy = api.exportCall("/api/v1/export/event", exportBody).body();
        int columns = healthy.lines().findFirst().orElseThrow().split(",", -1).length;

        service.faults(ApiKind.EXPORT).failNext(1, Fault.brokenCsv(Fault.CsvDefect.EXTRA_COLUMN))
                .failNext(1, Fault.brokenCsv(Fault.CsvDefect.MISSING_FIELD))
                .failNext(1, Fault.brokenCsv(Fault.CsvDefect.BAD_QUOTE))
                .failNext(1, Fault.brokenCsv(Fault.CsvDefect.WRONG_HEADER));

        String[] extra = api.exportCall("/api/v1/export/event", exportBody).body().split("\n");
        assertThat(extra).hasSize(healthy.split("\n").length + 1);
        assertThat(extra[2].split(",", -1)).hasSize(columns + 1);
        String[] missing = api.exportCall("/api/v1/export/event", exportBody).body().split("\n");
        assertThat(missing[2].split(",", -1)).hasSize(columns - 1);
        assertThat(api.exportCall("/api/v1/export/event", exportBody).body().split("\n")[2]).startsWith("\"broken\"quote,");
        assertThat(api.exportCall("/api/v1/export/event", exportBody).body()).startsWith("id,name,value\n");
    }

    @Test
    void badUtf8() throws Exception {
        api.importCall("/api/v1/events", Bodies.purchases("u1", 1, today + "T01:00:00Z"));
        service.faults(ApiKind.EXPORT).failNext(1, Fault.brokenCsv(Fault.CsvDefect.BAD_UTF8));
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/v1/export/event", ApiClient.SERVICE))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + ApiClient.EXPORT_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(exportBody)).build();
        byte[] body = api.http().send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        assertThat(text.split("\n")[2]).startsWith("a\u00c3(b,");
        assertThat(Arrays.equals(body, new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void cutBodyAtSendsThatManyBytesOfAChunkedBodyThatNeverEnds() throws Exception {
        api.importCall("/api/v1/events", Bodies.purchases("u1", 3, today + "T01:00:00Z"));
        byte[] healthy = api.exportCall("/api/v1/export/event", exportBody).body().getBytes(StandardCharsets.UTF_8);
        service.faults(ApiKind.EXPORT).failNext(1, Fault.cutBodyAt(healthy.length - 3));
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/v1/export/event", ApiClient.SERVICE))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + ApiClient.EXPORT_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(exportBody)).build();

        HttpResponse<InputStream> response = api.http().send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        // The client may drop the bytes it holds once it sees the connection close inside a chunk: what arrives is a
        // part of the body, and the body never ends.
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream body = response.body();
        assertThatThrownBy(() -> body.transferTo(received)).as("a chunked body cut short never ends")
                .isInstanceOf(IOException.class);
        body.close();
        byte[] part = received.toByteArray();
        assertThat(part.length).as("bytes before the cut").isLessThanOrEqualTo(healthy.length - 3);
        assertThat(part).isEqualTo(Arrays.copyOf(healthy, part.length));
    }

    @Test
    void reversedItemRowsListEveryEventsItemsTheOtherWayRound() {
        String body = "{\"common\":{\"identity\":{\"external_id\":\"u1\"}},\"events\":[{\"event_log_id\":"
                + "\"33333333-3333-4333-8333-333333333333\",\"event_name\":\"df_purchase\",\"event_datetime\":\""
                + today + "T10:00:00.000Z\",\"event_items\":[{\"df_item_id\":\"A\"},{\"df_item_id\":\"B\"},"
                + "{\"df_item_id\":\"C\"}]}]}";
        DocumentedExamplesTest.assertOk(api.importCall("/api/v1/events", body));
        String healthy = api.exportCall("/api/v1/export/event", exportBody).body();
        service.faults(ApiKind.EXPORT).failNext(1, Fault.reversedItemRows());

        String reversed = api.exportCall("/api/v1/export/event", exportBody).body();

        List<String> rows = healthy.lines().toList();
        assertThat(reversed.lines().toList()).containsExactly(rows.get(0), rows.get(3), rows.get(2), rows.get(1));
        // Recorded once the body is written, which may be after the client has read it.
        await().untilAsserted(() -> assertThat(service.recentRequests()).last().extracting(RecordedRequest::code)
                .isEqualTo("fault:REVERSED_ITEM_ROWS"));
    }

    @Test
    void aDroppedOrAddedColumnChangesTheHeaderAndEveryRow() {
        api.importCall("/api/v1/events", Bodies.purchases("u1", 2, today + "T01:00:00Z"));
        List<String> healthy = api.exportCall("/api/v1/export/event", exportBody).body().lines().toList();
        int columns = healthy.get(0).split(",", -1).length;
        service.faults(ApiKind.EXPORT).failNext(1, Fault.withoutColumn("df_correction_datetime"))
                .failNext(1, Fault.withAddedColumn("df_new_system_column"));

        List<String> dropped = api.exportCall("/api/v1/export/event", exportBody).body().lines().toList();
        List<String> added = api.exportCall("/api/v1/export/event", exportBody).body().lines().toList();

        assertThat(dropped).hasSize(healthy.size());
        assertThat(dropped.get(0).split(",", -1)).hasSize(columns - 1).doesNotContain("df_correction_datetime");
        assertThat(dropped.get(1).split(",", -1)).hasSize(columns - 1);
        assertThat(added.get(0)).isEqualTo(healthy.get(0) + ",df_new_system_column");
        assertThat(added.get(2)).isEqualTo(healthy.get(2) + ",added");
    }
}
