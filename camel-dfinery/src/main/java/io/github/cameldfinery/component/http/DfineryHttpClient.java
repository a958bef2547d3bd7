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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.cameldfinery.component.error.DfineryConnectionException;

/**
 * Sends POSTs to DFINERY over a {@link HttpClient}: asynchronously for imports, and waiting for the response
 * headers for exports, whose body is then read as a stream. Requests are built here and nowhere else, so tokens go
 * into headers here only.
 */
public final class DfineryHttpClient {

    private final HttpClient http;
    private final String baseUri;
    private final Duration requestTimeout;

    public DfineryHttpClient(HttpClient http, String baseUri, Duration requestTimeout) {
        this.http = http;
        this.baseUri = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
        this.requestTimeout = requestTimeout;
    }

    /**
     * Posts a JSON body; completes with the response, or exceptionally with {@link DfineryConnectionException} when
     * no complete response arrived.
     *
     * @param authHeader {@code access_token} or {@code Authorization}
     * @param authValue  the header's value (the token, or {@code Bearer} and the token)
     */
    public CompletableFuture<ApiResponse> post(String path, String serviceId, String authHeader, String authValue,
                                               byte[] json) {
        return http.sendAsync(request(path, serviceId, authHeader, authValue, json), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(connectionFailure(path, unwrap(failure)));
                    }
                    return new ApiResponse(response.statusCode(), response.headers(), response.body());
                });
    }

    /**
     * Posts a JSON body and waits for the response headers; the body is left to be read as a stream (exports).
     * Throws {@link DfineryConnectionException} when no response arrived.
     */
    public HttpResponse<InputStream> postForStream(String path, String serviceId, String authHeader,
                                                           String authValue, byte[] json) {
        try {
            return http.send(request(path, serviceId, authHeader, authValue, json),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw connectionFailure(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DfineryConnectionException("Interrupted while calling DFINERY " + path, true, e);
        }
    }

    private HttpRequest request(String path, String serviceId, String authHeader, String authValue, byte[] json) {
        return HttpRequest.newBuilder(uri(path, serviceId))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header(authHeader, authValue)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
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
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException && cause.getCause() instanceof ConnectException) {
            return cause.getCause();
        }
        return cause;
    }
}
