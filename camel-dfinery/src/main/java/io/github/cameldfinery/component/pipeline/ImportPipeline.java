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
package io.github.cameldfinery.component.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.cameldfinery.component.api.DfineryApi;
import io.github.cameldfinery.component.api.ImportRequest;
import io.github.cameldfinery.component.error.DfineryException;
import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.error.RequestOutcome;
import io.github.cameldfinery.component.http.ApiResponse;
import io.github.cameldfinery.component.http.DfineryHttpClient;
import io.github.cameldfinery.component.http.ImportResponses;
import io.github.cameldfinery.component.http.RateLimitState;
import io.github.cameldfinery.component.metrics.DfineryMetrics;
import io.github.cameldfinery.component.quota.QuotaGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the requests of a message one after the other, without blocking a thread: each request is retried on
 * transient failures per the {@link RetryPolicy}; the first request that fails for good stops the message, and the
 * exception reports what succeeded, what failed and what was not sent. Shared by the event, identity and profile
 * producers.
 */
public final class ImportPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(ImportPipeline.class);

    private final DfineryHttpClient http;
    private final RetryPolicy retryPolicy;
    private final ScheduledExecutorService scheduler;
    private final Duration rateLimitMaxWait;
    private final Duration requestTimeout;
    private final Clock clock;
    private final ImportGuards guards;
    private final DfineryMetrics metrics;

    public ImportPipeline(ImportServices services, ImportSettings settings) {
        this.http = services.http();
        this.scheduler = services.scheduler();
        this.clock = services.clock();
        this.guards = services.guards();
        this.metrics = services.metrics();
        this.retryPolicy = settings.retryPolicy();
        this.rateLimitMaxWait = settings.rateLimitMaxWait();
        this.requestTimeout = settings.requestTimeout();
    }

    /**
     * Sends every request of {@code message} that has not succeeded yet. Completes with the last success, or
     * exceptionally with the failure: a {@link DfineryException} carrying the outcome of every request, or whatever
     * else went wrong, as it was thrown.
     */
    public CompletableFuture<ImportResponses.Success> send(PreparedMessage message, String serviceId, String token) {
        CompletableFuture<ImportResponses.Success> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < message.requests().size(); i++) {
            int index = i;
            chain = chain.thenCompose(previous -> message.succeeded(index)
                    ? CompletableFuture.completedFuture(previous)
                    : attempt(message, index, serviceId, token, 1, false));
        }
        return chain.handleAsync((success, failure) -> {
            if (failure == null) {
                return success;
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof DfineryException) {
                ((DfineryException) cause).setOutcomes(message.outcomes());
            }
            throw new CompletionException(cause);
        }, http.responses());
    }

    /** Where to run what reacts to the outcome of {@link #send}: see {@link DfineryHttpClient#responses()}. */
    public Executor responses() {
        return http.responses();
    }

    private CompletableFuture<ImportResponses.Success> attempt(PreparedMessage message, int index, String serviceId,
                                                               String token, int attempt, boolean waitedForReset) {
        ImportRequest request = message.requests().get(index);
        QuotaGuard guard = guards.guardFor(serviceId, request.api());
        CompletableFuture<QuotaGuard.Permit> permit = guard == null ? CompletableFuture.completedFuture(null)
                : guarded(guard, serviceId, request.api());
        return permit.thenCompose(granted -> sendOnce(granted, message, index, serviceId, token))
                .handleAsync((success, failure) -> {
                    if (failure == null) {
                        message.mark(index, RequestOutcome.State.SUCCEEDED);
                        return CompletableFuture.completedFuture(success);
                    }
                    Throwable cause = unwrap(failure);
                    if (!(cause instanceof DfineryException)) {
                        message.mark(index, RequestOutcome.State.FAILED);
                        return CompletableFuture.<ImportResponses.Success>failedFuture(cause);
                    }
                    DfineryException error = (DfineryException) cause;
                    if (error instanceof DfineryRateLimitException && ((DfineryRateLimitException) error).isRefusedLocally()) {
                        // The guard refused: nothing was sent.
                        message.mark(index, RequestOutcome.State.FAILED);
                        metrics.failure(serviceId, request.api(), DfineryMetrics.kind(error));
                        return CompletableFuture.<ImportResponses.Success>failedFuture(error);
                    }
                    if (retryPolicy.shouldRetry(error, attempt)) {
                        metrics.retry(serviceId, request.api());
                        Duration pause = retryPolicy.backoff(attempt);
                        LOG.debug("Retrying request {} of {} to {} in {} ms after: {}", index + 1,
                                message.requests().size(), request.path(), pause.toMillis(), error.getMessage());
                        return later(pause, () -> attempt(message, index, serviceId, token, attempt + 1, waitedForReset));
                    }
                    Duration untilReset = untilReset(error);
                    if (untilReset != null && !waitedForReset) {
                        LOG.info("DFINERY rate limit spent for {}; waiting {} ms for the reset", request.path(),
                                untilReset.toMillis());
                        metrics.retry(serviceId, request.api());
                        return later(untilReset, () -> attempt(message, index, serviceId, token, attempt + 1, true));
                    }
                    message.mark(index, RequestOutcome.State.FAILED);
                    metrics.failure(serviceId, request.api(), DfineryMetrics.kind(error));
                    return CompletableFuture.<ImportResponses.Success>failedFuture(error);
                }, http.responses())
                .thenCompose(next -> next);
    }

    /** One HTTP exchange under a permit; the permit is closed however the exchange ends, even if it never starts. */
    private CompletableFuture<ImportResponses.Success> sendOnce(QuotaGuard.Permit permit, PreparedMessage message,
                                                                int index, String serviceId, String token) {
        ImportRequest request = message.requests().get(index);
        CompletableFuture<ApiResponse> response;
        long sent = metrics.isEnabled() ? System.nanoTime() : 0;
        try {
            message.attempted(index);
            response = http.post(request.path(), serviceId, "access_token", token, request.body(), request.length());
        } catch (RuntimeException | Error e) {
            close(permit);
            return CompletableFuture.failedFuture(e);
        }
        return response.handleAsync((answer, failure) -> {
            String outcome = "success";
            try {
                if (failure != null) {
                    outcome = DfineryMetrics.kind(unwrap(failure));
                    throw new CompletionException(unwrap(failure));
                }
                return interpret(request, answer, permit, serviceId);
            } catch (RuntimeException e) {
                outcome = failure != null ? outcome : DfineryMetrics.kind(e);
                throw e;
            } finally {
                close(permit);
                if (metrics.isEnabled()) {
                    metrics.request(serviceId, request.api(), outcome, System.nanoTime() - sent, request.records(),
                            request.items());
                }
            }
        }, http.responses());
    }

    private ImportResponses.Success interpret(ImportRequest request, ApiResponse response, QuotaGuard.Permit permit,
                                              String serviceId) {
        try {
            ImportResponses.Success success = ImportResponses.interpret(request.path(), response);
            if (permit != null) {
                permit.observe(success.rateLimit(), false);
            }
            return success;
        } catch (DfineryRateLimitException e) {
            metrics.rateLimited(serviceId, request.api(), response.status() == 429 ? "429" : e.getCode());
            if (permit != null) {
                permit.observe(RateLimitState.from(response.headers()), true);
            }
            throw e;
        } catch (RuntimeException e) {
            if (permit != null) {
                permit.observe(RateLimitState.from(response.headers()), false);
            }
            throw e;
        }
    }

    /** A permit from the guard; how long it took, or that it was refused, is measured. */
    private CompletableFuture<QuotaGuard.Permit> guarded(QuotaGuard guard, String serviceId, DfineryApi api) {
        if (!metrics.isEnabled()) {
            return guard.acquire(rateLimitMaxWait, requestTimeout);
        }
        long asked = System.nanoTime();
        return guard.acquire(rateLimitMaxWait, requestTimeout).whenComplete((permit, refused) -> {
            if (refused == null) {
                metrics.quotaWait(serviceId, api, System.nanoTime() - asked);
            } else {
                metrics.quotaRefused(serviceId, api);
            }
        });
    }

    private static void close(QuotaGuard.Permit permit) {
        if (permit != null) {
            permit.close();
        }
    }

    /** How long to wait for a rate-limit reset, or null to fail now (waiting is off, or the reset is too far). */
    private Duration untilReset(DfineryException error) {
        if (!(error instanceof DfineryRateLimitException) || rateLimitMaxWait.isZero()) {
            return null;
        }
        Instant reset = ((DfineryRateLimitException) error).getResetAt();
        if (reset == null) {
            return null;
        }
        Duration wait = Duration.between(clock.instant(), reset);
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(rateLimitMaxWait) <= 0 ? wait : null;
    }

    private CompletableFuture<ImportResponses.Success> later(Duration pause,
                                                             Supplier<CompletableFuture<ImportResponses.Success>> next) {
        CompletableFuture<ImportResponses.Success> result = new CompletableFuture<>();
        scheduler.schedule(() -> next.get().whenComplete((success, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(success);
            }
        }), pause.toMillis(), TimeUnit.MILLISECONDS);
        return result;
    }

    /** The failure inside the completion wrappers. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
