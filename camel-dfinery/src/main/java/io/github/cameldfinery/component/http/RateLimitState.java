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

import java.net.http.HttpHeaders;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

import io.github.cameldfinery.component.quota.ServerCount;

/**
 * The rate-limit headers of a response. DFINERY's docs spell them two ways ({@code X-Rate-Limit-*} in the table,
 * {@code x-ratelimit-*} in the examples) and give the reset in seconds or in milliseconds; all four are read.
 *
 * @param window    the window as DFINERY writes it ({@code 1m}, {@code 1H}); null when absent
 * @param remaining requests left in the window; null when absent
 * @param resetAt   when the window resets, as the server wrote it (the quota guard decides what to believe); null
 *                  when absent or not a time
 */
public record RateLimitState(String window, Long remaining, Instant resetAt) implements ServerCount {

    /** Epoch values below this are seconds: 10^11 seconds is the year 5138, 10^11 ms is 1973. */
    private static final long SECONDS_BELOW = 100_000_000_000L;

    public static RateLimitState from(HttpHeaders headers) {
        String window = first(headers, "x-ratelimit-limit", "x-rate-limit-limit").orElse(null);
        Long remaining = first(headers, "x-ratelimit-remaining", "x-rate-limit-remaining")
                .map(RateLimitState::parseLong).orElse(null);
        Instant reset = first(headers, "x-ratelimit-reset", "x-rate-limit-reset").map(RateLimitState::parseLong)
                .map(RateLimitState::toInstant).orElse(null);
        return new RateLimitState(window, remaining, reset);
    }

    public boolean isPresent() {
        return window != null || remaining != null || resetAt != null;
    }

    /** Null for what no {@code Instant} holds: a header never fails a response (the guard bounds the rest). */
    static Instant toInstant(Long epoch) {
        if (epoch == null) {
            return null;
        }
        try {
            return epoch < SECONDS_BELOW ? Instant.ofEpochSecond(epoch) : Instant.ofEpochMilli(epoch);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Optional<String> first(HttpHeaders headers, String... names) {
        for (String name : names) {
            Optional<String> value = headers.firstValue(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
