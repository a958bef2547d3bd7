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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cameldfinery.component.quota.QuotaGuard;
import io.github.cameldfinery.component.quota.QuotaGuards;
import io.github.cameldfinery.component.quota.QuotaStoreFailover;
import io.github.cameldfinery.component.spi.DfineryExportBudget;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;

/**
 * Camel dev console {@code dfinery}: quota use per service and API kind (what the guards know from the server's
 * headers, what they let through, refused, and any 429 seen) and the export budgets. Shows no token, and calls no
 * API: looking costs no quota.
 */
@DevConsole(group = "camel", name = "dfinery", displayName = "DFINERY",
                                             description = "DFINERY quota use per service and API")
public class DfineryDevConsole extends AbstractDevConsole {

    public DfineryDevConsole() {
        super("camel", "dfinery", "DFINERY", "DFINERY quota use per service and API");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        Map<String, Object> store = store();
        if (store != null) {
            text.append(String.format("quota store %s: %s%s%n", store.get("store"), store.get("state"),
                    store.get("lastFailure") == null ? "" : " (" + store.get("lastFailure") + ")"));
        }
        for (Map<String, Object> row : rows()) {
            text.append(String.format("%s %s: limit %s per %s, used %s, remaining %s, resets %s, granted %s, refused %s, "
                                      + "429s %s%n", row.get("serviceId"), row.get("api"), row.get("limit"),
                    row.get("window"), row.get("used"), row.get("remaining"), row.get("resetAt"), row.get("granted"),
                    row.get("refused"), row.get("rejectedByServer")));
        }
        return text.length() == 0 ? "No DFINERY requests yet\n" : text.toString();
    }

    /** Where the quotas are counted and whether the store answers; null with the in-memory store. */
    private Map<String, Object> store() {
        QuotaGuards guards = guards();
        QuotaStoreFailover.Status status = guards == null ? null : guards.storeStatus();
        if (status == null) {
            return null;
        }
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("store", status.store());
        store.put("state", status.state().name());
        store.put("downSince", status.downSince() == null ? null : status.downSince().toString());
        store.put("localShareEnds", status.localShareEnds() == null ? null : status.localShareEnds().toString());
        store.put("lastFailure", status.lastFailure());
        return store;
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("quotas", rows());
        Map<String, Object> store = store();
        if (store != null) {
            json.put("quotaStore", store);
        }
        return json;
    }

    private QuotaGuards guards() {
        DfineryComponent component = getCamelContext().hasComponent("dfinery") instanceof DfineryComponent
                ? (DfineryComponent) getCamelContext().hasComponent("dfinery") : null;
        return component == null ? null : component.quotaGuards();
    }

    private List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        QuotaGuards guards = guards();
        if (guards == null) {
            return rows;
        }
        for (QuotaGuard.Snapshot snapshot : guards.snapshots()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("serviceId", snapshot.serviceId());
            row.put("api", snapshot.api());
            row.put("limit", snapshot.limit());
            row.put("window", snapshot.window().toString());
            row.put("used", snapshot.used());
            row.put("remaining", snapshot.remaining());
            row.put("resetAt", snapshot.resetAt() == null ? null : snapshot.resetAt().toString());
            row.put("granted", snapshot.granted());
            row.put("refused", snapshot.refused());
            row.put("rejectedByServer", snapshot.rejectedByServer());
            row.put("waiting", snapshot.waiting());
            rows.add(row);
        }
        for (Map.Entry<String, DfineryExportBudget> entry : guards.exportBudgets().entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("serviceId", entry.getKey());
            row.put("api", "export");
            row.put("limit", entry.getValue().limit());
            row.put("window", entry.getValue().window().toString());
            row.put("used", entry.getValue().limit() - entry.getValue().remaining());
            row.put("remaining", entry.getValue().remaining());
            row.put("resetAt", entry.getValue().nextSlot().toString());
            rows.add(row);
        }
        return rows;
    }
}
