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
package io.github.cameldfinery.emulator.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.cameldfinery.emulator.config.Registry;
import io.github.cameldfinery.emulator.state.ProfileSnapshot;
import io.github.cameldfinery.emulator.state.StoredEvent;
import io.github.cameldfinery.emulator.validation.ExportQueries.EventQuery;
import io.github.cameldfinery.emulator.validation.ExportQueries.ProfileQuery;
import io.github.cameldfinery.emulator.validation.ExportValidator;
import io.github.cameldfinery.emulator.validation.NameFilter;

/**
 * Writes export answers as RFC 4180 CSV, row by row onto the response stream, as project decision 9 (export) says:
 * a header row, {@code df_unified_id} first, system columns, then the selected properties in alphabetical order;
 * one row per item; arrays as JSON text; missing values empty.
 */
public final class CsvExportWriter {

    /** The system columns of the event export, after {@code df_unified_id}. */
    public static final List<String> EVENT_SYSTEM_COLUMNS = List.of("event_name", "df_api_version",
            "df_server_datetime", "df_correction_datetime", "df_event_log_id", "df_external_id");
    public static final String ITEM_PREFIX = "df_items_";

    private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    // Strict check: quote only what RFC 4180 requires (comma, quote, CR, LF), as project decision 9 (export) says.
    // The caller owns the response stream: closing it would end a chunked body properly even when a fault
    // wants it cut short.
    private final CsvMapper mapper = CsvMapper.builder()
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

    /**
     * Writes the events; when {@code cutAfterRows} is not negative, stops after that many rows and returns
     * false (the caller then drops the connection, emulating a body cut short).
     */
    public boolean writeEvents(OutputStream out, List<StoredEvent> events, EventQuery query, Registry registry,
                               long cutAfterRows) throws IOException {
        return writeEvents(out, events, query, registry, cutAfterRows, false);
    }

    /**
     * Writes the events as {@link #writeEvents(OutputStream, List, EventQuery, Registry, long)} does; with
     * {@code reversedItems}, every event's item rows come in reverse order (the API promises no order).
     */
    public boolean writeEvents(OutputStream out, List<StoredEvent> events, EventQuery query, Registry registry,
                               long cutAfterRows, boolean reversedItems) throws IOException {
        List<String> columns = eventColumns(registry, query.properties());
        List<String> properties = columns.subList(1 + EVENT_SYSTEM_COLUMNS.size(), columns.size());
        long rows = 0;
        try (SequenceWriter writer = writer(out, columns)) {
            for (StoredEvent event : events) {
                if (!query.events().accepts(event.eventName())) {
                    continue;
                }
                List<ObjectNode> items = event.items().isEmpty() ? java.util.Collections.singletonList(null)
                        : event.items();
                if (reversedItems) {
                    items = new ArrayList<>(items);
                    java.util.Collections.reverse(items);
                }
                for (ObjectNode item : items) {
                    if (rows++ == cutAfterRows) {
                        writer.flush();
                        return false;
                    }
                    writer.write(eventRow(event, item, properties));
                }
            }
        }
        return true;
    }

    /** Writes the profiles; {@code cutAfterRows} as for {@link #writeEvents}. */
    public boolean writeProfiles(OutputStream out, List<ProfileSnapshot> profiles, ProfileQuery query,
                                 Registry registry, long cutAfterRows) throws IOException {
        return writeProfiles(out, profiles, query, registry, cutAfterRows, false);
    }

    /** Writes the profiles; with {@code reversed}, in reverse order. */
    public boolean writeProfiles(OutputStream out, List<ProfileSnapshot> profiles, ProfileQuery query,
                                 Registry registry, long cutAfterRows, boolean reversed) throws IOException {
        if (reversed) {
            profiles = new ArrayList<>(profiles);
            java.util.Collections.reverse(profiles);
        }
        List<String> properties = selected(registry.userProperties().keySet(), query.properties());
        List<String> columns = new ArrayList<>();
        columns.add("df_unified_id");
        if (query.externalIdColumn()) {
            columns.add(ExportValidator.EXTERNAL_ID_COLUMN);
        }
        columns.addAll(properties);
        long rows = 0;
        try (SequenceWriter writer = writer(out, columns)) {
            for (ProfileSnapshot profile : profiles) {
                if (rows++ == cutAfterRows) {
                    writer.flush();
                    return false;
                }
                String[] row = new String[columns.size()];
                int i = 0;
                row[i++] = profile.unifiedId();
                if (query.externalIdColumn()) {
                    row[i++] = profile.externalId();
                }
                for (String property : properties) {
                    row[i++] = text(profile.properties().get(property));
                }
                writer.write(row);
            }
        }
        return true;
    }

    /** The number of rows {@link #writeEvents} writes for these events. */
    public static long eventRowCount(List<StoredEvent> events, EventQuery query) {
        long rows = 0;
        for (StoredEvent event : events) {
            if (query.events().accepts(event.eventName())) {
                rows += Math.max(1, event.items().size());
            }
        }
        return rows;
    }

    private static String[] eventRow(StoredEvent event, ObjectNode item, List<String> properties) {
        String[] row = new String[1 + EVENT_SYSTEM_COLUMNS.size() + properties.size()];
        row[0] = event.unifiedId();
        row[1] = event.eventName();
        row[2] = "v1";
        row[3] = SERVER_TIME.format(event.serverDatetime());
        row[4] = event.eventDatetime();
        row[5] = event.eventLogId();
        row[6] = event.externalId();
        int i = 7;
        for (String property : properties) {
            JsonNode value = property.startsWith(ITEM_PREFIX) && item != null
                    ? item.get(property.substring(ITEM_PREFIX.length()))
                    : event.properties().get(property);
            row[i++] = text(value);
        }
        return row;
    }

    private static List<String> eventPropertyNames(Registry registry) {
        List<String> names = new ArrayList<>(registry.eventProperties().keySet());
        registry.itemProperties().keySet().forEach(item -> names.add(ITEM_PREFIX + item));
        return names;
    }

    private static List<String> selected(Iterable<String> names, NameFilter filter) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String name : names) {
            if (filter.accepts(name)) {
                sorted.add(name);
            }
        }
        return new ArrayList<>(sorted);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private SequenceWriter writer(OutputStream out, List<String> columns) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        return mapper.writer(schema.build()).writeValues(out);
    }

    /** The columns of an event export for the given registry and property filter, in order. */
    public static List<String> eventColumns(Registry registry, NameFilter properties) {
        List<String> columns = new ArrayList<>();
        columns.add("df_unified_id");
        columns.addAll(EVENT_SYSTEM_COLUMNS);
        columns.addAll(selected(eventPropertyNames(registry), properties));
        return columns;
    }

}
