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
package io.github.cameldfinery.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.emulator.ApiKind;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

/** The dfinery dev console shows quota use per service and API, and never a token. */
class DevConsoleTest extends DfineryTestSupport {

    @Test
    void showsUsedAndRemainingPerServiceAndApi() {
        template.sendBody("dfinery:event", List.of(
                DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("u1")).datetime("2026-11-27T00:00:00Z").build(),
                DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("u2")).datetime("2026-11-27T00:00:00Z").build()));
        template.sendBodyAndHeader("dfinery:profile", Map.of("df_name", "A"), DfineryConstants.EXTERNAL_ID, "u1");
        long requestsBefore = service().stats().totalRequests();

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("dfinery");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        String text = (String) console.call(DevConsole.MediaType.TEXT);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> quotas = (List<Map<String, Object>>) json.get("quotas");
        Map<String, Object> events = quotas.stream().filter(q -> "event".equals(q.get("api"))).findFirst().orElseThrow();
        assertThat(events).containsEntry("serviceId", SERVICE).containsEntry("limit", 1_000_000L)
                .containsEntry("used", 2L).containsEntry("remaining", 999_998L).containsEntry("granted", 2L)
                .containsEntry("rejectedByServer", 0L);
        Map<String, Object> profile = quotas.stream().filter(q -> "profile".equals(q.get("api"))).findFirst().orElseThrow();
        assertThat(profile).containsEntry("used", 1L).containsEntry("remaining", 9_999L);
        assertThat(text).contains("shop event: limit 1000000").contains("used 2");
        assertThat(json.toString() + text).doesNotContain(IMPORT_TOKEN).doesNotContain(EXPORT_TOKEN);
        assertThat(service().stats().totalRequests()).as("looking costs no quota").isEqualTo(requestsBefore);
        assertThat(service().stats().requests(ApiKind.EVENT)).isEqualTo(2);
    }

    @Test
    void showsTheExportBudget() {
        template.send("dfinery:export", e -> e.getMessage().setHeader(DfineryConstants.EXPORT_FROM_DATE,
                today().minusDays(1)));

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("dfinery");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> quotas = (List<Map<String, Object>>) ((Map<String, Object>) console
                .call(DevConsole.MediaType.JSON)).get("quotas");
        assertThat(quotas).filteredOn(q -> "export".equals(q.get("api"))).singleElement().satisfies(q -> {
            assertThat(q).containsEntry("serviceId", SERVICE).containsEntry("limit", 100).containsEntry("used", 1)
                    .containsEntry("remaining", 99);
        });
    }
}
