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
package io.github.cameldfinery.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.state.EmulatedService;
import io.github.cameldfinery.emulator.state.StoredEvent;

/** What every variant of the offline-store flow must have done, checked against the emulator. */
final class FlowAssertions {

    private FlowAssertions() {
    }

    static void assertFlow(FlowSummary summary, EmulatedService service) throws Exception {
        // 12 members, 12 consents, 674 order lines (351 orders) in the sample files.
        assertThat(summary.recordsRead()).isEqualTo(12 + 12 + 674);
        assertThat(service.profiles()).hasSize(12);
        assertThat(service.profileByExternalId("M1001").identifiers()).containsKeys("email", "phone_no");
        assertThat(service.profileByExternalId("M1001").properties()).containsKeys("df_sms_ads_optin",
                "df_push_ads_optin", "df_kakao_ads_optin");
        assertThat(summary.eventsAccepted()).isEqualTo(351);
        assertThat(service.stats().eventsStored()).isEqualTo(351);
        assertThat(summary.requestsSent()).isEqualTo(service.stats().requests(ApiKind.EVENT)
                + service.stats().requests(ApiKind.IDENTITY) + service.stats().requests(ApiKind.PROFILE));
        assertThat(service.stats().rejections("40401")).isZero();
        // Every event carries at most 100 events and 100 items per request; the heavy member needs several.
        assertThat(service.stats().requests(ApiKind.EVENT)).isGreaterThan(12);

        Set<String> stored = service.events().stream().map(StoredEvent::eventLogId).collect(Collectors.toSet());
        Set<String> exported = summary.exportedRows().stream().map(row -> row.get("df_event_log_id"))
                .collect(Collectors.toSet());
        assertThat(exported).isEqualTo(stored);
        assertThat(summary.exportedRows()).as("one row per item").hasSize(674);
        assertThat(summary.report()).exists();
        assertThat(java.nio.file.Files.readAllLines(summary.report())).hasSize(675);
    }
}
