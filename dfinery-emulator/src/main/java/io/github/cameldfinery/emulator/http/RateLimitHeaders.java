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
