package io.github.cameldfinery.component.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.DfineryApi;
import io.github.cameldfinery.component.error.DfineryConnectionException;
import io.github.cameldfinery.component.error.DfineryException;
import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.error.RequestOutcome;
import io.github.cameldfinery.component.http.ApiResponse;
import io.github.cameldfinery.component.http.DfineryHttpClient;
import io.github.cameldfinery.component.http.ImportResponses;
import io.github.cameldfinery.component.http.RateLimitState;
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
    private final ImportResponses responses;
    private final RetryPolicy retryPolicy;
    private final ScheduledExecutorService scheduler;
    private final Duration rateLimitMaxWait;
    private final Clock clock;
    private final GuardLookup guards;

    /** The quota guard of a service and API, or null when guarding is off. */
    @FunctionalInterface
    public interface GuardLookup {
        QuotaGuard guardFor(String serviceId, DfineryApi api);
    }

    public ImportPipeline(DfineryHttpClient http, ImportResponses responses, RetryPolicy retryPolicy,
                          ScheduledExecutorService scheduler, Duration rateLimitMaxWait, Clock clock,
                          GuardLookup guards) {
        this.http = http;
        this.responses = responses;
        this.retryPolicy = retryPolicy;
        this.scheduler = scheduler;
        this.rateLimitMaxWait = rateLimitMaxWait;
        this.clock = clock;
        this.guards = guards;
    }

    /**
     * Sends every request of {@code message} that has not succeeded yet. Completes with the last success, or
     * exceptionally with a {@link DfineryException} that carries the outcome of every request.
     */
    public CompletableFuture<ImportResponses.Success> send(PreparedMessage message, String serviceId, String token) {
        CompletableFuture<ImportResponses.Success> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < message.requests().size(); i++) {
            int index = i;
            chain = chain.thenCompose(previous -> message.succeeded(index)
                    ? CompletableFuture.completedFuture(previous)
                    : attempt(message, index, serviceId, token, 1, false));
        }
        return chain.handle((success, failure) -> {
            if (failure == null) {
                return success;
            }
            DfineryException error = unwrap(failure);
            error.setOutcomes(message.outcomes());
            throw new CompletionException(error);
        });
    }

    private CompletableFuture<ImportResponses.Success> attempt(PreparedMessage message, int index, String serviceId,
                                                               String token, int attempt, boolean waitedForReset) {
        ImportRequest request = message.requests().get(index);
        QuotaGuard guard = guards.guardFor(serviceId, request.api());
        CompletableFuture<Void> permit = guard == null ? CompletableFuture.completedFuture(null)
                : guard.acquire(rateLimitMaxWait);
        return permit.thenCompose(granted -> {
            message.attempted(index);
            return http.post(request.path(), serviceId, "access_token", token, request.body());
        })
                .thenApply(response -> interpret(request, response, guard))
                .handle((success, failure) -> {
                    if (failure == null) {
                        message.mark(index, RequestOutcome.State.SUCCEEDED);
                        return CompletableFuture.completedFuture(success);
                    }
                    DfineryException error = unwrap(failure);
                    if (guard != null && error instanceof DfineryConnectionException) {
                        guard.release();
                    }
                    if (error instanceof DfineryRateLimitException && error.getHttpResponseCode() == 0) {
                        // The guard refused: the budget is spent beyond rateLimitMaxWait; nothing was sent.
                        message.mark(index, RequestOutcome.State.FAILED);
                        return CompletableFuture.<ImportResponses.Success>failedFuture(error);
                    }
                    if (retryPolicy.shouldRetry(error, attempt)) {
                        Duration pause = retryPolicy.backoff(attempt);
                        LOG.debug("Retrying request {} of {} to {} in {} ms after: {}", index + 1,
                                message.requests().size(), request.path(), pause.toMillis(), error.getMessage());
                        return later(pause, () -> attempt(message, index, serviceId, token, attempt + 1, waitedForReset));
                    }
                    Duration untilReset = untilReset(error);
                    if (untilReset != null && !waitedForReset) {
                        LOG.info("DFINERY rate limit spent for {}; waiting {} ms for the reset", request.path(),
                                untilReset.toMillis());
                        return later(untilReset, () -> attempt(message, index, serviceId, token, attempt + 1, true));
                    }
                    message.mark(index, RequestOutcome.State.FAILED);
                    return CompletableFuture.<ImportResponses.Success>failedFuture(error);
                })
                .thenCompose(next -> next);
    }

    private ImportResponses.Success interpret(ImportRequest request, ApiResponse response, QuotaGuard guard) {
        if (guard == null) {
            return responses.interpret(request.path(), response);
        }
        try {
            ImportResponses.Success success = responses.interpret(request.path(), response);
            guard.observe(success.rateLimit(), false);
            return success;
        } catch (DfineryRateLimitException e) {
            guard.observe(RateLimitState.from(response.headers()), true);
            throw e;
        } catch (RuntimeException e) {
            guard.observe(RateLimitState.from(response.headers()), false);
            throw e;
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
                                                             java.util.function.Supplier<CompletableFuture<ImportResponses.Success>> next) {
        CompletableFuture<ImportResponses.Success> result = new CompletableFuture<>();
        scheduler.schedule(() -> {
            next.get().whenComplete((success, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(success);
                }
            });
        }, pause.toMillis(), TimeUnit.MILLISECONDS);
        return result;
    }

    static DfineryException unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
               && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof DfineryException) {
            return (DfineryException) cause;
        }
        throw new CompletionException(cause);
    }
}
