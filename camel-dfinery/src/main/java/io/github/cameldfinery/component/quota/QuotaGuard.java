package io.github.cameldfinery.component.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.http.RateLimitState;

/**
 * DFINERY's request limit for one service and API kind, as this JVM sees it. Every HTTP request, retries included,
 * takes a permit first; every response tells the guard what the server counted ({@code x-ratelimit-remaining},
 * {@code x-ratelimit-reset}), and the server's count wins. When the budget is spent, requests wait for the reset
 * (up to a cap) or fail at once, instead of running into 429s. Until the first response after a start, one request
 * at a time goes out, so a restart in the middle of a window learns the server's count before it sends more.
 */
public final class QuotaGuard {

    /** How long a request waits between looks while the first response is awaited. */
    private static final long PROBE_POLL_MILLIS = 5;
    /** After a 429 whose reset is already past by our clock, back off at least this long (clock skew). */
    private static final Duration MIN_BACKOFF_AFTER_429 = Duration.ofMillis(250);

    private final String serviceId;
    private final String api;
    private final long limit;
    private final Duration window;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    private Instant resetAt;
    private long remaining;
    private boolean probing;
    private long granted;
    private long refused;
    private long rejectedByServer;

    public QuotaGuard(String serviceId, String api, long limit, Duration window, Clock clock,
                      ScheduledExecutorService scheduler) {
        this.serviceId = serviceId;
        this.api = api;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /**
     * Completes when a request may go out, or exceptionally with {@link DfineryRateLimitException} when the budget
     * is spent and the reset is further away than {@code maxWait}.
     */
    public CompletableFuture<Void> acquire(Duration maxWait) {
        CompletableFuture<Void> permit = new CompletableFuture<>();
        tryAcquire(permit, clock.instant().plus(maxWait));
        return permit;
    }

    private void tryAcquire(CompletableFuture<Void> permit, Instant deadline) {
        Instant retryAt;
        synchronized (this) {
            Instant now = clock.instant();
            roll(now);
            if (resetAt == null) {
                if (!probing) {
                    probing = true;
                    granted++;
                    permit.complete(null);
                    return;
                }
                retryAt = now.plusMillis(PROBE_POLL_MILLIS);
            } else if (remaining > 0) {
                remaining--;
                granted++;
                permit.complete(null);
                return;
            } else if (resetAt.isAfter(deadline)) {
                refused++;
                permit.completeExceptionally(new DfineryRateLimitException("The DFINERY " + api + " quota of " + limit
                        + " requests per " + window + " for service " + serviceId + " is spent; it resets at " + resetAt,
                        null, null, 0, null, null, resetAt));
                return;
            } else {
                retryAt = resetAt;
            }
        }
        long delay = Math.max(0, Duration.between(clock.instant(), retryAt).toMillis());
        scheduler.schedule(() -> tryAcquire(permit, deadline), delay, TimeUnit.MILLISECONDS);
    }

    /** What a response said about the limit; {@code rejected} when it was a 429 / 40401. */
    public synchronized void observe(RateLimitState state, boolean rejected) {
        probing = false;
        Instant now = clock.instant();
        if (rejected) {
            rejectedByServer++;
            Instant reset = state.resetAt() != null ? state.resetAt() : now.plus(window);
            if (reset.isBefore(now.plus(MIN_BACKOFF_AFTER_429))) {
                reset = now.plus(MIN_BACKOFF_AFTER_429);
            }
            resetAt = resetAt == null || reset.isAfter(resetAt) ? reset : resetAt;
            remaining = 0;
            return;
        }
        if (state.resetAt() == null || state.remaining() == null) {
            if (resetAt == null) {
                // The server says nothing about its count: count locally from now on.
                resetAt = now.plus(window);
                remaining = limit - 1;
            }
            return;
        }
        if (resetAt == null || state.resetAt().isAfter(resetAt)) {
            resetAt = state.resetAt();
            remaining = Math.min(state.remaining(), limit);
        } else if (state.resetAt().equals(resetAt)) {
            remaining = Math.min(remaining, state.remaining());
        }
    }

    /** A request ended without a response (a connection failure): the next one may probe again. */
    public synchronized void release() {
        probing = false;
    }

    /** A snapshot for consoles and headers. */
    public synchronized Snapshot snapshot() {
        roll(clock.instant());
        return new Snapshot(serviceId, api, limit, window, resetAt == null ? null : limit - remaining,
                resetAt == null ? null : remaining, resetAt, granted, refused, rejectedByServer);
    }

    private void roll(Instant now) {
        if (resetAt != null && !now.isBefore(resetAt)) {
            long windows = Duration.between(resetAt, now).toMillis() / window.toMillis() + 1;
            resetAt = resetAt.plus(window.multipliedBy(windows));
            remaining = limit;
        }
    }

    /**
     * The guard's view of one limit.
     *
     * @param used      requests spent in the current window, as far as known (null before the first response)
     * @param remaining requests left in the current window (null before the first response)
     * @param granted   requests let through since start
     * @param refused   requests failed locally because the budget was spent
     * @param rejectedByServer 429 / 40401 answers seen (zero when the guard does its job)
     */
    public record Snapshot(String serviceId, String api, long limit, Duration window, Long used, Long remaining,
                           Instant resetAt, long granted, long refused, long rejectedByServer) {
    }
}
