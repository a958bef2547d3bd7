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

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.cameldfinery.component.error.DfineryConnectionException;
import io.github.cameldfinery.component.error.DfineryException;

/**
 * Which failures are retried, and after how long: transient ones only (HTTP 5xx, {@code 50000}, connection
 * failures), with exponential backoff and equal jitter (a random pause between half the backoff and all of it), so that
 * many producers do not retry in step.
 */
public final class RetryPolicy {

    private final int maxRetries;
    private final long initialDelayMillis;
    private final long maxDelayMillis;
    private final boolean retryRequestTimeouts;

    public RetryPolicy(int maxRetries, long initialDelayMillis, long maxDelayMillis, boolean retryRequestTimeouts) {
        this.maxRetries = maxRetries;
        this.initialDelayMillis = initialDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
        this.retryRequestTimeouts = retryRequestTimeouts;
    }

    /** Whether a request that failed with {@code failure} on attempt {@code attempt} (1-based) is sent again. */
    public boolean shouldRetry(DfineryException failure, int attempt) {
        if (attempt > maxRetries || !failure.isTransient()) {
            return false;
        }
        if (failure instanceof DfineryConnectionException && ((DfineryConnectionException) failure).isRequestSent()) {
            return retryRequestTimeouts;
        }
        return true;
    }

    /** The pause before retry number {@code attempt} (1-based): random in [d/2, d], d = initial * 2^(attempt-1). */
    public Duration backoff(int attempt) {
        long ceiling = initialDelayMillis << Math.min(attempt - 1, 20);
        ceiling = Math.min(Math.max(ceiling, 1), maxDelayMillis);
        long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        return Duration.ofMillis(delay);
    }
}
