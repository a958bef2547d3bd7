package io.github.cameldfinery.component.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;

/**
 * The export budget of one service in this JVM: at most {@code limit} calls in any rolling {@code window}, and at
 * most {@code concurrency} at once. A rolling window never allows more than DFINERY's fixed window does.
 */
public final class ExportQuota {

    private final int limit;
    private final Duration window;
    private final Semaphore running;
    private final Clock clock;
    private final Deque<Instant> calls = new ArrayDeque<>();

    public ExportQuota(int limit, Duration window, int concurrency, Clock clock) {
        if (limit < 1 || concurrency < 1) {
            throw new IllegalArgumentException("exportQuota and exportConcurrency must be at least 1");
        }
        this.limit = limit;
        this.window = window;
        this.running = new Semaphore(concurrency);
        this.clock = clock;
    }

    /** A permit to make one call now, or null when the budget is spent or all slots are busy. */
    public Permit tryAcquire() {
        if (!running.tryAcquire()) {
            return null;
        }
        synchronized (this) {
            expire();
            if (calls.size() >= limit) {
                running.release();
                return null;
            }
            calls.addLast(clock.instant());
        }
        return running::release;
    }

    /** Calls left in the rolling window now. */
    public synchronized int remaining() {
        expire();
        return limit - calls.size();
    }

    /** When the next call becomes possible, if the budget is spent now. */
    public synchronized Instant nextSlot() {
        expire();
        return calls.size() < limit ? clock.instant() : calls.peekFirst().plus(window);
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    private void expire() {
        Instant horizon = clock.instant().minus(window);
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(horizon)) {
            calls.removeFirst();
        }
    }

    /** Releases the concurrency slot of a call when it ends; the call still counts against the window. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
