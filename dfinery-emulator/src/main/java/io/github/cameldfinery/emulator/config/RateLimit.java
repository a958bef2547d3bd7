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
package io.github.cameldfinery.emulator.config;

import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A request limit: at most {@code limit} requests in each fixed window of length {@code window}.
 *
 * @param limit  requests allowed per window, at least 1
 * @param window window length, whole seconds, at least one second
 */
public record RateLimit(long limit, Duration window) {

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("rate limit must be at least 1, got " + limit);
        }
        if (window.toMillis() < 1000 || window.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("rate-limit window must be whole seconds, at least 1s, got " + window);
        }
    }

    /** Reads {@code {limit: 20, window: 2s}}; the window takes DFINERY's unit letters or an ISO-8601 duration. */
    @JsonCreator
    public static RateLimit of(@JsonProperty("limit") long limit, @JsonProperty("window") String window) {
        return new RateLimit(limit, WindowLabel.parse(window));
    }

    public static RateLimit perMinute(long limit) {
        return new RateLimit(limit, Duration.ofMinutes(1));
    }

    public static RateLimit perHour(long limit) {
        return new RateLimit(limit, Duration.ofHours(1));
    }

    /** The window as DFINERY writes it in {@code x-ratelimit-limit}: {@code 1m}, {@code 1H}, {@code 2s}. */
    public String windowLabel() {
        return WindowLabel.format(window);
    }
}
