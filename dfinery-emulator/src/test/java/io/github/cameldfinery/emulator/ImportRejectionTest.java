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

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.emulator.state.ServiceStats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error path of the import endpoints: the documented code, a detail naming the field, nothing stored. */
class ImportRejectionTest {

    static final String T = "2024-06-24T06:42:25.394Z";
    static final String UUID = "0166a71c-caf4-462d-8201-9c30c40f2354";

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig()
            .service(new ServiceConfig(ApiClient.SERVICE, ApiClient.IMPORT_TOKEN, ApiClient.EXPORT_TOKEN)));

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(dfinery.baseUri());
    }

    static String ev(String fields) {
        return "{\"common\":{\"identity\":{\"external_id\":\"u1\"}},\"events\":[{" + fields + "}]}";
    }

    static String ok(String extra) {
        return "\"event_log_id\":\"" + UUID + "\",\"event_name\":\"df_purchase\",\"event_datetime\":\"" + T + "\"" + extra;
    }

    static Stream<Arguments> badEvents() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("missing common", "{\"events\":[{" + ok("") + "}]}", "40001", "common: required"));
        cases.add(Arguments.of("missing identity", "{\"common\":{},\"events\":[{" + ok("") + "}]}", "40001",
                "common.identity: required"));
        cases.add(Arguments.of("empty identity", "{\"common\":{\"identity\":{}},\"events\":[{" + ok("") + "}]}", "40001",
                "common.identity: at least one of"));
        cases.add(Arguments.of("blank identifier", "{\"common\":{\"identity\":{\"email\":\" \"}},\"events\":[{" + ok("") + "}]}",
                "40001", "common.identity.email: must not be empty"));
        cases.add(Arguments.of("unknown identifier", "{\"common\":{\"identity\":{\"user_id\":\"x\"}},\"events\":[{" + ok("") + "}]}",
                "40001", "common.identity.user_id: unknown identifier"));
        cases.add(Arguments.of("numeric identifier", "{\"common\":{\"identity\":{\"external_id\":7}},\"events\":[{" + ok("") + "}]}",
                "40001", "common.identity.external_id: must be a string"));
        cases.add(Arguments.of("phone with plus", "{\"common\":{\"identity\":{\"phone_no\":\"+821012345678\"}},\"events\":[{"
                + ok("") + "}]}", "40001", "common.identity.phone_no: must be 8 to 15 digits"));
        cases.add(Arguments.of("phone with dashes", "{\"common\":{\"identity\":{\"phone_no\":\"010-1234-5678\"}},\"events\":[{"
                + ok("") + "}]}", "40001", "common.identity.phone_no"));
        cases.add(Arguments.of("missing events", "{\"common\":{\"identity\":{\"external_id\":\"u1\"}}}", "40001", "events: required"));
        cases.add(Arguments.of("empty events", "{\"common\":{\"identity\":{\"external_id\":\"u1\"}},\"events\":[]}", "40001",
                "events: must hold at least one event"));
        cases.add(Arguments.of("events not array", "{\"common\":{\"identity\":{\"external_id\":\"u1\"}},\"events\":{}}", "40001",
                "events: must be an array"));
        cases.add(Arguments.of("101 events", Bodies.purchases("u1", 101, T), "40402", "events: 101 events"));
        cases.add(Arguments.of("missing event_log_id", ev("\"event_name\":\"df_purchase\",\"event_datetime\":\"" + T + "\""),
                "40001", "events[0].event_log_id: required"));
        cases.add(Arguments.of("malformed event_log_id", ev("\"event_log_id\":\"not-a-uuid\",\"event_name\":\"df_purchase\","
                + "\"event_datetime\":\"" + T + "\""), "40001", "events[0].event_log_id: must be a UUID"));
        cases.add(Arguments.of("uuid without dashes", ev("\"event_log_id\":\"0166a71ccaf4462d82019c30c40f2354\","
                + "\"event_name\":\"df_purchase\",\"event_datetime\":\"" + T + "\""), "40001", "events[0].event_log_id"));
        cases.add(Arguments.of("unregistered event", ev("\"event_log_id\":\"" + UUID + "\",\"event_name\":\"my_event\","
                + "\"event_datetime\":\"" + T + "\""), "40001", "events[0].event_name: 'my_event' is not a registered event"));
        cases.add(Arguments.of("missing event_name", ev("\"event_log_id\":\"" + UUID + "\",\"event_datetime\":\"" + T + "\""),
                "40001", "events[0].event_name: required"));
        cases.add(Arguments.of("non-UTC datetime", ev("\"event_log_id\":\"" + UUID + "\",\"event_name\":\"df_purchase\","
                + "\"event_datetime\":\"2024-06-24T15:42:25.394+09:00\""), "40001", "events[0].event_datetime: must be a UTC datetime"));
        cases.add(Arguments.of("datetime without zone", ev("\"event_log_id\":\"" + UUID + "\",\"event_name\":\"df_purchase\","
                + "\"event_datetime\":\"2024-06-24T06:42:25\""), "40001", "events[0].event_datetime"));
        cases.add(Arguments.of("epoch datetime", ev("\"event_log_id\":\"" + UUID + "\",\"event_name\":\"df_purchase\","
                + "\"event_datetime\":1719211345394"), "40001", "events[0].event_datetime: must be a string"));
        cases.add(Arguments.of("impossible date", ev("\"event_log_id\":\"" + UUID + "\",\"event_name\":\"df_purchase\","
                + "\"event_datetime\":\"2024-13-40T06:42:25Z\""), "40001", "events[0].event_datetime"));
        cases.add(Arguments.of("unknown event field", ev(ok(",\"event_attributes\":{}")), "40001",
                "events[0].event_attributes: unknown field"));
        cases.add(Arguments.of("unregistered property", ev(ok(",\"event_properties\":{\"my_prop\":1}")), "40001",
                "events[0].event_properties.my_prop: not a registered event property"));
        cases.add(Arguments.of("wrong property type", ev(ok(",\"event_properties\":{\"df_discount\":\"ten\"}")), "40001",
                "events[0].event_properties.df_discount: expected Double, got a string"));
        cases.add(Arguments.of("nested object property", ev(ok(",\"event_properties\":{\"df_order_id\":{\"a\":1}}")), "40001",
                "events[0].event_properties.df_order_id: nested objects are not allowed"));
        cases.add(Arguments.of("items inside properties", ev(ok(",\"event_properties\":{\"df_items\":[]}")), "40001",
                "events[0].event_properties.df_items: items belong in event_items"));
        cases.add(Arguments.of("items not array", ev(ok(",\"event_items\":{\"df_price\":1}")), "40001",
                "events[0].event_items: must be an array of objects"));
        cases.add(Arguments.of("item not object", ev(ok(",\"event_items\":[1]")), "40001",
                "events[0].event_items[0]: must be an object"));
        cases.add(Arguments.of("unregistered item property", ev(ok(",\"event_items\":[{\"colour\":\"red\"}]")), "40001",
                "events[0].event_items[0].colour: not a registered item property"));
        cases.add(Arguments.of("decimal quantity", ev(ok(",\"event_items\":[{\"df_quantity\":1.5}]")), "40001",
                "events[0].event_items[0].df_quantity: expected Long, got a decimal number"));
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            items.append(i == 0 ? "" : ",").append("{\"df_price\":1.0}");
        }
        cases.add(Arguments.of("101 items", ev(ok(",\"event_items\":[" + items + "]")), "40001",
                "events[].event_items: 101 items in one request"));
        cases.add(Arguments.of("unknown top-level field", "{\"common\":{\"identity\":{\"external_id\":\"u1\"}},\"events\":[{"
                + ok("") + "}],\"extra\":1}", "40001", "extra: unknown field"));
        cases.add(Arguments.of("NaN", ev(ok(",\"event_properties\":{\"df_discount\":NaN}")), "40000", "body: not valid JSON"));
        cases.add(Arguments.of("not JSON", "hello", "40000", "body: not valid JSON"));
        cases.add(Arguments.of("JSON array body", "[]", "40000", "body: must be a JSON object"));
        cases.add(Arguments.of("duplicate keys", "{\"common\":{\"identity\":{\"external_id\":\"u1\",\"external_id\":\"u2\"}},"
                + "\"events\":[{" + ok("") + "}]}", "40000", "body: not valid JSON"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void badEventRequestsAreRejectedAndNothingIsStored(String name, String body, String code, String detail) {
        assertRejected(api.importCall("/api/v1/events", body), code, detail);
        ServiceStats stats = dfinery.service(ApiClient.SERVICE).stats();
        assertThat(stats.eventsStored()).isZero();
        assertThat(stats.profiles()).as("no profile created by a rejected request").isZero();
        assertThat(stats.rejections(code)).isEqualTo(1);
    }

    static Stream<Arguments> badIdentityAndProfileRequests() {
        return Stream.of(
                Arguments.of("/api/v1/identities", "{\"identity\":{\"external_id\":\"u1\"}}", "request_datetime: required"),
                Arguments.of("/api/v1/identities", Bodies.identity("{}"), "identity: at least one of"),
                Arguments.of("/api/v1/identities", "{\"identity\":{\"external_id\":\"u1\"},\"request_datetime\":\"2024-06-24 06:01\"}",
                        "request_datetime: must be a UTC datetime"),
                Arguments.of("/api/v1/identities", Bodies.identity("{\"phone_no\":\"82-10\"}"), "identity.phone_no"),
                Arguments.of("/api/v1/identities/delete", Bodies.identity("{\"email\":\"a@b.c\"}"),
                        "identity.external_id: required to delete"),
                Arguments.of("/api/v1/user-profile", "{\"identity\":{\"external_id\":\"u1\"},\"request_datetime\":\"" + T + "\"}",
                        "user_properties: required"),
                Arguments.of("/api/v1/user-profile", Bodies.profile("u1", "{\"shoe_size\":42}"),
                        "user_properties.shoe_size: not a registered user property"),
                Arguments.of("/api/v1/user-profile", Bodies.profile("u1", "{\"df_push_optin\":\"yes\"}"),
                        "user_properties.df_push_optin: expected Boolean"),
                Arguments.of("/api/v1/user-profile", Bodies.profile("u1", "{\"df_name\":[\"a\"]}"),
                        "user_properties.df_name: expected String, got an array"),
                Arguments.of("/api/v1/user-profile", "{\"identity\":{\"external_id\":\"u1\"},\"user_properties\":[],"
                        + "\"request_datetime\":\"" + T + "\"}", "user_properties: must be an object"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("badIdentityAndProfileRequests")
    void badIdentityAndProfileRequestsAreRejected(String path, String body, String detail) {
        assertRejected(api.importCall(path, body), "40001", detail);
        assertThat(dfinery.service(ApiClient.SERVICE).profiles()).isEmpty();
    }

    @Test
    void unknownServiceGetsInvalidServiceId() {
        HttpResponse<String> response = api.importCall("/api/v1/events", "nope", ApiClient.IMPORT_TOKEN,
                Bodies.purchases("u1", 1, T));
        assertRejected(response, "40101", "service_id: unknown service 'nope'");
        assertThat(dfinery.emulator().unknownServiceRequests()).isPositive();
        assertThat(dfinery.service(ApiClient.SERVICE).stats().totalRequests()).isZero();
    }

    @Test
    void missingServiceIdIsABadRequest() {
        assertRejected(api.importCall("/api/v1/events", null, ApiClient.IMPORT_TOKEN, Bodies.purchases("u1", 1, T)),
                "40000", "service_id: required query parameter");
    }

    @Test
    void wrongOrMissingTokenGetsInvalidToken() {
        assertRejected(api.importCall("/api/v1/events", ApiClient.SERVICE, "guess", Bodies.purchases("u1", 1, T)),
                "40201", "access_token: not a valid import token");
        assertRejected(api.importCall("/api/v1/events", ApiClient.SERVICE, null, Bodies.purchases("u1", 1, T)),
                "40201", "access_token: header required");
        assertThat(dfinery.service(ApiClient.SERVICE).stats().eventsStored()).isZero();
    }

    @Test
    void exportTokenIsRejectedOnImportEndpoints() {
        assertRejected(api.importCall("/api/v1/user-profile", ApiClient.SERVICE, ApiClient.EXPORT_TOKEN,
                Bodies.profile("u1", "{}")), "40201", "access_token");
    }

    @Test
    void bearerAuthorizationIsNotTheImportScheme() {
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/v1/events", ApiClient.SERVICE))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ApiClient.IMPORT_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(Bodies.purchases("u1", 1, T))).build();
        assertRejected(api.send(request), "40201", "access_token: header required");
    }

    @Test
    void contentTypeMustBeJson() {
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/v1/events", ApiClient.SERVICE))
                .header("Content-Type", "text/plain")
                .header("access_token", ApiClient.IMPORT_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(Bodies.purchases("u1", 1, T))).build();
        assertRejected(api.send(request), "40000", "Content-Type: must be application/json");
    }

    @Test
    void onlyPostIsServed() {
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/v1/events", ApiClient.SERVICE))
                .header("access_token", ApiClient.IMPORT_TOKEN).GET().build();
        HttpResponse<String> response = api.send(request);
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(json(response).get("code").textValue()).isEqualTo("40000");
    }

    @Test
    void errorsCanBeAnsweredWithHttpStatusesToo() {
        try (DfineryEmulator emulator = DfineryEmulator.start(new EmulatorConfig().importErrorsAsHttpStatus(true)
                .service(new ServiceConfig(ApiClient.SERVICE, ApiClient.IMPORT_TOKEN, ApiClient.EXPORT_TOKEN)))) {
            ApiClient client = new ApiClient(emulator.baseUri());
            HttpResponse<String> invalid = client.importCall("/api/v1/events", Bodies.purchases("u1", 101, T));
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(json(invalid).get("code").textValue()).isEqualTo("40402");
            HttpResponse<String> token = client.importCall("/api/v1/events", ApiClient.SERVICE, "x", Bodies.purchases("u1", 1, T));
            assertThat(token.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void unknownPathIsNotFound() {
        HttpResponse<String> response = api.importCall("/api/v1/events/batch", Bodies.purchases("u1", 1, T));
        assertThat(response.statusCode()).isEqualTo(404);
    }

    static void assertRejected(HttpResponse<String> response, String code, String detailStart) {
        JsonNode body = json(response);
        assertThat(body.get("status").booleanValue()).as(response.body()).isFalse();
        assertThat(body.get("code").textValue()).as(response.body()).isEqualTo(code);
        assertThat(body.get("data").isNull()).isTrue();
        assertThat(body.get("detail").textValue()).contains(detailStart);
        if (!code.equals("40401")) {
            assertThat(response.statusCode()).as(response.body()).isIn(200, 404, 405);
        }
    }

}
