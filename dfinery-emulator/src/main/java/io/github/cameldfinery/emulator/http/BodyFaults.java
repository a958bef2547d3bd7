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
import java.util.Collections;

import io.github.cameldfinery.emulator.faults.Fault;

/** The faults that spoil an answer's body rather than its status: stalled bodies and broken CSV. */
final class BodyFaults {

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
