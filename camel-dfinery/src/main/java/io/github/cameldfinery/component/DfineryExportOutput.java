package io.github.cameldfinery.component;

/** How exported data reaches the route. */
public enum DfineryExportOutput {
    /** One exchange per CSV row; the body is a Map from column to value. */
    rows,
    /** One exchange per batchSize rows; the body is a List of such Maps. */
    batch,
    /** One exchange per export call; the body is the raw CSV as an InputStream, for sending straight to storage. */
    stream
}
