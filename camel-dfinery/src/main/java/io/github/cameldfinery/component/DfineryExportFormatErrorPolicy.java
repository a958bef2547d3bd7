package io.github.cameldfinery.component;

/** What the export consumer does with a window whose body is not the expected CSV. */
public enum DfineryExportFormatErrorPolicy {
    /** The poll fails with the exception; the cursor stays and the window is exported again on the next poll. */
    retry,
    /** The window is recorded as skipped (logged at ERROR, counted, shown by the health check); the cursor moves on. */
    skip,
    /** The route is stopped; the cursor stays on the window. */
    stop
}
