package io.github.cameldfinery.component.export;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The raw CSV body handed to a route in stream mode. {@link #finish()} reads whatever the route left unread, so a
 * body cut short is noticed even when the route did not read to the end.
 */
public final class CompleteBodyStream extends FilterInputStream {

    private long bytes;

    public CompleteBodyStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            bytes++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            bytes += n;
        }
        return n;
    }

    /** Drains the rest of the body; throws if it did not end properly. Returns the body's size in bytes. */
    public long finish() throws IOException {
        byte[] buffer = new byte[8192];
        while (read(buffer, 0, buffer.length) >= 0) {
            // drain
        }
        close();
        return bytes;
    }
}
