package io.github.cameldfinery.component.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.http.RateLimitState;

/**
 * DFINERY's request limit for one service and API kind, as this JVM sees it. Every HTTP request, retries included,
 * takes a {@link Permit} first and reports through it what the server counted ({@code x-ratelimit-remaining},
 * {@code x-ratelimit-reset}); the server's count wins. When the budget is spent, requests wait for the reset (up
 * to a cap) or fail at once, instead of running into 429s. Until the first response after a start, one request at
 * a time goes out (the probe), so a restart in the middle of a window learns the server's count before it sends more.
 *
 * <p>Requests that cannot go yet wait in a queue, in order; a response, the end of a probe or the reset hands out
 * permits. Nothing polls.
 */
public final class QuotaGuard {

    /** After a 429 whose reset is already past by our clock, back off at least this long (clock skew). */
    private static final Duration MIN_BACKOFF_AFTER_429 = Duration.ofMillis(250);

    private final String serviceId;
    private final String api;
    private final long limit;
    private final Duration window;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Deque<Waiter> waiters = new ArrayDeque<>();

    private Instant resetAt;
    private long remaining;
    private boolean probing;
    private ScheduledFuture<?> resetTimer;
    private ScheduledFuture<?> expiryTimer;
    private Instant expiryAt;
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
     * Completes with a permit when a request may go out, or exceptionally with {@link DfineryRateLimitException}
     * (refused locally) when the budget is spent and resets later than {@code maxWait} from now, or when the first
     * response after a start has not come within {@code probeWait}.
     */
    public CompletableFuture<Permit> acquire(Duration maxWait, Duration probeWait) {
        Waiter waiter = new Waiter(new CompletableFuture<>(), clock.instant().plus(maxWait),
                clock.instant().plus(maxWait.compareTo(probeWait) > 0 ? maxWait : probeWait));
        List<Runnable> completions;
        synchronized (this) {
            waiters.addLast(waiter);
            completions = drain();
            if (!waiter.future.isDone()) {
                expireAt(waiter.probeDeadline);
            }
        }
        completions.forEach(Runnable::run);
        return waiter.future;
    }

    /** Hands out what can be handed out now; returns the completions to run once the lock is released. */
    private List<Runnable> drain() {
        List<Runnable> completions = new ArrayList<>();
        Instant now = clock.instant();
        roll(now);
        while (!waiters.isEmpty()) {
            if (resetAt == null) {
                if (!probing) {
                    probing = true;
                    grant(waiters.pollFirst(), true, completions);
                }
                return completions;
            }
            if (remaining > 0) {
                remaining--;
                grant(waiters.pollFirst(), false, completions);
                continue;
            }
            refuseThoseThatCannotWaitForTheReset(completions);
            if (!waiters.isEmpty() && resetTimer == null) {
                resetTimer = scheduler.schedule(this::onReset, Math.max(1, Duration.between(now, resetAt).toMillis()),
                        TimeUnit.MILLISECONDS);
            }
            return completions;
        }
        return completions;
    }

    private void grant(Waiter waiter, boolean probe, List<Runnable> completions) {
        granted++;
        Permit permit = new Permit(probe);
        completions.add(() -> waiter.future.complete(permit));
    }

    private void refuseThoseThatCannotWaitForTheReset(List<Runnable> completions) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (resetAt.isAfter(waiter.deadline)) {
                it.remove();
                refused++;
                DfineryRateLimitException spent = spent();
                completions.add(() -> waiter.future.completeExceptionally(spent));
            }
        }
    }

    private DfineryRateLimitException spent() {
        return DfineryRateLimitException.refusedLocally("The DFINERY " + api + " quota of " + limit + " requests per "
                + window + " for service " + serviceId + " is spent; it resets at " + resetAt, resetAt);
    }

    private void onReset() {
        List<Runnable> completions;
        synchronized (this) {
            resetTimer = null;
            completions = drain();
        }
        completions.forEach(Runnable::run);
    }

    /** Makes sure the expiry timer runs by {@code at}; one timer per guard, however many wait. */
    private void expireAt(Instant at) {
        if (expiryTimer != null && !expiryAt.isAfter(at)) {
            return;
        }
        if (expiryTimer != null) {
            expiryTimer.cancel(false);
        }
        expiryAt = at;
        expiryTimer = scheduler.schedule(this::expireOverdue,
                Math.max(0, Duration.between(clock.instant(), at).toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Fails the waiters whose time is up: they waited for the probe's answer, or for the reset, as long as they may. */
    private void expireOverdue() {
        List<Runnable> completions = new ArrayList<>();
        synchronized (this) {
            expiryTimer = null;
            Instant now = clock.instant();
            Instant next = null;
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (now.isBefore(waiter.probeDeadline)) {
                    next = next == null || waiter.probeDeadline.isBefore(next) ? waiter.probeDeadline : next;
                    continue;
                }
                it.remove();
                refused++;
                DfineryRateLimitException failure = resetAt != null && remaining == 0 ? spent()
                        : DfineryRateLimitException.refusedLocally("No answer yet to the first request to DFINERY's "
                                + api + " API for service " + serviceId + " since the start; this request waited "
                                + Duration.between(waiter.since, now).toMillis() + " ms for it and was not sent, so "
                                + "that the quota the server counts is not overrun", null);
                completions.add(() -> waiter.future.completeExceptionally(failure));
            }
            if (next != null) {
                expireAt(next);
            }
        }
        completions.forEach(Runnable::run);
    }

    private synchronized List<Runnable> observe(RateLimitState state, boolean rejected) {
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
        } else if (state.resetAt() == null || state.remaining() == null) {
            if (resetAt == null) {
                // The server says nothing about its count: count locally from now on.
                resetAt = now.plus(window);
                remaining = limit - 1;
            }
        } else if (resetAt == null || state.resetAt().isAfter(resetAt)) {
            resetAt = state.resetAt();
            remaining = Math.min(state.remaining(), limit);
        } else if (state.resetAt().equals(resetAt)) {
            remaining = Math.min(remaining, state.remaining());
        }
        return drain();
    }

    private synchronized List<Runnable> abandon(boolean probe) {
        if (probe) {
            probing = false;
        }
        return drain();
    }

    /** A snapshot for consoles and headers. */
    public synchronized Snapshot snapshot() {
        roll(clock.instant());
        return new Snapshot(serviceId, api, limit, window, resetAt == null ? null : limit - remaining,
                resetAt == null ? null : remaining, resetAt, granted, refused, rejectedByServer, waiters.size());
    }

    private void roll(Instant now) {
        if (resetAt != null && !now.isBefore(resetAt)) {
            long windows = Duration.between(resetAt, now).toMillis() / window.toMillis() + 1;
            resetAt = resetAt.plus(window.multipliedBy(windows));
            remaining = limit;
        }
    }

    /** A request waiting to go out. */
    private final class Waiter {
        final CompletableFuture<Permit> future;
        final Instant since = clock.instant();
        /** How long it may wait for a reset. */
        final Instant deadline;
        /** How long it may wait at all (for the probe's answer, or for the reset). */
        final Instant probeDeadline;

        Waiter(CompletableFuture<Permit> future, Instant deadline, Instant probeDeadline) {
            this.future = future;
            this.deadline = deadline;
            this.probeDeadline = probeDeadline;
        }
    }

    /**
     * The right to send one request. Exactly one of {@link #observe} or {@link #close} counts: report the answer if
     * there was one; close in every case (a finally block), so a request that ended without an answer, or that
     * failed before it was sent, never keeps the others waiting.
     */
    public final class Permit implements AutoCloseable {
        private final boolean probe;
        private boolean done;

        private Permit(boolean probe) {
            this.probe = probe;
        }

        /** What a response said about the limit; {@code rejected} when it was a 429 / 40401. */
        public void observe(RateLimitState state, boolean rejected) {
            if (finish()) {
                QuotaGuard.this.observe(state, rejected).forEach(Runnable::run);
            }
        }

        /** The request ended; without an observed answer, the next request may probe again. */
        @Override
        public void close() {
            if (finish()) {
                abandon(probe).forEach(Runnable::run);
            }
        }

        private synchronized boolean finish() {
            boolean first = !done;
            done = true;
            return first;
        }
    }

    /**
     * The guard's view of one limit.
     *
     * @param used      requests spent in the current window, as far as known (null before the first response)
     * @param remaining requests left in the current window (null before the first response)
     * @param granted   requests let through since start
     * @param refused   requests failed locally because the budget was spent or the first answer did not come
     * @param rejectedByServer 429 / 40401 answers seen (zero when the guard does its job)
     * @param waiting   requests waiting for a permit now
     */
    public record Snapshot(String serviceId, String api, long limit, Duration window, Long used, Long remaining,
                           Instant resetAt, long granted, long refused, long rejectedByServer, int waiting) {
    }
}
