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
package io.github.cameldfinery.component.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.component.api.DfineryConditionType;
import io.github.cameldfinery.component.api.DfineryExportDataset;
import io.github.cameldfinery.component.api.Json;
import io.github.cameldfinery.component.error.DfineryValidationException;
import org.apache.camel.RuntimeCamelException;

/**
 * One export call: what to extract, and for events the inclusive day range. Validated when built, so a bad filter
 * or range fails before any quota is spent.
 */
public record ExportRequest(DfineryExportDataset dataset, DfineryConditionType eventsCondition, List<String> events,
                            DfineryConditionType propertiesCondition, List<String> properties, String audience,
                            DfineryConditionType identitiesCondition, List<String> identities, LocalDate from,
                            LocalDate to) {

    public static final String EVENT_PATH = "/api/v1/export/event";
    public static final String PROFILE_PATH = "/api/v1/export/userprofile";

    public ExportRequest {
        events = List.copyOf(events);
        properties = List.copyOf(properties);
        identities = List.copyOf(identities);
    }

    public String path() {
        return dataset == DfineryExportDataset.events ? EVENT_PATH : PROFILE_PATH;
    }

    /**
     * The columns an answer to this export must have: df_unified_id, which DFINERY always includes whatever the
     * filters say. A header row without it is not an export's CSV. (The export consumer also needs the row keys of
     * its idempotentRepository.) Every other column may be missing: see {@link #documentedColumns()}.
     */
    public List<String> requiredColumns() {
        return List.of(RowKeys.UNIFIED_ID);
    }

    /**
     * The columns DFINERY documents for every answer to this export, besides df_unified_id: for events the system
     * columns of the API guide (event_name, df_api_version, df_server_datetime, df_correction_datetime) and the
     * event's log id and external id that this project's reading of the API adds; for user profiles
     * df_external_id when the identities asked for include it. The component needs none of them to deliver a row.
     */
    public List<String> documentedColumns() {
        if (dataset == DfineryExportDataset.events) {
            return List.of("event_name", "df_api_version", "df_server_datetime", "df_correction_datetime",
                    RowKeys.EVENT_LOG_ID, "df_external_id");
        }
        boolean externalId = identitiesCondition == DfineryConditionType.all
                             || identitiesCondition == DfineryConditionType.include && identities.contains("df_external_id");
        return externalId ? List.of("df_external_id") : List.of();
    }

    /**
     * Whether this export names every column it asks for (properties include a list), so that a column beyond the
     * documented ones and the listed properties is one nobody asked for.
     */
    public boolean namesItsColumns() {
        return propertiesCondition == DfineryConditionType.include;
    }

    /** The export as messages name it: {@code the events export 2026-11-01..2026-11-01}. */
    public String describe() {
        return from == null ? "the " + dataset + " export" : "the " + dataset + " export " + from + ".." + to;
    }

    /** Checks the filters and, for events, the range against the lookback. */
    public void validate(LocalDate today, int lookbackDays) {
        requireList(eventsCondition, events, "events");
        requireList(propertiesCondition, properties, "properties");
        if (identitiesCondition != null) {
            requireList(identitiesCondition, identities, "identities");
        }
        if (dataset == DfineryExportDataset.events) {
            if (from == null || to == null) {
                throw new DfineryValidationException(from == null ? "fromDate" : "toDate", "required for an event export");
            }
            if (to.isBefore(from)) {
                throw new DfineryValidationException("toDate", to + " is before fromDate " + from);
            }
            LocalDate earliest = today.minusDays(lookbackDays);
            if (from.isBefore(earliest)) {
                throw new DfineryValidationException("fromDate", from + " is more than " + lookbackDays
                        + " days before today (" + today + "); DFINERY exports events from " + earliest + " on");
            }
        }
    }

    /** The JSON body, in the API's field names. */
    public byte[] toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (dataset == DfineryExportDataset.events) {
            put(body, "events", events);
            body.put("events_condition_type", eventsCondition.name());
            put(body, "properties", properties);
            body.put("properties_condition_type", propertiesCondition.name());
            body.put("from_date", from.toString());
            body.put("to_date", to.toString());
        } else {
            put(body, "properties", properties);
            body.put("properties_condition_type", propertiesCondition.name());
            if (audience != null && !audience.isBlank()) {
                body.put("audience", audience);
            }
            if (identitiesCondition != null) {
                put(body, "identities", identities);
                body.put("identities_condition_type", identitiesCondition.name());
            }
        }
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Parses {@code yyyy-MM-dd}, naming the option on failure. */
    public static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text.trim());
        } catch (RuntimeException e) {
            throw new DfineryValidationException(option, "must be a date yyyy-MM-dd, got '" + text + "'");
        }
    }

    private static void put(ObjectNode body, String field, List<String> names) {
        if (!names.isEmpty()) {
            names.forEach(body.putArray(field)::add);
        }
    }

    private static void requireList(DfineryConditionType condition, List<String> names, String option) {
        if (condition != DfineryConditionType.all && names.isEmpty()) {
            throw new DfineryValidationException(option, "required when " + option + "ConditionType is " + condition);
        }
    }

    /** A comma-separated option as a list of names. */
    public static List<String> split(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(names::add);
        return names;
    }
}
