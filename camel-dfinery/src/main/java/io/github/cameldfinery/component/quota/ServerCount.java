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
package io.github.cameldfinery.component.quota;

import java.time.Instant;

/**
 * What a response said of the server's count (its rate-limit headers); any of it may be null (absent). The HTTP
 * layer's {@code RateLimitState} is one.
 */
public interface ServerCount {

    /** The window as DFINERY writes it ({@code 1m}, {@code 1H}); null when absent. */
    String window();

    /** Requests left in the window; null when absent. */
    Long remaining();

    /** When the window resets, as the server wrote it (the guard decides what to count with); null when absent. */
    Instant resetAt();

    /** A count given by its parts. */
    static ServerCount of(String window, Long remaining, Instant resetAt) {
        return new Given(window, remaining, resetAt);
    }

    /** A count given by its parts. */
    record Given(String window, Long remaining, Instant resetAt) implements ServerCount {
    }
}
