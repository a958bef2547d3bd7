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
package io.github.cameldfinery.emulator.validation;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.emulator.validation.ExportQueries.EventQuery;
import io.github.cameldfinery.emulator.validation.ExportQueries.ProfileQuery;
import io.github.cameldfinery.emulator.validation.NameFilter.Condition;

/** Checks export request bodies: reference §6 and project decision 9 (export). */
public final class ExportValidator {

    /** The only identity attribute DFINERY exports today (KO docs). */
    public static final String EXTERNAL_ID_COLUMN = "df_external_id";

    private static final List<String> EVENT_BODY = List.of("events", "events_condition_type", "properties",
            "properties_condition_type", "from_date", "to_date");
    private static final List<String> PROFILE_BODY = List.of("properties", "properties_condition_type", "audience",
            "identities", "identities_condition_type");

    private final Set<String> audiences;

    public ExportValidator(Set<String> audiences) {
        this.audiences = audiences;
    }

    /**
     * @param today the current UTC date; {@code from_date} may reach back {@code lookbackDays} days from it
     */
    public EventQuery eventQuery(ObjectNode body, LocalDate today, int lookbackDays) {
        rejectUnknown(body, EVENT_BODY);
        NameFilter events = filter(body, "events", "events_condition_type", true);
        NameFilter properties = filter(body, "properties", "properties_condition_type", false);
        LocalDate from = date(body.get("from_date"), "from_date");
        LocalDate to = date(body.get("to_date"), "to_date");
        if (to.isBefore(from)) {
            throw ExportRejection.invalid("to_date", "must not be before from_date (" + from + "), got " + to);
        }
        LocalDate earliest = today.minusDays(lookbackDays);
        if (from.isBefore(earliest)) {
            throw new ExportRejection(ExportResult.EXCEED_DATE_RANGE_LIMIT, "from_date: " + from + " is more than "
                    + lookbackDays + " days before today (" + today + "); the earliest allowed is " + earliest);
        }
        return new EventQuery(events, properties, from, to);
    }

    public ProfileQuery profileQuery(ObjectNode body) {
        rejectUnknown(body, PROFILE_BODY);
        NameFilter properties = filter(body, "properties", "properties_condition_type", true);
        String audience = null;
        JsonNode audienceNode = body.get("audience");
        if (!Json.absent(audienceNode)) {
            if (!audienceNode.isTextual() || audienceNode.textValue().isBlank()) {
                throw ExportRejection.invalid("audience", "must be a non-empty string");
            }
            audience = audienceNode.textValue();
            if (!audiences.contains(audience)) {
                throw ExportRejection.invalid("audience", "unknown audience '" + audience + "'");
            }
        }
        boolean externalId = false;
        if (!Json.absent(body.get("identities_condition_type")) || !Json.absent(body.get("identities"))) {
            NameFilter identities = filter(body, "identities", "identities_condition_type", true);
            for (String name : identities.names()) {
                if (!EXTERNAL_ID_COLUMN.equals(name)) {
                    throw ExportRejection.invalid("identities", "'" + name + "' cannot be exported; only "
                                                                + EXTERNAL_ID_COLUMN + " is supported");
                }
            }
            externalId = identities.accepts(EXTERNAL_ID_COLUMN);
        }
        return new ProfileQuery(properties, audience, externalId);
    }

    private static NameFilter filter(ObjectNode body, String listField, String conditionField, boolean required) {
        JsonNode conditionNode = body.get(conditionField);
        Condition condition;
        if (Json.absent(conditionNode)) {
            if (required) {
                throw ExportRejection.invalid(conditionField, "required; one of all, include, exclude");
            }
            condition = Condition.ALL;
        } else {
            condition = condition(conditionNode, conditionField);
        }
        Set<String> names = names(body.get(listField), listField);
        if (condition != Condition.ALL && names.isEmpty()) {
            throw ExportRejection.invalid(listField, "required and non-empty when " + conditionField + " is "
                                                     + condition.name().toLowerCase(Locale.ROOT));
        }
        return new NameFilter(condition, names);
    }

    private static Condition condition(JsonNode node, String field) {
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "all": return Condition.ALL;
                case "include": return Condition.INCLUDE;
                case "exclude": return Condition.EXCLUDE;
                default: break;
            }
        }
        throw ExportRejection.invalid(field, "must be one of all, include, exclude, got " + node);
    }

    private static Set<String> names(JsonNode node, String field) {
        Set<String> names = new LinkedHashSet<>();
        if (Json.absent(node)) {
            return names;
        }
        if (!node.isArray()) {
            throw ExportRejection.invalid(field, "must be a list of strings, got " + Json.describe(node));
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode name = node.get(i);
            if (!name.isTextual() || name.textValue().isBlank()) {
                throw ExportRejection.invalid(field + "[" + i + "]", "must be a non-empty string");
            }
            names.add(name.textValue());
        }
        return names;
    }

    private static LocalDate date(JsonNode node, String field) {
        if (Json.absent(node)) {
            throw ExportRejection.invalid(field, "required, yyyy-MM-dd");
        }
        LocalDate date = node.isTextual() ? Datetimes.parseDate(node.textValue()) : null;
        if (date == null) {
            throw ExportRejection.invalid(field, "must be a date yyyy-MM-dd, got " + node);
        }
        return date;
    }

    private static void rejectUnknown(ObjectNode body, List<String> allowed) {
        String unknown = Json.unknownField(body, allowed);
        if (unknown != null) {
            throw ExportRejection.invalid(unknown, "unknown field; expected one of " + allowed);
        }
    }
}
