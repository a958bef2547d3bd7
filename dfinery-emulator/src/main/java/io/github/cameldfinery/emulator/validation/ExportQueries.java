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

/** Export requests after validation. */
public final class ExportQueries {

    private ExportQueries() {
    }

    /** {@code POST /api/v1/export/event}: events whose UTC event date lies in {@code [from, to]}. */
    public record EventQuery(NameFilter events, NameFilter properties, LocalDate from, LocalDate to) {
    }

    /** {@code POST /api/v1/export/userprofile}; {@code audience} may be null (all users). */
    public record ProfileQuery(NameFilter properties, String audience, boolean externalIdColumn) {
    }
}
