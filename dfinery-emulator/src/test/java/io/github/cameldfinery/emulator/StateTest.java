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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.emulator.state.EmulatedService;
import io.github.cameldfinery.emulator.state.ProfileSnapshot;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deduplication, profile merging, deletes and the token grace period. */
class StateTest {

    static final String T = "2024-06-24T06:42:25.394Z";

    @RegisterExtension
    DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig()
            .service(new ServiceConfig(ApiClient.SERVICE, ApiClient.IMPORT_TOKEN, ApiClient.EXPORT_TOKEN)
                    .oldImportToken("old-import").oldExportToken("old-export")));

    ApiClient api;
    EmulatedService service;

    @BeforeEach
    void client() {
        api = new ApiClient(dfinery.baseUri());
        service = dfinery.service(ApiClient.SERVICE);
    }

    @Test
    void sameEventLogIdIsStoredOnce() {
        String body = Bodies.purchases("u1", 3, T);
        DocumentedExamplesTest.assertOk(api.importCall("/api/v1/events", body));
        DocumentedExamplesTest.assertOk(api.importCall("/api/v1/events", body));
        assertThat(service.stats().eventsStored()).isEqualTo(3);
        assertThat(service.stats().duplicates()).isEqualTo(3);
        assertThat(service.events()).extracting(StoredEvent::eventLogId).doesNotHaveDuplicates();
    }

    @Test
    void deduplicationCanBeSwitchedOff() {
        try (DfineryEmulator emulator = DfineryEmulator.start(new EmulatorConfig().service(
                new ServiceConfig(ApiClient.SERVICE, ApiClient.IMPORT_TOKEN, ApiClient.EXPORT_TOKEN).deduplicate(false)))) {
            ApiClient client = new ApiClient(emulator.baseUri());
            String body = Bodies.purchases("u1", 2, T);
            client.importCall("/api/v1/events", body);
            client.importCall("/api/v1/events", body);
            assertThat(emulator.service(ApiClient.SERVICE).stats().eventsStored()).isEqualTo(4);
        }
    }

    @Test
    void identitiesSharingAnIdentifierMergeIntoOneProfile() {
        api.importCall("/api/v1/identities", Bodies.identity("{\"external_id\":\"u1\"}"));
        api.importCall("/api/v1/identities", Bodies.identity("{\"email\":\"a@example.com\",\"phone_no\":\"821011112222\"}"));
        assertThat(service.profiles()).hasSize(2);
        api.importCall("/api/v1/events", "{\"common\":{\"identity\":{\"phone_no\":\"821011112222\"}},\"events\":["
                + Bodies.event("df_login", T) + "]}");

        api.importCall("/api/v1/identities", Bodies.identity("{\"external_id\":\"u1\",\"email\":\"a@example.com\"}"));

        List<ProfileSnapshot> profiles = service.profiles();
        assertThat(profiles).hasSize(1);
        assertThat(profiles.get(0).identifiers()).containsEntry("external_id", "u1")
                .containsEntry("email", "a@example.com").containsEntry("phone_no", "821011112222");
        StoredEvent event = service.events().get(0);
        assertThat(event.unifiedId()).as("events follow the merge").isEqualTo(profiles.get(0).unifiedId());
        assertThat(event.externalId()).isEqualTo("u1");
        assertThat(event.identity()).containsOnlyKeys("phone_no");
        assertThat(service.stats().merges()).isEqualTo(1);
    }

    @Test
    void propertiesAccumulateAndNullClearsAValue() {
        api.importCall("/api/v1/user-profile", Bodies.profile("u1", "{\"df_name\":\"Kim\",\"df_push_optin\":true}"));
        api.importCall("/api/v1/user-profile", Bodies.profile("u1", "{\"df_gender\":\"Female\",\"df_push_optin\":null}"));
        ProfileSnapshot profile = service.profileByExternalId("u1");
        assertThat(profile.properties().get("df_name").textValue()).isEqualTo("Kim");
        assertThat(profile.properties().get("df_gender").textValue()).isEqualTo("Female");
        assertThat(profile.properties().get("df_push_optin").isNull()).isTrue();
    }

    @Test
    void deletingAnUnknownProfileSucceedsAndChangesNothing() {
        api.importCall("/api/v1/identities", Bodies.identity("{\"external_id\":\"u1\"}"));
        DocumentedExamplesTest.assertOk(api.importCall("/api/v1/identities/delete", Bodies.identity("{\"external_id\":\"u2\"}")));
        assertThat(service.profiles()).hasSize(1);
        assertThat(service.stats().deletes()).isZero();
    }

    @Test
    void oldTokensKeepWorkingDuringTheGracePeriod() {
        DocumentedExamplesTest.assertOk(api.importCall("/api/v1/events", ApiClient.SERVICE, "old-import",
                Bodies.purchases("u1", 1, T)));
        HttpResponse<String> export = api.exportCall("/api/v1/export/userprofile", ApiClient.SERVICE, "old-export",
                "{\"properties_condition_type\":\"all\"}");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(api.importCall("/api/v1/events", ApiClient.SERVICE, "old-export", Bodies.purchases("u1", 1, T))
                .body()).contains("40201");
    }

    @Test
    void theRequestLogSizeIsConfigurable() throws Exception {
        Path file = Files.createTempFile("emulator", ".yaml");
        try {
            Files.writeString(file, "port: 0\nrequest_log_size: 3\nservices:\n  - {service_id: " + ApiClient.SERVICE
                    + ", import_token: " + ApiClient.IMPORT_TOKEN + ", export_token: " + ApiClient.EXPORT_TOKEN + "}\n");
            try (DfineryEmulator emulator = DfineryEmulator.start(EmulatorConfig.read(file))) {
                ApiClient client = new ApiClient(emulator.baseUri());
                for (int i = 0; i < 5; i++) {
                    client.importCall("/api/v1/events", Bodies.purchases("u" + i, 1, T));
                }
                assertThat(emulator.service(ApiClient.SERVICE).recentRequests()).as("the last 3 of 5").hasSize(3)
                        .allSatisfy(r -> assertThat(r.body()).doesNotContain("\"u0\"", "\"u1\""));
                assertThat(emulator.service(ApiClient.SERVICE).stats().requests(ApiKind.EVENT)).isEqualTo(5);
            }
        } finally {
            Files.delete(file);
        }
        assertThat(new EmulatorConfig().requestLogSize()).as("default").isEqualTo(1000);
    }

    @Test
    void requestLogKeepsBodiesButNeverTokens() {
        api.importCall("/api/v1/events", Bodies.purchases("u1", 1, T));
        api.importCall("/api/v1/events", ApiClient.SERVICE, "wrong", Bodies.purchases("u1", 1, T));
        assertThat(service.recentRequests()).hasSize(2);
        assertThat(service.recentRequests().get(1).code()).isEqualTo("40201");
        assertThat(service.recentRequests().toString()).doesNotContain(ApiClient.IMPORT_TOKEN).contains("df_purchase");
    }
}
