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

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.github.cameldfinery.emulator.faults.Fault;

/** The faults that spoil an answer's body rather than its status: stalled bodies and broken CSV. */
final class BodyFaults {

    /** Quotes only what RFC 4180 requires, as the export's own writer does. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    static final String HTML_PAGE = "<!DOCTYPE html><html><head><title>Service maintenance</title></head>"
                                    + "<body><h1>We'll be back soon</h1></body></html>\n";

    private BodyFaults() {
    }

    /**
     * A stream that passes the first {@code bytes} bytes, flushes them, stays silent for {@code stall} and then
     * makes the server close the connection.
     */
    static OutputStream stalling(OutputStream out, long bytes, Duration stall) {
        return new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                long room = bytes - written;
                if (length <= room) {
                    out.write(buffer, offset, length);
                    written += length;
                    return;
                }
                out.write(buffer, offset, (int) room);
                written = bytes;
                out.flush();
                Exchanges.pause(stall);
                throw Exchanges.drop();
            }
        };
    }

    /**
     * A stream that passes the first {@code bytes} bytes, flushes them and then makes the server close the
     * connection.
     */
    static OutputStream cutting(OutputStream out, long bytes) {
        return stalling(out, bytes, Duration.ZERO);
    }

    /** A stream that passes everything, {@code bytes} bytes at a time, flushing each and pausing {@code pause} after it. */
    static OutputStream trickling(OutputStream out, long bytes, Duration pause) {
        return new FilterOutputStream(out) {
            private long inPiece;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                int at = offset;
                int left = length;
                while (left > 0) {
                    int n = (int) Math.min(left, bytes - inPiece);
                    out.write(buffer, at, n);
                    at += n;
                    left -= n;
                    inPiece += n;
                    if (inPiece == bytes) {
                        out.flush();
                        Exchanges.pause(pause);
                        inPiece = 0;
                    }
                }
            }
        };
    }

    /** The CSV of a healthy answer without {@code column}, in its header and every row; unchanged without it. */
    static byte[] withoutColumn(byte[] csv, String column) throws IOException {
        List<String[]> rows = rows(csv);
        int index = rows.isEmpty() ? -1 : Arrays.asList(rows.get(0)).indexOf(column);
        if (index < 0) {
            return csv;
        }
        List<String[]> changed = new ArrayList<>();
        for (String[] row : rows) {
            List<String> fields = new ArrayList<>(Arrays.asList(row));
            fields.remove(index);
            changed.add(fields.toArray(new String[0]));
        }
        return write(changed);
    }

    /** The CSV of a healthy answer with one more column, {@code column}, last: {@code added} in every row. */
    static byte[] withAddedColumn(byte[] csv, String column) throws IOException {
        List<String[]> changed = new ArrayList<>();
        List<String[]> rows = rows(csv);
        for (int i = 0; i < rows.size(); i++) {
            String[] row = Arrays.copyOf(rows.get(i), rows.get(i).length + 1);
            row[row.length - 1] = i == 0 ? column : "added";
            changed.add(row);
        }
        return write(changed);
    }

    private static List<String[]> rows(byte[] csv) throws IOException {
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(csv)) {
            return rows.readAll();
        }
    }

    private static byte[] write(List<String[]> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SequenceWriter writer = CSV.writerFor(String[].class).writeValues(out)) {
            for (String[] row : rows) {
                writer.write(row);
            }
        }
        return out.toByteArray();
    }

    /** The CSV of a healthy answer, broken as {@code defect} says. */
    static byte[] broken(byte[] csv, Fault.CsvDefect defect) {
        String text = new String(csv, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf('\n') + 1;
        String header = text.substring(0, headerEnd == 0 ? text.length() : headerEnd).stripTrailing();
        String rest = headerEnd == 0 ? "" : text.substring(headerEnd);
        if (defect == Fault.CsvDefect.WRONG_HEADER) {
            return ("id,name,value\n" + rest).getBytes(StandardCharsets.UTF_8);
        }
        int columns = header.split(",", -1).length;
        int firstRowEnd = rest.indexOf('\n') + 1;
        String before = header + "\n" + rest.substring(0, firstRowEnd);
        String after = rest.substring(firstRowEnd);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        String empty = String.join(",", Collections.nCopies(columns - 1, ""));
        switch (defect) {
            case BAD_QUOTE:
                body.writeBytes(("\"broken\"quote," + empty + "\n").getBytes(StandardCharsets.UTF_8));
                break;
            case EXTRA_COLUMN:
                body.writeBytes(("extra," + empty + ",extra\n").getBytes(StandardCharsets.UTF_8));
                break;
            case MISSING_FIELD:
                body.writeBytes((String.join(",", Collections.nCopies(columns - 1, "short")) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                break;
            case BAD_UTF8:
                body.writeBytes(new byte[] { 'a', (byte) 0xC3, (byte) 0x28, 'b' });
                body.writeBytes(("," + empty + "\n").getBytes(StandardCharsets.UTF_8));
                break;
            default:
                throw new IllegalArgumentException("not a row defect: " + defect);
        }
        body.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
