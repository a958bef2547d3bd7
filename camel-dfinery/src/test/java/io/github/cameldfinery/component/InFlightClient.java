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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** A client that counts the requests on their way: sent, and not yet answered or failed. */
final class InFlightClient extends ForwardingHttpClient {
    private final AtomicInteger inFlight = new AtomicInteger();

    InFlightClient(HttpClient delegate) {
        super(delegate);
    }

    int inFlight() {
        return inFlight.get();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        inFlight.incrementAndGet();
        try {
            return delegate.send(request, handler);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        inFlight.incrementAndGet();
        return delegate.sendAsync(request, handler).whenComplete((response, failure) -> inFlight.decrementAndGet());
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        inFlight.incrementAndGet();
        return delegate.sendAsync(request, handler, push).whenComplete((response, failure) -> inFlight.decrementAndGet());
    }
}
