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

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.PropertyType;
import io.github.cameldfinery.emulator.config.Registry;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Both export endpoints: filters, columns, RFC 4180 quoting, lookback, errors and the concurrency limit. */
class ExportTest {

    // "Today" is 2026-03-10 UTC: the lookback reaches 2026-02-08.
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig().clock(CLOCK)
            .service(new ServiceConfig(ApiClient.SERVICE, ApiClient.IMPORT_TOKEN, ApiClient.EXPORT_TOKEN)
                    .register(new Registry().event("review")
                            .eventProperty("review_text", PropertyType.STRING)
                            .eventProperty("tags", PropertyType.ARRAY_OF_STRING)
                            .eventProperty("scores", PropertyType.ARRAY_OF_DOUBLE)
                            .userProperty("nickname", PropertyType.STRING))));

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(dfinery.baseUri());
    }

    static String exportBody(String from, String to) {
        return "{\"events_condition_type\":\"all\",\"from_date\":\"" + from + "\",\"to_date\":\"" + to + "\"}";
    }

    static List<Map<String, String>> rows(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return it.readAll();
        }
    }

    @Test
    void quotingSurvivesARoundTrip() throws IOException {
        String text = "Great, \"really\" great\nsecond line\r\n한국어 리뷰";
        String body = "{\"common\":{\"identity\":{\"external_id\":\"u,1\"}},\"events\":[{\"event_log_id\":"
                + "\"11111111-1111-4111-8111-111111111111\",\"event_name\":\"review\",\"event_datetime\":\"2026-03-09T23:59:59Z\","
                + "\"event_properties\":{\"review_text\":" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text)
                + ",\"tags\":[\"a,b\",\"c\"],\"scores\":[1.5,2.0],\"df_order_id\":\"\"}}]}";
        DocumentedExamplesTest.assertOk(api.importCall("/api/v1/events", body));

        HttpResponse<String> response = api.exportCall("/api/v1/export/event", exportBody("2026-03-09", "2026-03-09"));

        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, String>> rows = rows(response.body());
        assertThat(rows).hasSize(1);
        Map<String, String> row = rows.get(0);
        assertThat(row.get("review_text")).isEqualTo(text);
        assertThat(row.get("tags")).isEqualTo("[\"a,b\",\"c\"]");
        assertThat(row.get("scores")).isEqualTo("[1.5,2.0]");
        assertThat(row.get("df_order_id")).isEmpty();
        assertThat(row.get("df_discount")).as("missing value is empty").isEmpty();
        assertThat(row.get("df_external_id")).isEqualTo("u,1");
        assertThat(response.body()).contains("\"u,1\"").doesNotStartWith("\uFEFF");
    }

    @Test
    void columnsAreUnifiedIdSystemColumnsThenPropertiesAlphabetically() throws IOException {
        DocumentedExamplesTest.assertOk(api.importCall("/api/v1/events", Bodies.purchases("u1", 1, "2026-03-01T00:00:00Z")));
        HttpResponse<String> response = api.exportCall("/api/v1/export/event", "{\"events_condition_type\":\"all\","
                + "\"properties_condition_type\":\"exclude\",\"properties\":[\"review_text\"],"
                + "\"from_date\":\"2026-03-01\",\"to_date\":\"2026-03-01\"}");
        String header = response.body().substring(0, response.body().indexOf('\n'));
        List<String> columns = List.of(header.split(","));
        assertThat(columns.subList(0, 7)).containsExactly("df_unified_id", "event_name", "df_api_version",
                "df_server_datetime", "df_correction_datetime", "df_event_log_id", "df_external_id");
        List<String> properties = columns.subList(7, columns.size());
        assertThat(properties).isSortedAccordingTo(String::compareTo).doesNotContain("review_text")
                .contains("df_discount", "df_items_df_price", "tags");
    }

    @Test
    void itemsAreFlattenedOneRowPerItem() throws IOException {
        String body = "{\"common\":{\"identity\":{\"external_id\":\"u1\"}},\"events\":[{\"event_log_id\":"
                + "\"22222222-2222-4222-8222-222222222222\",\"event_name\":\"df_purchase\",\"event_datetime\":\"2026-03-02T10:00:00.000Z\","
                + "\"event_items\":[{\"df_item_id\":\"A\",\"df_price\":10.0},{\"df_item_id\":\"B\",\"df_quantity\":3}],"
                + "\"event_properties\":{\"df_order_id\":\"o-1\"}}]}";
        DocumentedExamplesTest.assertOk(api.importCall("/api/v1/events", body));

        List<Map<String, String>> rows = rows(api.exportCall("/api/v1/export/event",
                exportBody("2026-03-02", "2026-03-02")).body());

        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(r -> r.get("df_items_df_item_id")).containsExactly("A", "B");
        assertThat(rows).extracting(r -> r.get("df_order_id")).containsOnly("o-1");
        assertThat(rows.get(0).get("df_items_df_price")).isEqualTo("10.0");
        assertThat(rows.get(1).get("df_items_df_quantity")).isEqualTo("3");
        assertThat(rows.get(1).get("df_items_df_price")).isEmpty();
    }

    @Test
    void datesAreInclusiveUtcDaysAndEventFiltersApply() throws IOException {
        api.importCall("/api/v1/events", Bodies.events("u1",
                Bodies.event("df_purchase", "2026-03-03T23:59:59.999Z"),
                Bodies.event("df_login", "2026-03-04T00:00:00.000Z"),
                Bodies.event("df_purchase", "2026-03-05T12:00:00Z"),
                Bodies.event("df_purchase", "2026-03-06T00:00:00Z")));

        assertThat(rows(api.exportCall("/api/v1/export/event", exportBody("2026-03-04", "2026-03-05")).body()))
                .extracting(r -> r.get("df_correction_datetime"))
                .containsExactly("2026-03-04T00:00:00.000Z", "2026-03-05T12:00:00Z");
        assertThat(rows(api.exportCall("/api/v1/export/event", "{\"events_condition_type\":\"include\","
                + "\"events\":[\"df_login\"],\"from_date\":\"2026-03-01\",\"to_date\":\"2026-03-09\"}").body()))
                .extracting(r -> r.get("event_name")).containsExactly("df_login");
        assertThat(rows(api.exportCall("/api/v1/export/event", "{\"events_condition_type\":\"exclude\","
                + "\"events\":[\"df_login\"],\"from_date\":\"2026-03-01\",\"to_date\":\"2026-03-09\"}").body()))
                .extracting(r -> r.get("event_name")).containsOnly("df_purchase").hasSize(3);
    }

    @Test
    void emptyResultIsJustTheHeader() {
        HttpResponse<String> response = api.exportCall("/api/v1/export/event", exportBody("2026-03-01", "2026-03-02"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().trim()).startsWith("df_unified_id,").doesNotContain("\n");
    }

    @Test
    void lookbackIsThirtyDays() {
        assertThat(api.exportCall("/api/v1/export/event", exportBody("2026-02-08", "2026-02-09")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> tooOld = api.exportCall("/api/v1/export/event", exportBody("2026-02-07", "2026-02-09"));
        assertThat(tooOld.statusCode()).isEqualTo(400);
        assertThat(json(tooOld).get("message").textValue()).isEqualTo("exceed_date_range_limit");
        assertThat(json(tooOld).get("detail").textValue()).startsWith("from_date:");
    }

    @Test
    void invalidParametersNameTheField() {
        assertInvalid("{\"from_date\":\"2026-03-01\",\"to_date\":\"2026-03-02\"}", "events_condition_type: required");
        assertInvalid("{\"events_condition_type\":\"some\",\"from_date\":\"2026-03-01\",\"to_date\":\"2026-03-02\"}",
                "events_condition_type: must be one of all, include, exclude");
        assertInvalid("{\"events_condition_type\":\"include\",\"from_date\":\"2026-03-01\",\"to_date\":\"2026-03-02\"}",
                "events: required and non-empty when events_condition_type is include");
        assertInvalid("{\"events_condition_type\":\"all\",\"from_date\":\"2026-03-05\",\"to_date\":\"2026-03-02\"}",
                "to_date: must not be before from_date");
        assertInvalid("{\"events_condition_type\":\"all\",\"from_date\":\"2026-03-01\"}", "to_date: required");
        assertInvalid("{\"events_condition_type\":\"all\",\"from_date\":\"03/01/2026\",\"to_date\":\"2026-03-02\"}",
                "from_date: must be a date yyyy-MM-dd");
        assertInvalid("{\"events_condition_type\":\"all\",\"properties_condition_type\":\"include\","
                + "\"from_date\":\"2026-03-01\",\"to_date\":\"2026-03-02\"}", "properties: required");
        assertInvalid("{\"events_condition_type\":\"all\",\"events\":\"df_login\",\"from_date\":\"2026-03-01\","
                + "\"to_date\":\"2026-03-02\"}", "events: must be a list of strings");
        assertInvalid("{\"events_condition_type\":\"all\",\"from\":\"2026-03-01\"}", "from: unknown field");
        assertInvalid("not json", "body: not valid JSON");
        HttpResponse<String> profile = api.exportCall("/api/v1/export/userprofile", "{\"properties_condition_type\":\"all\","
                + "\"audience\":\"nobody\"}");
        assertThat(json(profile).get("detail").textValue()).isEqualTo("audience: unknown audience 'nobody'");
        HttpResponse<String> identities = api.exportCall("/api/v1/export/userprofile", "{\"properties_condition_type\":\"all\","
                + "\"identities_condition_type\":\"include\",\"identities\":[\"df_email\"]}");
        assertThat(json(identities).get("detail").textValue()).startsWith("identities: 'df_email' cannot be exported");
        assertThat(dfinery.service(ApiClient.SERVICE).stats().rejections("invalid_parameter")).isEqualTo(12);
    }

    void assertInvalid(String body, String detail) {
        HttpResponse<String> response = api.exportCall("/api/v1/export/event", body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(json(response).get("result").textValue()).isEqualTo("fail");
        assertThat(json(response).get("message").textValue()).isEqualTo("invalid_parameter");
        assertThat(json(response).get("detail").textValue()).as(body).startsWith(detail);
    }

    @Test
    void tokensAreCheckedPerKind() {
        HttpResponse<String> importToken = api.exportCall("/api/v1/export/event", ApiClient.SERVICE,
                ApiClient.IMPORT_TOKEN, exportBody("2026-03-01", "2026-03-01"));
        assertThat(importToken.statusCode()).isEqualTo(401);
        assertThat(json(importToken).get("message").textValue()).isEqualTo("unauthorized_token");
        HttpResponse<String> none = api.exportCall("/api/v1/export/event", ApiClient.SERVICE, null,
                exportBody("2026-03-01", "2026-03-01"));
        assertThat(none.statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = api.exportCall("/api/v1/export/event", "nope", ApiClient.EXPORT_TOKEN,
                exportBody("2026-03-01", "2026-03-01"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("detail").textValue()).isEqualTo("service_id: unknown service 'nope'");
    }

    @Test
    void userProfilesWithAudienceAndExternalId() throws IOException {
        api.importCall("/api/v1/user-profile", Bodies.profile("u1", "{\"nickname\":\"Kim, J\",\"df_push_optin\":true}"));
        api.importCall("/api/v1/user-profile", Bodies.profile("u2", "{\"nickname\":\"Lee\"}"));
        api.importCall("/api/v1/user-profile", Bodies.profile("u3", "{\"df_push_optin\":false}"));
        dfinery.service(ApiClient.SERVICE).audience("vip", List.of("u1", "u3"));

        List<Map<String, String>> rows = rows(api.exportCall("/api/v1/export/userprofile", "{\"audience\":\"vip\","
                + "\"properties_condition_type\":\"include\",\"properties\":[\"nickname\",\"df_push_optin\"],"
                + "\"identities_condition_type\":\"all\"}").body());

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).keySet()).containsExactly("df_unified_id", "df_external_id", "df_push_optin", "nickname");
        assertThat(rows).extracting(r -> r.get("df_external_id")).containsExactly("u1", "u3");
        assertThat(rows.get(0).get("nickname")).isEqualTo("Kim, J");
        assertThat(rows.get(0).get("df_push_optin")).isEqualTo("true");
        assertThat(rows.get(1).get("df_push_optin")).isEqualTo("false");
        assertThat(rows.get(1).get("nickname")).isEmpty();

        List<Map<String, String>> all = rows(api.exportCall("/api/v1/export/userprofile",
                "{\"properties_condition_type\":\"all\"}").body());
        assertThat(all).hasSize(3);
        assertThat(all.get(0)).doesNotContainKey("df_external_id").containsKey("df_sms_ads_optin");
    }

    @Test
    void atMostFiveExportsRunAtOnce() {
        CountDownLatch release = new CountDownLatch(1);
        dfinery.service(ApiClient.SERVICE).faults(ApiKind.EXPORT).failNext(5, Fault.holdUntil(release));
        List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                running.add(CompletableFuture.supplyAsync(() -> api.exportCall("/api/v1/export/userprofile",
                        "{\"properties_condition_type\":\"all\"}")));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> dfinery.service(ApiClient.SERVICE).stats().exportsInFlight() == 5);

            HttpResponse<String> sixth = api.exportCall("/api/v1/export/userprofile", "{\"properties_condition_type\":\"all\"}");

            assertThat(sixth.statusCode()).isEqualTo(429);
            assertThat(json(sixth).get("message").textValue()).isEqualTo("too_many_api_requests");
            assertThat(json(sixth).get("detail").textValue()).contains("5 exports already running");
        } finally {
            release.countDown();
        }
        assertThat(running.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).collect(Collectors.toList()))
                .containsOnly(200);
        assertThat(dfinery.service(ApiClient.SERVICE).stats().peakConcurrentExports()).isEqualTo(5);
        assertThat(dfinery.service(ApiClient.SERVICE).stats().quota().get(ApiKind.EXPORT).used())
                .as("a refused concurrent call does not spend the hourly quota").isEqualTo(5);
    }
}
