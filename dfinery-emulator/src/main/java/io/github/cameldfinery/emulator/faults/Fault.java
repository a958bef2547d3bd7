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
package io.github.cameldfinery.emulator.faults;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A failure the emulator injects instead of (or around) a normal answer.
 *
 * @param type  what goes wrong
 * @param delay for {@link Type#DELAY}, how long the answer is held back; for {@link Type#STALL_BODY}, how long the
 *              body stalls before the connection is closed; for {@link Type#SLOW_BODY}, the pause between two pieces
 * @param bytes  for {@link Type#STALL_BODY}, how many bytes of the body are sent before it stalls; for
 *               {@link Type#CUT_BODY_AT}, how many are sent before the connection is closed; for
 *               {@link Type#SLOW_BODY}, how many are sent at a time
 * @param csv    for {@link Type#BROKEN_CSV}, how the CSV is broken
 * @param column for {@link Type#DROPPED_COLUMN} and {@link Type#ADDED_COLUMN}, the column's name
 * @param release for {@link Type#HOLD}, the latch whose release lets the request go on
 */
public record Fault(Type type, Duration delay, long bytes, CsvDefect csv, String column, CountDownLatch release) {

    /**
     * How long a {@link Type#HOLD} waits at most when nobody releases it: a test that fails before its release does
     * not keep the emulator's thread for ever.
     */
    public static final Duration HOLD_LIMIT = Duration.ofMinutes(2);

    public Fault(Type type, Duration delay, long bytes, CsvDefect csv, String column) {
        this(type, delay, bytes, csv, column, null);
    }

    public Fault(Type type, Duration delay) {
        this(type, delay, 0, null, null);
    }

    public Fault(Type type, Duration delay, long bytes, CsvDefect csv) {
        this(type, delay, bytes, csv, null);
    }

    /** The kinds of injected failure. */
    public enum Type {
        /** HTTP 500 with the import envelope {@code 50000} or the export body {@code unknown_error}; nothing stored. */
        HTTP_500,
        /** HTTP 200 carrying a failure: import {@code 50000}, export {@code {"result":"fail"}}; nothing stored. */
        ERROR_UNDER_200,
        /** The request is processed normally, but only after {@link #delay()}. */
        DELAY,
        /**
         * The request is processed normally, but only once {@link #release()} is released (or after
         * {@link #HOLD_LIMIT}): a test holds requests in flight for as long as it needs, without waiting on a clock.
         */
        HOLD,
        /** The connection is closed before the request is processed: nothing stored, no answer. */
        DROP_BEFORE_PROCESSING,
        /** The request is processed and stored, then the connection is closed without an answer. */
        DROP_AFTER_PROCESSING,
        /** Export only: the CSV body stops after about half of its rows and the connection is closed. */
        CUT_EXPORT_BODY,
        /**
         * The request is processed and answered with HTTP 200 and its headers (an import's {@code Content-Length}
         * promises the whole envelope), but the body stops after {@link #bytes()} bytes; the connection stays open
         * and silent for {@link #delay()}, then is closed.
         */
        STALL_BODY,
        /** Export only: HTTP 200 with {@code Content-Type: text/html} and an HTML page, as a proxy or gateway sends. */
        HTML_UNDER_200,
        /** Export only: HTTP 200 {@code text/csv} whose CSV is broken as {@link #csv()} says. */
        BROKEN_CSV,
        /**
         * Export only: HTTP 200 {@code text/csv}, the first {@link #bytes()} bytes of the CSV (all of it when it is
         * shorter), then the connection is closed. A chunked body then never ends; a close-delimited one
         * ({@code EmulatorConfig.exportBodyFraming(CLOSE)}) ends as any other does, so only its content can tell.
         */
        CUT_BODY_AT,
        /**
         * Export only: the export as usual, but every event's item rows in reverse order (for user profiles, the rows
         * in reverse order). The API promises no order.
         */
        REVERSED_ITEM_ROWS,
        /** Export only: the export's CSV without the column {@link #column()}, in its header and in every row. */
        DROPPED_COLUMN,
        /** Export only: the export's CSV with one more column, {@link #column()}, last, holding {@code added}. */
        ADDED_COLUMN,
        /**
         * Export only: the export's CSV, whole, but {@link #bytes()} bytes at a time with a pause of {@link #delay()}
         * after each: a large export that takes its time, bytes still flowing.
         */
        SLOW_BODY
    }

    /** How a {@link Type#BROKEN_CSV} body is broken. */
    public enum CsvDefect {
        /** A row whose first field has a closing quote followed by more text ({@code "broken"quote}). */
        BAD_QUOTE,
        /** A row with one field more than the header. */
        EXTRA_COLUMN,
        /** A row with one field fewer than the header. */
        MISSING_FIELD,
        /** A row whose first field holds bytes that are not UTF-8. */
        BAD_UTF8,
        /** A header row that names none of the export's columns. */
        WRONG_HEADER
    }

    public static Fault http500() {
        return new Fault(Type.HTTP_500, Duration.ZERO);
    }

    public static Fault errorUnder200() {
        return new Fault(Type.ERROR_UNDER_200, Duration.ZERO);
    }

    public static Fault delay(Duration delay) {
        return new Fault(Type.DELAY, delay);
    }

    /**
     * Holds the request, before it is processed, until {@code release} is counted down to zero; then it is processed
     * and answered as usual. One latch may hold many requests.
     */
    public static Fault holdUntil(CountDownLatch release) {
        if (release == null) {
            throw new IllegalArgumentException("release must not be null");
        }
        return new Fault(Type.HOLD, HOLD_LIMIT, 0, null, null, release);
    }

    public static Fault dropBeforeProcessing() {
        return new Fault(Type.DROP_BEFORE_PROCESSING, Duration.ZERO);
    }

    public static Fault dropAfterProcessing() {
        return new Fault(Type.DROP_AFTER_PROCESSING, Duration.ZERO);
    }

    public static Fault cutExportBody() {
        return new Fault(Type.CUT_EXPORT_BODY, Duration.ZERO);
    }

    /** Headers and the first {@code bytes} bytes of the body, then silence for {@code stall}, then a closed connection. */
    public static Fault stallBody(long bytes, Duration stall) {
        return new Fault(Type.STALL_BODY, stall, bytes, null);
    }

    public static Fault htmlUnder200() {
        return new Fault(Type.HTML_UNDER_200, Duration.ZERO);
    }

    /**
     * The export's CSV with a defect: a broken row after the first data row (or right after the header when there
     * is none), or a wrong header row.
     */
    public static Fault brokenCsv(CsvDefect defect) {
        return new Fault(Type.BROKEN_CSV, Duration.ZERO, 0, defect);
    }

    /** Headers and the first {@code bytes} bytes of the CSV body, then a closed connection. */
    public static Fault cutBodyAt(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative, got " + bytes);
        }
        return new Fault(Type.CUT_BODY_AT, Duration.ZERO, bytes, null);
    }

    /** The export with every event's item rows in reverse order (user profiles: all rows in reverse order). */
    public static Fault reversedItemRows() {
        return new Fault(Type.REVERSED_ITEM_ROWS, Duration.ZERO);
    }

    /** The export's whole CSV, {@code bytes} bytes at a time, each followed by a pause of {@code pause}. */
    public static Fault slowBody(long bytes, Duration pause) {
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be positive, got " + bytes);
        }
        return new Fault(Type.SLOW_BODY, pause, bytes, null);
    }

    /** The export's CSV without {@code column}. */
    public static Fault withoutColumn(String column) {
        return new Fault(Type.DROPPED_COLUMN, Duration.ZERO, 0, null, column);
    }

    /** The export's CSV with one more column, {@code column}, last. */
    public static Fault withAddedColumn(String column) {
        return new Fault(Type.ADDED_COLUMN, Duration.ZERO, 0, null, column);
    }
}
