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
package io.github.cameldfinery.emulator.http;

import com.sun.net.httpserver.Headers;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.quota.QuotaState;

/** Writes the three rate-limit headers in the configured spelling and reset unit. */
final class RateLimitHeaders {

    private final String limit;
    private final String remaining;
    private final String reset;
    private final boolean seconds;

    RateLimitHeaders(EmulatorConfig config) {
        String prefix = config.headerSpelling() == EmulatorConfig.HeaderSpelling.LOWERCASE ? "x-ratelimit-" : "X-Rate-Limit-";
        boolean lower = config.headerSpelling() == EmulatorConfig.HeaderSpelling.LOWERCASE;
        this.limit = prefix + (lower ? "limit" : "Limit");
        this.remaining = prefix + (lower ? "remaining" : "Remaining");
        this.reset = prefix + (lower ? "reset" : "Reset");
        this.seconds = config.resetUnit() == EmulatorConfig.ResetUnit.SECONDS;
    }

    void write(Headers headers, QuotaState state) {
        headers.set(limit, state.window());
        headers.set(remaining, Long.toString(Math.max(0, state.remaining())));
        headers.set(reset, Long.toString(seconds ? state.resetMillis() / 1000 : state.resetMillis()));
    }
}
