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
package io.github.cameldfinery.component;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile server in front of the emulator: the JDK client, with each response's rate-limit headers (or the whole
 * response) replaced as the test says. Only {@link #send} is used by the import producers.
 */
final class RewritingClient extends ForwardingHttpClient {

    /** What the n-th response (0-based) becomes. */
    interface Rewrite {
        /**
         * @param n        the call's number
         * @param response what the emulator answered; null when {@link #answerInstead} answered without it
         * @return the headers to put in place of the rate-limit headers ({@code x-ratelimit-*}); null keeps them
         */
        Map<String, String> headers(int n, HttpResponse<?> response);
    }

    private final AtomicInteger calls = new AtomicInteger();
    private final Rewrite rewrite;
    /** Calls answered with a 429 without reaching the emulator. */
    private final java.util.function.IntPredicate answerInstead;

    RewritingClient(Rewrite rewrite, java.util.function.IntPredicate answer429Instead) {
        super(HttpClient.newHttpClient());
        this.rewrite = rewrite;
        this.answerInstead = answer429Instead;
    }

    RewritingClient(Rewrite rewrite) {
        this(rewrite, n -> false);
    }

    /** The rate-limit headers of one response. */
    static Map<String, String> rateLimit(String window, String remaining, String reset) {
        return Map.of("x-ratelimit-limit", window, "x-ratelimit-remaining", remaining, "x-ratelimit-reset", reset);
    }

    int calls() {
        return calls.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        int n = calls.getAndIncrement();
        if (answerInstead.test(n)) {
            byte[] body = "{\"status\":false,\"code\":\"40401\",\"message\":\"TOO_MANY_REQUEST\"}"
                    .getBytes(StandardCharsets.UTF_8);
            return (HttpResponse<T>) new Rewritten<>(request, 429, headers(Map.of(), rewrite.headers(n, null)), body);
        }
        HttpResponse<T> response = delegate.send(request, handler);
        Map<String, String> replaced = rewrite.headers(n, response);
        if (replaced == null) {
            return response;
        }
        return new Rewritten<>(request, response.statusCode(), headers(response.headers().map(), replaced),
                response.body());
    }

    private static HttpHeaders headers(Map<String, List<String>> original, Map<String, String> rateLimit) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        original.forEach((name, values) -> {
            if (!name.toLowerCase().startsWith("x-ratelimit-") && !name.toLowerCase().startsWith("x-rate-limit-")) {
                headers.put(name, values);
            }
        });
        if (rateLimit != null) {
            rateLimit.forEach((name, value) -> headers.put(name, List.of(value)));
        }
        return HttpHeaders.of(headers, (name, value) -> true);
    }

    private record Rewritten<T>(HttpRequest request, int statusCode, HttpHeaders headers, T body)
            implements HttpResponse<T> {
        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<javax.net.ssl.SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public java.net.URI uri() {
            return request.uri();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(request, handler);
            } catch (IOException | InterruptedException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        return sendAsync(request, handler);
    }
}
