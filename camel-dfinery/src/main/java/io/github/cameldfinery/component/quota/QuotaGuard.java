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

import io.github.cameldfinery.component.error.DfineryRateLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DFINERY's request limit for one service and API kind, in front of a {@link RequestCount} that counts it
 * (in this JVM, or in a store shared by replicas), with the rules of {@link QuotaPolicy}. Every HTTP request,
 * retries included, takes a {@link Permit} first and reports through it what the server counted ({@code
 * x-ratelimit-remaining}, {@code x-ratelimit-reset}); the server's count wins. When the budget is spent, requests
 * wait for the reset (up to a cap) or fail at once, instead of running into 429s. While nothing is known of the
 * server's count (a start), one request at a time goes out (the probe), so a restart in the middle of a window
 * learns the server's count before it sends more.
 *
 * <p>Requests that cannot go yet wait in a queue, in order; a response, the end of a probe or a timer (the reset,
 * or the next look at a shared store while another replica probes) hands out permits.
 */
public final class QuotaGuard {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaGuard.class);

    private final String serviceId;
    private final String api;
    private final long limit;
    private final Duration window;
    private final QuotaPolicy policy;
    private final Clock clock;
    private final Deque<Waiter> waiters = new ArrayDeque<>();

    private boolean probing;
    /** A call to the count is under way (outside the lock); the next waits for it. */
    private boolean taking;
    private Instant spentUntil;
    /** Runs {@link #drain()} again at a reset, or at the next look at a shared store. */
    private final EarliestTimer wakeTimer;
    /** Fails the waiters whose time is up. */
    private final EarliestTimer expiryTimer;
    private long granted;
    private long refused;
    private long rejectedByServer;
    private volatile double lastRemaining = Double.NaN;
    private volatile LastAnswer lastAnswer;

    /**
     * @param count     where the limit is counted
     * @param shared    whether replicas share {@code count}
     * @param scheduler timers: resets, the next look at a shared store, the end of a wait
     */
    public QuotaGuard(String serviceId, String api, long limit, Duration window, RequestCount count,
                      boolean shared, Clock clock, ScheduledExecutorService scheduler) {
        this.serviceId = serviceId;
        this.api = api;
        this.limit = limit;
        this.window = window;
        this.policy = new QuotaPolicy(count, limit, window, shared,
                new ServerResets(api + " limit of service " + serviceId, window), clock);
        this.clock = clock;
        this.wakeTimer = new EarliestTimer(scheduler, clock, this::onWake);
        this.expiryTimer = new EarliestTimer(scheduler, clock, this::expireOverdue);
    }

    /**
     * Completes with a permit when a request may go out, or exceptionally with {@link DfineryRateLimitException}
     * (refused locally) when the budget is spent and resets later than {@code maxWait} from now, when the first
     * response after a start has not come within {@code probeWait}, or when a shared store cannot be reached.
     */
    public CompletableFuture<Permit> acquire(Duration maxWait, Duration probeWait) {
        Waiter waiter = new Waiter(new CompletableFuture<>(), clock.instant().plus(maxWait),
                clock.instant().plus(maxWait.compareTo(probeWait) > 0 ? maxWait : probeWait));
        synchronized (this) {
            waiters.addLast(waiter);
            expiryTimer.runBy(waiter.probeDeadline);
        }
        drain();
        return waiter.future;
    }

    /**
     * Grants what can be granted now. The count is asked outside the lock (a shared store is a network
     * call), one call at a time, for as many requests as wait: requests that arrive meanwhile queue without waiting
     * for the store, and the next call takes them all at once.
     */
    private void drain() {
        while (true) {
            int wanted;
            Instant mayWaitUntil;
            synchronized (this) {
                if (taking || probing || waiters.isEmpty()) {
                    return;
                }
                taking = true;
                wanted = waiters.size();
                mayWaitUntil = waiters.peekFirst().deadline;
            }
            QuotaPolicy.Take take = null;
            RuntimeException failure = null;
            try {
                take = policy.take(wanted, mayWaitUntil);
            } catch (RuntimeException e) {
                failure = e;
            }
            List<Runnable> completions = new ArrayList<>();
            boolean again;
            synchronized (this) {
                taking = false;
                again = failure == null ? applyTake(take, completions) : refuseAll(failure, completions);
            }
            completions.forEach(Runnable::run);
            if (!again) {
                return;
            }
        }
    }

    /** Applies what the policy answered; true when more may be handed out at once. */
    private boolean applyTake(QuotaPolicy.Take take, List<Runnable> completions) {
        switch (take.outcome()) {
            case GRANTED:
                spentUntil = null;
                long surplus = take.granted();
                while (surplus > 0 && !waiters.isEmpty()) {
                    grant(waiters.pollFirst(), false, completions);
                    surplus--;
                }
                if (surplus > 0) {
                    // Waiters gone meanwhile (their time ran out): what was taken for them goes back.
                    long unused = surplus;
                    completions.add(() -> giveBack(unused));
                }
                return !waiters.isEmpty();
            case PROBE:
                if (waiters.isEmpty()) {
                    // Every waiter's time ran out while the count was asked: nobody sends the probe, its lease goes back.
                    completions.add(policy::probeEnded);
                    return false;
                }
                probing = true;
                grant(waiters.pollFirst(), true, completions);
                return false;
            case SPENT:
                spentUntil = take.until();
                refuseThoseThatCannotWaitUntil(take.until(), completions);
                wakeTimer.runBy(take.until());
                return false;
            default:
                wakeTimer.runBy(take.until());
                return false;
        }
    }

    private void grant(Waiter waiter, boolean probe, List<Runnable> completions) {
        granted++;
        Permit permit = new Permit(probe);
        completions.add(() -> waiter.future.complete(permit));
    }

    private void refuseThoseThatCannotWaitUntil(Instant resetAt, List<Runnable> completions) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (resetAt.isAfter(waiter.deadline)) {
                it.remove();
                refused++;
                DfineryRateLimitException spent = spentException(resetAt);
                completions.add(() -> waiter.future.completeExceptionally(spent));
            }
        }
    }

    private boolean refuseAll(RuntimeException error, List<Runnable> completions) {
        DfineryRateLimitException failure = error instanceof DfineryRateLimitException
                ? (DfineryRateLimitException) error : DfineryRateLimitException.refusedLocally("The DFINERY " + api
                        + " quota of service " + serviceId + " could not be counted: " + error.getMessage(), null);
        while (!waiters.isEmpty()) {
            Waiter waiter = waiters.pollFirst();
            refused++;
            completions.add(() -> waiter.future.completeExceptionally(failure));
        }
        return false;
    }

    /** Says whose count ran out: the server's, in its own words, or the one configured here. */
    private DfineryRateLimitException spentException(Instant resetAt) {
        LastAnswer answer = lastAnswer;
        if (answer != null && answer.spent()) {
            return DfineryRateLimitException.refusedLocally("The DFINERY " + api + " quota of service " + serviceId
                    + " is spent; it resets at " + resetAt + " (DFINERY's last answer: " + answer + "); nothing was "
                    + "sent", resetAt);
        }
        return DfineryRateLimitException.refusedLocally("The DFINERY " + api + " quota of " + limit + " requests per "
                + window + " for service " + serviceId + " (as configured) is spent; it resets at " + resetAt
                + "; nothing was sent", resetAt);
    }

    private void onWake() {
        synchronized (this) {
            wakeTimer.ran();
        }
        drain();
    }

    /** Fails the waiters whose time is up: they waited for the probe's answer, or for the reset, as long as they may. */
    private void expireOverdue() {
        synchronized (this) {
            expiryTimer.ran();
        }
        // A reset and a waiter's end can fall on the same instant: hand out first, so that a request allowed to wait
        // until the reset gets its permit rather than a refusal.
        drain();
        List<Runnable> completions = new ArrayList<>();
        synchronized (this) {
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
                DfineryRateLimitException failure = !probing && spentUntil != null ? spentException(spentUntil)
                        : DfineryRateLimitException.refusedLocally("No answer yet to the first request to DFINERY's "
                                + api + " API for service " + serviceId + " since the start; this request waited "
                                + Duration.between(waiter.since, now).toMillis() + " ms for it and was not sent, so "
                                + "that the quota the server counts is not overrun", null);
                completions.add(() -> waiter.future.completeExceptionally(failure));
            }
            if (next != null) {
                expiryTimer.runBy(next);
            }
        }
        completions.forEach(Runnable::run);
    }

    private void giveBack(long requests) {
        try {
            policy.giveBack(requests);
        } catch (RuntimeException e) {
            // Only a little of the window is wasted.
            LOG.debug("The DFINERY {} quota of service {} could not take back {} requests: {}", api, serviceId,
                    requests, e.toString());
        }
    }

    private void observe(ServerCount state, boolean rejected, boolean probe) {
        lastAnswer = new LastAnswer(state, rejected);
        try {
            // The count first: the probe's answer must be in the store before anyone takes from it.
            policy.observe(state.remaining(), state.resetAt(), rejected, probe);
        } catch (RuntimeException e) {
            // The request is done (its events may be stored): what it said is lost, the next answer says it again.
            LOG.warn("The DFINERY {} quota of service {} could not note an answer: {}", api, serviceId, e.toString());
        }
        if (rejected) {
            lastRemaining = 0;
        } else if (state.remaining() != null) {
            lastRemaining = state.remaining();
        }
        synchronized (this) {
            if (probe) {
                probing = false;
            }
            if (rejected) {
                rejectedByServer++;
            }
        }
        drain();
    }

    private void abandon(boolean probe) {
        if (probe) {
            policy.probeEnded();
            synchronized (this) {
                probing = false;
            }
        }
        drain();
    }

    /** The requests left in the window as the server last said (0 after a 429); NaN before its first word. */
    public double lastRemaining() {
        return lastRemaining;
    }

    /** A snapshot for consoles and headers. */
    public Snapshot snapshot() {
        RequestCount.Window view;
        try {
            view = policy.view();
        } catch (RuntimeException e) {
            view = null;
        }
        synchronized (this) {
            return new Snapshot(serviceId, api, limit, window, view == null ? null : limit - view.remaining(),
                    view == null ? null : view.remaining(), view == null ? null : view.resetAt(), granted, refused,
                    rejectedByServer, waiters.size());
        }
    }

    /** What the server last said of its count, for the message of a refusal. */
    private record LastAnswer(ServerCount state, boolean rejected) {

        /** The server said its count is spent. */
        boolean spent() {
            return rejected || Long.valueOf(0).equals(state.remaining());
        }

        @Override
        public String toString() {
            return (rejected ? "rejected (HTTP 429 / 40401)" : "accepted")
                   + (state.window() != null ? ", window " + state.window() : "")
                   + (state.remaining() != null ? ", " + state.remaining() + " remaining" : "")
                   + (state.resetAt() != null ? ", reset at " + state.resetAt() : "");
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
        public void observe(ServerCount state, boolean rejected) {
            if (finish()) {
                QuotaGuard.this.observe(state, rejected, probe);
            }
        }

        /** The request ended; without an observed answer, the next request may probe again. */
        @Override
        public void close() {
            if (finish()) {
                abandon(probe);
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
