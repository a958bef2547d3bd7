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

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The raw CSV body handed to a route in stream mode. It notes, as the route reads, whether the body reached its
 * end, broke off, or was closed before its end, so that whether a window was delivered whole is known without
 * reading after the route: a route that writes the stream to a file or converts it closes it, and a closed HTTP
 * body cannot be read again.
 */
public final class ExportBodyStream extends FilterInputStream {

    private long bytes;
    private boolean ended;
    private boolean closed;
    private IOException failure;

    public ExportBodyStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = (int) track(() -> super.read());
        if (b >= 0) {
            bytes++;
        } else {
            ended = true;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = (int) track(() -> super.read(buffer, offset, length));
        if (n > 0) {
            bytes += n;
        } else if (n < 0) {
            ended = true;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = track(() -> super.skip(n));
        bytes += skipped;
        return skipped;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        super.close();
    }

    /** Bytes read so far. */
    public long bytes() {
        return bytes;
    }

    /**
     * Called once the route is done with the body: reads what the route left unread (if it did not close the
     * stream), and throws unless the body was received whole. Returns the body's size in bytes.
     */
    public long finish() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (!ended && closed) {
            throw new IOException("the route closed the body after " + bytes + " bytes, before its end");
        }
        byte[] buffer = new byte[8192];
        while (!ended) {
            read(buffer, 0, buffer.length);
        }
        close();
        return bytes;
    }

    private long track(IoRead read) throws IOException {
        try {
            return read.get();
        } catch (IOException e) {
            if (!closed) {
                failure = e;
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface IoRead {
        long get() throws IOException;
    }
}
