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
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.cameldfinery.component.error.DfineryConnectionException;

/**
 * An export's CSV body as it arrives. It notes, as it is read, whether the body reached its end, broke off, or was
 * closed before its end, so that whether a window was delivered whole is known without reading after the route: a
 * route that writes the stream to a file or converts it closes it, and a closed HTTP body cannot be read again.
 *
 * <p>A body whose end only the closed connection marks (HTTP/1.x without Content-Length or chunking, as an HTTP/1.0
 * proxy sends it) is whole only when it ends with a line break outside quotes, as DFINERY's CSV ends its last row:
 * one that ends inside a row was cut short, and its end fails the read instead of ending the stream. A body with a
 * length or chunks is whole when HTTP says so.
 *
 * <p>It also bounds how long the body can hold a thread or a concurrency slot: while a read waits for bytes, and
 * once its exchange is over while nobody reads it ({@link #unattended()}), a timer aborts it after
 * exportReadTimeout without progress, and after a few seconds once its consumer is stopping ({@link #stopping}). An
 * aborted or broken body fails every read with a {@link DfineryConnectionException} naming the reason, never as a
 * short end, and is closed, which releases what it holds.
 */
public final class ExportBodyStream extends FilterInputStream {

    private static final long PAUSED = Long.MIN_VALUE;
    /** At the start of a field: after a comma, a line break, or at the start of the body. */
    private static final int FIELD_START = 0;
    /** In a field without quotes, where a quote is a character like any other. */
    private static final int UNQUOTED = 1;
    /** In a quoted field, where commas and line breaks are data. */
    private static final int QUOTED = 2;
    /** A quote in a quoted field: the field's end, or the first of two that stand for one. */
    private static final int QUOTE_IN_QUOTED = 3;

    private final String window;
    private final long timeoutNanos;
    private final ScheduledExecutorService timer;
    private final Runnable onClose;
    private final boolean closeDelimited;
    private final AtomicBoolean closing = new AtomicBoolean();
    /** While the consumer stops: how long a read may wait for a byte; MAX_VALUE until then. */
    private volatile long stopLimitNanos = Long.MAX_VALUE;
    /** The last byte read, -1 before the first; for a close-delimited body. */
    private int lastByte = -1;
    /** Where the bytes read so far end in RFC 4180's terms; for a close-delimited body. */
    private int csvState = FIELD_START;
    /** Since when the body waits for progress (a read blocked, or an unattended body); PAUSED while the route works. */
    private volatile long waitingSince = PAUSED;
    private volatile boolean unattended;
    private volatile boolean ended;
    private volatile boolean closed;
    private volatile DfineryConnectionException failure;
    private volatile DfineryConnectionException aborted;
    private long bytes;

    /**
     * @param window  what the body holds, for messages ({@code the events export 2026-11-01..2026-11-01})
     * @param onClose runs once when the body is closed or aborted: gives back what the body holds
     */
    public ExportBodyStream(InputStream in, String window, Duration readTimeout, ScheduledExecutorService timer,
                            Runnable onClose) {
        this(in, window, readTimeout, timer, onClose, false);
    }

    /**
     * @param closeDelimited the body has neither a length nor chunks: its end is the connection's, and only a final
     *                       line break outside quotes tells a whole body from one cut short
     */
    public ExportBodyStream(InputStream in, String window, Duration readTimeout, ScheduledExecutorService timer,
                            Runnable onClose, boolean closeDelimited) {
        super(in);
        this.window = window;
        this.timeoutNanos = readTimeout.toNanos();
        this.timer = timer;
        this.onClose = onClose;
        this.closeDelimited = closeDelimited;
        watch(timeoutNanos);
    }

    @Override
    public int read() {
        if (ended) {
            return -1;
        }
        int b = (int) track(() -> super.read());
        if (b >= 0) {
            bytes++;
            if (closeDelimited) {
                scan(b);
            }
        } else {
            end();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (ended) {
            return -1;
        }
        int n = (int) track(() -> super.read(buffer, offset, length));
        if (n > 0) {
            bytes += n;
            if (closeDelimited) {
                for (int i = offset; i < offset + n; i++) {
                    scan(buffer[i]);
                }
            }
        } else if (n < 0) {
            end();
        }
        return n;
    }

    /** Follows RFC 4180's quoting byte by byte (UTF-8 never puts these ASCII bytes inside a multi-byte character). */
    private void scan(int b) {
        int c = b & 0xff;
        switch (csvState) {
            case QUOTED:
                csvState = c == '"' ? QUOTE_IN_QUOTED : QUOTED;
                break;
            case QUOTE_IN_QUOTED:
                csvState = c == '"' ? QUOTED : c == ',' || c == '\n' ? FIELD_START : UNQUOTED;
                break;
            case FIELD_START:
                csvState = c == '"' ? QUOTED : c == ',' || c == '\n' ? FIELD_START : UNQUOTED;
                break;
            default:
                csvState = c == ',' || c == '\n' ? FIELD_START : UNQUOTED;
                break;
        }
        lastByte = c;
    }

    /**
     * The whole body is in: what it holds goes back now, whether or not the reader closes it. A close-delimited body
     * that ends inside a row was cut short: its end fails instead.
     */
    private void end() {
        if (closeDelimited && (lastByte != '\n' || csvState != FIELD_START)) {
            failure = new DfineryConnectionException("The export body of " + window + " ended after " + bytes
                    + " bytes inside a row, without the line break that ends DFINERY's CSV: the connection closed"
                    + " before the body's end (it came with neither a length nor chunking to tell)", true, null);
            closeQuietly();
            throw failure;
        }
        ended = true;
        try {
            close();
        } catch (IOException e) {
            // read to its end: nothing is lost by a failed close
        }
    }

    @Override
    public long skip(long n) {
        if (closeDelimited) {
            // read, so that the end is checked as every byte is
            byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
            int read = buffer.length == 0 ? 0 : read(buffer, 0, buffer.length);
            return Math.max(0, read);
        }
        long skipped = track(() -> super.skip(n));
        bytes += skipped;
        return skipped;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (closing.compareAndSet(false, true)) {
            try {
                super.close();
            } finally {
                onClose.run();
            }
        }
    }

    /** Bytes read so far. */
    public long bytes() {
        return bytes;
    }

    /** What the body holds, as messages name it. */
    public String window() {
        return window;
    }

    /** Whether reading failed for a reason of the connection (broke off, cut, timed out, aborted), not of the content. */
    public boolean brokeOff() {
        return failure != null || aborted != null;
    }

    /** Why reading failed for a reason of the connection; null when it did not. */
    public DfineryConnectionException connectionFailure() {
        return aborted != null ? aborted : failure;
    }

    /**
     * The exchange that carried the body is over: from now on the body is aborted after exportReadTimeout without
     * being read, so that a body the route never closes does not hold its slot for good.
     */
    public void unattended() {
        unattended = true;
        if (waitingSince == PAUSED) {
            waitingSince = System.nanoTime();
        }
    }

    /**
     * Ends the body now: a read waiting for bytes, or any later one, fails with {@code reason}, and the body is
     * closed. Does nothing to a body read to its end or closed already.
     */
    public void abort(String reason) {
        if (ended || closed) {
            return;
        }
        aborted = new DfineryConnectionException("The export body of " + window + " was aborted after " + bytes
                + " bytes: " + reason, true, null);
        closeQuietly();
    }

    /**
     * Its consumer is stopping: from now on a read that waits {@code limit} for a byte (or has waited that long
     * already) aborts the body, so that the stop does not wait on a server that stopped sending.
     */
    public void stopping(Duration limit) {
        stopLimitNanos = limit.toNanos();
        watch(0);
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // the body is given up either way
        }
    }

    /**
     * Called once the route is done with the body: reads what the route left unread (if it did not close the
     * stream), and throws unless the body was received whole. Returns the body's size in bytes.
     */
    public long finish() throws IOException {
        if (aborted != null) {
            throw aborted;
        }
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

    private long track(IoRead read) {
        if (aborted != null) {
            throw aborted;
        }
        if (failure != null) {
            throw failure;
        }
        waitingSince = System.nanoTime();
        try {
            long result = read.get();
            if (aborted != null) {
                throw aborted;
            }
            return result;
        } catch (IOException e) {
            if (aborted != null) {
                throw aborted;
            }
            DfineryConnectionException broken = new DfineryConnectionException("The export body of " + window
                    + " broke off after " + bytes + " bytes: " + e.getMessage(), true, e);
            if (!closed) {
                failure = broken;
            }
            throw broken;
        } finally {
            waitingSince = unattended ? System.nanoTime() : PAUSED;
        }
    }

    private void watch(long delayNanos) {
        try {
            timer.schedule(this::check, Math.max(delayNanos, TimeUnit.MILLISECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // The component is stopping, and aborts every open body itself.
        }
    }

    private void check() {
        if (closed || ended) {
            return;
        }
        long limit = Math.min(timeoutNanos, stopLimitNanos);
        long since = waitingSince;
        if (since == PAUSED) {
            watch(limit);
            return;
        }
        long waited = System.nanoTime() - since;
        if (waited >= limit) {
            long millis = TimeUnit.NANOSECONDS.toMillis(waited);
            abort(limit < timeoutNanos ? "the export consumer is stopping, and DFINERY sent no byte for " + millis
                    + " ms; the window will be exported again"
                    : unattended ? "no byte read for " + millis + " ms (exportReadTimeout); a stream body left unclosed"
                    + " after its exchange ended, or a server that stopped sending"
                    : "no byte from DFINERY for " + millis + " ms (exportReadTimeout)");
        } else {
            watch(limit - waited);
        }
    }

    @FunctionalInterface
    private interface IoRead {
        long get() throws IOException;
    }
}
