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
package io.github.cameldfinery.component.export;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.github.cameldfinery.component.error.DfineryConnectionException;
import io.github.cameldfinery.component.error.DfineryExportFormatException;
import io.github.cameldfinery.component.model.DfineryExportRow;

/**
 * Reads an export's CSV (RFC 4180, header row first) one row at a time, as column-to-value maps in column order,
 * one row ahead so that the caller knows which row is the last. The header must name the dataset's columns, and
 * every row must have as many fields as the header; a body that breaks these rules, or is not CSV or not UTF-8,
 * fails with {@link DfineryExportFormatException}. A body that ends early or breaks off fails with the stream's
 * {@link DfineryConnectionException}, never as a short success and never as a format error.
 */
public final class CsvRows implements AutoCloseable {

    private static final ObjectReader READER = new CsvMapper().readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY);

    private final ExportBodyStream body;
    private final MappingIterator<String[]> rows;
    private final String[] header;
    private DfineryExportRow next;
    private long nextLine;
    private long currentLine;
    private long index = -1;

    /**
     * @param required the columns the header must name, which DFINERY includes in every export
     */
    public CsvRows(ExportBodyStream body, List<String> required) throws IOException {
        this(body, whyRequired(required));
    }

    /**
     * @param required the columns the header must name, each with why, for the message
     *                 ({@code which DFINERY includes in every export})
     */
    public CsvRows(ExportBodyStream body, Map<String, String> required) throws IOException {
        this.body = body;
        this.rows = guard(() -> READER.readValues(body), 1);
        String[] first = guard(() -> rows.hasNextValue() ? rows.nextValue() : null, 1);
        if (first == null) {
            throw new DfineryExportFormatException(body.window(), 1, "the body is empty; a header row was expected",
                    null);
        }
        this.header = checkedHeader(first, required);
        advance();
    }

    public boolean hasNext() {
        return next != null;
    }

    /** The next row; afterwards {@link #isLast()} tells whether it was the last one. */
    public DfineryExportRow next() throws IOException {
        DfineryExportRow current = next;
        long line = nextLine;
        advance();
        index++;
        currentLine = line;
        return current;
    }

    /** The 0-based index of the row last returned. */
    public long index() {
        return index;
    }

    /** The 1-based line of the body where the row last returned starts. */
    public long rowLine() {
        return currentLine;
    }

    /** The columns of the header row, in order. */
    public List<String> header() {
        return List.of(header);
    }

    public boolean isLast() {
        return next == null;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }

    private void advance() throws IOException {
        long line = line();
        String[] fields = guard(() -> rows.hasNextValue() ? rows.nextValue() : null, line);
        if (fields == null) {
            next = null;
            return;
        }
        if (fields.length != header.length) {
            throw new DfineryExportFormatException(body.window(), line, "the row has " + fields.length
                    + " fields, the header " + header.length, null);
        }
        DfineryExportRow row = new DfineryExportRow();
        for (int i = 0; i < header.length; i++) {
            row.put(header[i], fields[i]);
        }
        next = row;
        nextLine = line;
    }

    private static Map<String, String> whyRequired(List<String> required) {
        Map<String, String> why = new LinkedHashMap<>();
        required.forEach(column -> why.put(column, "which DFINERY includes in every export"));
        return why;
    }

    private String[] checkedHeader(String[] names, Map<String, String> required) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isBlank()) {
                throw new DfineryExportFormatException(body.window(), 1, "the header row has an empty column name",
                        null);
            }
            if (!seen.add(name)) {
                throw new DfineryExportFormatException(body.window(), 1, "the header row names the column '"
                        + shorten(name) + "' twice", null);
            }
        }
        List<String> missing = required.entrySet().stream().filter(column -> !seen.contains(column.getKey()))
                .map(column -> column.getKey() + " (" + column.getValue() + ")").toList();
        if (!missing.isEmpty()) {
            throw new DfineryExportFormatException(body.window(), 1, "the header row lacks the column "
                    + String.join(" and the column ", missing) + "; it starts " + shorten(Arrays.toString(names)), null);
        }
        return names;
    }

    /** The line the parser stands on: where the next row starts. */
    private long line() {
        JsonLocation location = rows.getCurrentLocation();
        return location == null ? nextLine + 1 : Math.max(1, location.getLineNr());
    }

    /** Reads with the parser; a failure that is not the connection's is a broken body, at {@code line}. */
    private <T> T guard(CsvRead<T> read, long line) throws IOException {
        try {
            return read.get();
        } catch (IOException | RuntimeException e) {
            if (body.brokeOff()) {
                throw body.connectionFailure();
            }
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IOException)) {
                cause = cause.getCause();
            }
            String what = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new DfineryExportFormatException(body.window(), line, shorten(what.lines().findFirst().orElse(what)),
                    e);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    @FunctionalInterface
    private interface CsvRead<T> {
        T get() throws IOException;
    }
}
