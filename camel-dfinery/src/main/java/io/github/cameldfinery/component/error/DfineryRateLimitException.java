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
package io.github.cameldfinery.component.error;

import java.time.Instant;

/**
 * DFINERY's request limit for this service and API is spent: DFINERY said so (HTTP 429, code {@code 40401}, export
 * {@code too_many_api_requests}), or the component's quota guard refused to send ({@link #isRefusedLocally()}),
 * because the budget it counts is spent beyond rateLimitMaxWait or the first answer after a start did not come in
 * time. Every call fails until {@link #getResetAt()}.
 */
public class DfineryRateLimitException extends DfineryException {

    private final Instant resetAt;

    public DfineryRateLimitException(String message, FailedResponse response, Instant resetAt) {
        this(message, response, resetAt, null);
    }

    protected DfineryRateLimitException(String message, FailedResponse response, Instant resetAt, Throwable cause) {
        super(message, response, cause);
        this.resetAt = resetAt;
    }

    /** The quota guard refused: nothing was sent. */
    public static DfineryRateLimitException refusedLocally(String message, Instant resetAt) {
        return new DfineryRateLimitException(message, null, resetAt);
    }

    /** Whether the component refused before sending (true), or DFINERY answered with its limit (false). */
    public boolean isRefusedLocally() {
        return !hasResponse();
    }

    /** When the window resets, from the response's rate-limit headers or the guard's count; null if unknown. */
    public Instant getResetAt() {
        return resetAt;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
