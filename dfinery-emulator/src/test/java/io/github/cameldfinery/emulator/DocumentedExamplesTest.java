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

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.emulator.state.ProfileSnapshot;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reference's example requests, sent as its curl examples send them, get the documented answers. */
class DocumentedExamplesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-08-27T03:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig().clock(CLOCK)
            .service(new ServiceConfig(ApiClient.SERVICE, ApiClient.IMPORT_TOKEN, ApiClient.EXPORT_TOKEN)));

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(dfinery.baseUri());
    }

    @Test
    void identityExampleCreatesAUnifiedProfile() {
        HttpResponse<String> response = api.importCall("/api/v1/identities", "{\n"
                + "   \"identity\":{\n"
                + "      \"external_id\": \"dfn-user-123\",\n"
                + "      \"email\": \"dfn@gmail.com\",\n"
                + "      \"phone_no\": \"821012345678\"\n"
                + "   },\n"
                + "   \"request_datetime\":\"2024-06-24T06:01:48.501Z\"\n"
                + "  }");

        assertOk(response);
        ProfileSnapshot profile = dfinery.service(ApiClient.SERVICE).profileByExternalId("dfn-user-123");
        assertThat(profile.identifiers()).containsEntry("email", "dfn@gmail.com").containsEntry("phone_no", "821012345678");
        assertThat(response.headers().firstValue("access_token")).as("no echo of the request header").isEmpty();
    }

    @Test
    void deleteExampleRemovesTheProfile() {
        assertOk(api.importCall("/api/v1/identities", Bodies.identity("{\"external_id\":\"dfn-user-123\"}")));

        HttpResponse<String> response = api.importCall("/api/v1/identities/delete", "{\n"
                + "   \"identity\":{\n"
                + "      \"external_id\": \"dfn-user-123\"\n"
                + "   },\n"
                + "   \"request_datetime\":\"2025-05-13T06:01:48.501Z\"\n"
                + "  }");

        assertOk(response);
        assertThat(dfinery.service(ApiClient.SERVICE).profiles()).isEmpty();
        assertThat(dfinery.service(ApiClient.SERVICE).stats().deletes()).isEqualTo(1);
    }

    @Test
    void userProfileExampleSetsTheProperty() {
        HttpResponse<String> response = api.importCall("/api/v1/user-profile", "{\n"
                + "  \"identity\": {\n"
                + "    \"external_id\": \"dfn-user-123\"\n"
                + "  },\n"
                + "  \"user_properties\": {\n"
                + "    \"df_gender\": \"Female\"\n"
                + "  },\n"
                + "  \"request_datetime\": \"2024-05-14T06:05:46.363Z\"\n"
                + "}");

        assertOk(response);
        assertThat(dfinery.service(ApiClient.SERVICE).profileByExternalId("dfn-user-123").properties().get("df_gender")
                .textValue()).isEqualTo("Female");
    }

    @Test
    void eventExampleIsStoredFieldByField() {
        HttpResponse<String> response = api.importCall("/api/v1/events", "{\n"
                + "    \"common\": { \"identity\": { \"external_id\": \"dfn-user-123\" } },\n"
                + "    \"events\": [ {\n"
                + "      \"event_log_id\": \"0166a71c-caf4-462d-8201-9c30c40f2354\",\n"
                + "      \"event_name\": \"df_purchase\",\n"
                + "      \"event_datetime\": \"2024-08-25T06:42:25.394Z\",\n"
                + "      \"event_items\": [ { \"df_price\": 1000.0 } ],\n"
                + "      \"event_properties\": { \"df_discount\": 0.0 }\n"
                + "    } ]\n"
                + "  }");

        assertOk(response);
        StoredEvent event = dfinery.service(ApiClient.SERVICE).events().get(0);
        assertThat(event.eventLogId()).isEqualTo("0166a71c-caf4-462d-8201-9c30c40f2354");
        assertThat(event.eventName()).isEqualTo("df_purchase");
        assertThat(event.eventDatetime()).isEqualTo("2024-08-25T06:42:25.394Z");
        assertThat(event.items()).hasSize(1);
        assertThat(event.items().get(0).get("df_price").doubleValue()).isEqualTo(1000.0);
        assertThat(event.properties().get("df_discount").doubleValue()).isEqualTo(0.0);
        assertThat(event.externalId()).isEqualTo("dfn-user-123");
        assertThat(event.serverDatetime()).isEqualTo(CLOCK.instant());
    }

    @Test
    void exportExampleAnswersCsvWithTheRequestedColumns() {
        assertOk(api.importCall("/api/v1/events", "{\"common\":{\"identity\":{\"external_id\":\"dfn-user-123\"}},"
                + "\"events\":[{\"event_log_id\":\"0166a71c-caf4-462d-8201-9c30c40f2354\",\"event_name\":\"df_purchase\","
                + "\"event_datetime\":\"2024-08-25T06:42:25.394Z\",\"event_items\":[{\"df_price\":1000.0}],"
                + "\"event_properties\":{\"df_discount\":0.0}}]}"));

        HttpResponse<String> response = api.exportCall("/api/v1/export/event", "{\n"
                + "    \"events\": [\"df_purchase\"],\n"
                + "    \"events_condition_type\": \"include\",\n"
                + "    \"properties\": [\"df_discount\", \"df_items_df_price\"],\n"
                + "    \"properties_condition_type\": \"include\",\n"
                + "    \"from_date\": \"2024-08-25\",\n"
                + "    \"to_date\": \"2024-08-26\"\n"
                + "  }");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        String[] lines = response.body().split("\n");
        assertThat(lines[0]).isEqualTo("df_unified_id,event_name,df_api_version,df_server_datetime,"
                + "df_correction_datetime,df_event_log_id,df_external_id,df_discount,df_items_df_price");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("dfu-").contains(",df_purchase,v1,2024-08-27T03:00:00.000Z,"
                + "2024-08-25T06:42:25.394Z,0166a71c-caf4-462d-8201-9c30c40f2354,dfn-user-123,0.0,1000.0");
    }

    @Test
    void userProfileExportAnswersCsv() {
        assertOk(api.importCall("/api/v1/user-profile", Bodies.profile("dfn-user-123", "{\"df_gender\":\"Female\"}")));
        dfinery.service(ApiClient.SERVICE).audience("nwh3nu", java.util.List.of("dfn-user-123"));

        HttpResponse<String> response = api.exportCall("/api/v1/export/userprofile", "{\n"
                + "    \"audience\": \"nwh3nu\",\n"
                + "    \"properties_condition_type\": \"include\",\n"
                + "    \"properties\": [\"df_gender\"]\n"
                + "  }");

        assertThat(response.statusCode()).isEqualTo(200);
        String[] lines = response.body().split("\n");
        assertThat(lines[0]).isEqualTo("df_unified_id,df_gender");
        assertThat(lines[1]).matches("dfu-\\d+,Female");
    }

    static void assertOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("status").booleanValue()).isTrue();
        assertThat(body.get("code").textValue()).isEqualTo("20000");
        assertThat(body.get("message").textValue()).isEqualTo("OK");
        assertThat(body.get("data").booleanValue()).isTrue();
        assertThat(response.headers().firstValue("x-ratelimit-limit")).isPresent();
        assertThat(response.headers().firstValue("x-ratelimit-remaining")).isPresent();
        assertThat(response.headers().firstValue("x-ratelimit-reset")).isPresent();
    }
}
