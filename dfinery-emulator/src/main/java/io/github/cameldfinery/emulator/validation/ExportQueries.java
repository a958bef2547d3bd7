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
