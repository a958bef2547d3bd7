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
package io.github.cameldfinery.component.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a DFINERY export: column to value, in the CSV's column order, values as DFINERY wrote them (a missing
 * value is the empty string). A {@code Map}, so routes read columns as {@code ${body[df_event_log_id]}}; its own
 * type so that Camel converts it to text without touching other maps: a row converts to one line of NDJSON (the
 * JSON object and a line break), so {@code from("dfinery:export").to("file:…")} writes a file of JSON lines.
 */
public class DfineryExportRow extends LinkedHashMap<String, String> {

    private static final long serialVersionUID = 1L;

    public DfineryExportRow() {
    }

    public DfineryExportRow(Map<String, String> columns) {
        super(columns);
    }
}
