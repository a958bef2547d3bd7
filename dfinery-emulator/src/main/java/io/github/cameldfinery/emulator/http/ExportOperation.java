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
package io.github.cameldfinery.emulator.http;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.emulator.export.CsvExportWriter;
import io.github.cameldfinery.emulator.state.EmulatedService;
import io.github.cameldfinery.emulator.validation.ExportQueries.EventQuery;
import io.github.cameldfinery.emulator.validation.ExportQueries.ProfileQuery;

/** What one export endpoint does: validate the body into a query, then stream the matching rows as CSV. */
enum ExportOperation {
    EVENT("/api/v1/export/event") {
        @Override
        Export prepare(EmulatedService service, ObjectNode body, int lookbackDays) {
            EventQuery query = service.exportValidator().eventQuery(body,
                    java.time.LocalDate.now(service.clock().withZone(java.time.ZoneOffset.UTC)), lookbackDays);
            var events = service.eventsBetween(query.from(), query.to());
            return new Export() {
                @Override
                public long rows() {
                    return CsvExportWriter.eventRowCount(events, query);
                }

                @Override
                public boolean write(CsvExportWriter writer, OutputStream out, long cutAfterRows, boolean reversed)
                        throws IOException {
                    return writer.writeEvents(out, events, query, service.registry(), cutAfterRows, reversed);
                }
            };
        }
    },
    USER_PROFILE("/api/v1/export/userprofile") {
        @Override
        Export prepare(EmulatedService service, ObjectNode body, int lookbackDays) {
            ProfileQuery query = service.exportValidator().profileQuery(body);
            var profiles = service.profilesFor(query.audience());
            return new Export() {
                @Override
                public long rows() {
                    return profiles.size();
                }

                @Override
                public boolean write(CsvExportWriter writer, OutputStream out, long cutAfterRows, boolean reversed)
                        throws IOException {
                    return writer.writeProfiles(out, profiles, query, service.registry(), cutAfterRows, reversed);
                }
            };
        }
    };

    /** A validated export, ready to stream. */
    interface Export {
        long rows();

        /** Writes the CSV; false when it stopped at {@code cutAfterRows} (not negative) on purpose. */
        default boolean write(CsvExportWriter writer, OutputStream out, long cutAfterRows) throws IOException {
            return write(writer, out, cutAfterRows, false);
        }

        /** Writes the CSV; {@code reversed}: every event's item rows (every profile row) in reverse order. */
        boolean write(CsvExportWriter writer, OutputStream out, long cutAfterRows, boolean reversed) throws IOException;
    }

    final String path;

    ExportOperation(String path) {
        this.path = path;
    }

    abstract Export prepare(EmulatedService service, ObjectNode body, int lookbackDays);
}
