package io.github.cameldfinery.component.api;

/** What {@code dfinery:export} extracts. */
public enum DfineryExportDataset {
    /** Events, by day windows ({@code POST /api/v1/export/event}). */
    events,
    /** Current user profiles, as a snapshot ({@code POST /api/v1/export/userprofile}). */
    userProfiles
}
