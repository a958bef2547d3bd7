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
public final class LocalExportBudget implements ExportBudget {

    private final int limit;
    private final Duration window;
    private final Semaphore running;
    private final Clock clock;
    private final Deque<Instant> calls = new ArrayDeque<>();

    public LocalExportBudget(int limit, Duration window, int concurrency, Clock clock) {
        if (limit < 1 || concurrency < 1) {
            throw new IllegalArgumentException("exportQuota and exportConcurrency must be at least 1");
        }
        this.limit = limit;
        this.window = window;
        this.running = new Semaphore(concurrency);
        this.clock = clock;
    }

    @Override
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

    @Override
    public synchronized int remaining() {
        expire();
        return limit - calls.size();
    }

    @Override
    public synchronized Instant nextSlot() {
        expire();
        return calls.size() < limit ? clock.instant() : calls.peekFirst().plus(window);
    }

    @Override
    public int limit() {
        return limit;
    }

    @Override
    public Duration window() {
        return window;
    }

    private void expire() {
        Instant horizon = clock.instant().minus(window);
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(horizon)) {
            calls.removeFirst();
        }
    }
}
