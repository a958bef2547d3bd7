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
package io.github.cameldfinery.component.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.error.DfineryConnectionException;

/**
 * Sends POSTs to DFINERY over a {@link HttpClient}: imports on the component's sender threads, completing a future,
 * and exports on the caller's thread, up to the response headers, whose body is then read as a stream. Requests are
 * built here and nowhere else, so tokens go into headers here only.
 */
public final class DfineryHttpClient {

    /** Whether this thread is running a send: then what reacts to a response may run on it at once. */
    private static final ThreadLocal<Boolean> ON_SENDER = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final HttpClient http;
    private final Executor senders;
    private final Executor responses;
    private final ScheduledExecutorService timer;
    private final Set<CompletableFuture<?>> inFlight;
    private final String baseUri;
    private final Duration requestTimeout;

    /**
     * @param senders  the threads that send import requests and complete their futures
     * @param timer    ends sends that outlast requestTimeout
     * @param inFlight the import answers awaited, shared with the component, which fails those left when it stops
     */
    public DfineryHttpClient(HttpClient http, Executor senders, ScheduledExecutorService timer,
                             Set<CompletableFuture<?>> inFlight, String baseUri, Duration requestTimeout) {
        this.http = http;
        this.senders = senders;
        this.timer = timer;
        this.inFlight = inFlight;
        this.responses = task -> {
            if (ON_SENDER.get()) {
                task.run();
                return;
            }
            try {
                senders.execute(task);
            } catch (RejectedExecutionException stopped) {
                // The component is stopping: what reacts to the last answers must still run, or exchanges hang.
                task.run();
            }
        };
        this.baseUri = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
        this.requestTimeout = requestTimeout;
    }

    /**
     * Posts a JSON body; completes with the response, or exceptionally with {@link DfineryConnectionException} when
     * no complete response arrived within requestTimeout of the send: the JDK's own timeout ends at the response
     * headers, so a body that stalls after them is bounded here. Throws
     * {@link java.util.concurrent.RejectedExecutionException} when the component is stopping.
     *
     * @param authHeader {@code access_token} or {@code Authorization}
     * @param authValue  the header's value (the token, or {@code Bearer} and the token)
     */
    public CompletableFuture<ApiResponse> post(String path, String serviceId, String authHeader, String authValue,
                                               byte[] json, int length) {
        HttpRequest request = request(path, serviceId, authHeader, authValue, json, length);
        CompletableFuture<ApiResponse> result = new CompletableFuture<>();
        inFlight.add(result);
        result.whenComplete((response, failure) -> inFlight.remove(result));
        // A blocking wait on a sender thread, and the future completed there: what reacts to the response runs on
        // the component's threads, never on a thread made for one response.
        try {
            senders.execute(() -> send(request, path, result));
        } catch (RejectedExecutionException e) {
            inFlight.remove(result);
            throw e;
        }
        return result;
    }

    private void send(HttpRequest request, String path, CompletableFuture<ApiResponse> result) {
        ON_SENDER.set(Boolean.TRUE);
        // The JDK's blocking send, cut short by an interrupt at the deadline: its sendAsync would hand stages to
        // CompletableFuture's default pool, which on 1 or 2 CPUs starts a thread per task.
        Deadline deadline = new Deadline(Thread.currentThread());
        ScheduledFuture<?> timer = schedule(deadline);
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            result.complete(new ApiResponse(response.statusCode(), response.headers(), response.body()));
        } catch (IOException e) {
            result.completeExceptionally(connectionFailure(path, unwrap(e)));
        } catch (InterruptedException e) {
            if (deadline.expired()) {
                result.completeExceptionally(connectionFailure(path, new HttpTimeoutException(
                        "no complete answer within " + requestTimeout.toMillis() + " ms")));
            } else {
                Thread.currentThread().interrupt();
                result.completeExceptionally(new DfineryConnectionException("Interrupted while calling DFINERY "
                                                                            + path, true, e));
            }
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        } finally {
            deadline.finish();
            if (timer != null) {
                timer.cancel(false);
            }
            ON_SENDER.set(Boolean.FALSE);
        }
    }

    private ScheduledFuture<?> schedule(Deadline deadline) {
        try {
            return timer.schedule(deadline::expire, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The component is stopping: it interrupts its sends itself.
            return null;
        }
    }

    /** The end of one send: interrupts the sending thread if the send is still running then, and only then. */
    private static final class Deadline {
        private final Thread sender;
        private boolean done;
        private boolean expired;

        Deadline(Thread sender) {
            this.sender = sender;
        }

        synchronized void expire() {
            if (!done) {
                expired = true;
                sender.interrupt();
            }
        }

        synchronized boolean expired() {
            return expired;
        }

        /** No interrupt comes after this; one that came as the send returned is cleared. */
        void finish() {
            boolean interrupted;
            synchronized (this) {
                done = true;
                interrupted = expired;
            }
            if (interrupted) {
                Thread.interrupted();
            }
        }
    }

    /**
     * Where to run what reacts to a response ({@code handleAsync(…, responses())}): at once when the response
     * completes on a sender thread, as it normally does; on a sender thread when the stage is attached after the
     * response is already in (so it never runs on the caller's thread or a JDK pool thread).
     */
    public Executor responses() {
        return responses;
    }

    /**
     * Posts a JSON body and waits for the response headers; the body is left to be read as a stream (exports).
     * Throws {@link DfineryConnectionException} when no response arrived.
     */
    public HttpResponse<InputStream> postForStream(String path, String serviceId, String authHeader,
                                                           String authValue, byte[] json) {
        try {
            return http.send(request(path, serviceId, authHeader, authValue, json, json.length),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw connectionFailure(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DfineryConnectionException("Interrupted while calling DFINERY " + path, true, e);
        }
    }

    private HttpRequest request(String path, String serviceId, String authHeader, String authValue, byte[] json,
                                int length) {
        return HttpRequest.newBuilder(uri(path, serviceId))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header(authHeader, authValue)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json, 0, length))
                .build();
    }

    /** {@code https://openapi.dfinery.ai/api/v1/events?service_id=…}. */
    public URI uri(String path, String serviceId) {
        return URI.create(baseUri + path + "?service_id=" + URLEncoder.encode(serviceId, StandardCharsets.UTF_8));
    }

    /** Tells a failure before the request went out from one after it (the server may have processed it). */
    public static DfineryConnectionException connectionFailure(String path, Throwable failure) {
        boolean notSent = failure instanceof HttpConnectTimeoutException || failure instanceof ConnectException;
        String what = failure instanceof HttpConnectTimeoutException ? "connect timeout"
                : failure instanceof HttpTimeoutException ? "request timeout, DFINERY may have processed the request"
                : failure instanceof ConnectException ? "connection refused"
                : "connection failed before a complete response (" + failure.getClass().getSimpleName() + ")";
        return new DfineryConnectionException("No response from DFINERY for POST " + path + ": " + what, !notSent, failure);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException && cause.getCause() instanceof ConnectException) {
            return cause.getCause();
        }
        return cause;
    }
}
