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

/**
 * An export's CSV body as it arrives. It notes, as it is read, whether the body reached its end, broke off, or was
 * closed before its end, so that whether a window was delivered whole is known without reading after the route: a
 * route that writes the stream to a file or converts it closes it, and a closed HTTP body cannot be read again.
 *
 * <p>It also bounds how long the body can hold a thread or a concurrency slot: while a read waits for bytes, and
 * once its exchange is over while nobody reads it ({@link #unattended()}), a timer aborts it after
 * exportReadTimeout without progress. An aborted body fails every read with the reason, never as a short end, and
 * is closed, which releases what it holds.
 */
public final class ExportBodyStream extends FilterInputStream {

    private static final long PAUSED = Long.MIN_VALUE;

    private final String window;
    private final long timeoutNanos;
    private final ScheduledExecutorService timer;
    private final Runnable onClose;
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Since when the body waits for progress (a read blocked, or an unattended body); PAUSED while the route works. */
    private volatile long waitingSince = PAUSED;
    private volatile boolean unattended;
    private volatile boolean ended;
    private volatile boolean closed;
    private volatile IOException failure;
    private volatile IOException aborted;
    private long bytes;

    /**
     * @param window  what the body holds, for messages ({@code the events export 2026-11-01..2026-11-01})
     * @param onClose runs once when the body is closed or aborted: gives back what the body holds
     */
    public ExportBodyStream(InputStream in, String window, Duration readTimeout, ScheduledExecutorService timer,
                            Runnable onClose) {
        super(in);
        this.window = window;
        this.timeoutNanos = readTimeout.toNanos();
        this.timer = timer;
        this.onClose = onClose;
        watch(timeoutNanos);
    }

    @Override
    public int read() throws IOException {
        if (ended) {
            return -1;
        }
        int b = (int) track(() -> super.read());
        if (b >= 0) {
            bytes++;
        } else {
            end();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (ended) {
            return -1;
        }
        int n = (int) track(() -> super.read(buffer, offset, length));
        if (n > 0) {
            bytes += n;
        } else if (n < 0) {
            end();
        }
        return n;
    }

    /** The whole body is in: what it holds goes back now, whether or not the reader closes it. */
    private void end() {
        ended = true;
        try {
            close();
        } catch (IOException e) {
            // read to its end: nothing is lost by a failed close
        }
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

    /** Whether reading failed for a reason of the connection (broke off, timed out, aborted), not of the content. */
    public boolean brokeOff() {
        return failure != null || aborted != null;
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
        aborted = new IOException("The export body of " + window + " was aborted after " + bytes + " bytes: " + reason);
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

    private long track(IoRead read) throws IOException {
        if (aborted != null) {
            throw aborted;
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
            if (!closed) {
                failure = e;
            }
            throw e;
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
        long since = waitingSince;
        if (since == PAUSED) {
            watch(timeoutNanos);
            return;
        }
        long waited = System.nanoTime() - since;
        if (waited >= timeoutNanos) {
            abort(unattended ? "no byte read for " + TimeUnit.NANOSECONDS.toMillis(waited)
                    + " ms (exportReadTimeout); a stream body left unclosed after its exchange ended, or a server "
                    + "that stopped sending" : "no byte from DFINERY for " + TimeUnit.NANOSECONDS.toMillis(waited)
                    + " ms (exportReadTimeout)");
        } else {
            watch(timeoutNanos - waited);
        }
    }

    @FunctionalInterface
    private interface IoRead {
        long get() throws IOException;
    }
}
