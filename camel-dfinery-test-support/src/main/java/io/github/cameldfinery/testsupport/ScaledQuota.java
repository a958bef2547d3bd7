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
package io.github.cameldfinery.testsupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.config.RateLimit;
import io.github.cameldfinery.emulator.state.EmulatedService;
import io.github.cameldfinery.emulator.state.RecordedRequest;

/**
 * DFINERY's event quota scaled down for tests ({@code limit} requests per {@code window}), what a test needs to line
 * up with its fixed windows (counted from the epoch, as the emulator counts them), and the check that the emulator
 * saw it kept. Windows are real time: a test that spends many of them belongs in Failsafe ({@code *IT}).
 *
 * <pre>{@code
 * static final ScaledQuota QUOTA = new ScaledQuota(30, Duration.ofSeconds(2));
 * ... new ServiceConfig("shop", "imp", "exp").rateLimit(ApiKind.EVENT, QUOTA.rateLimit()) ...
 * QUOTA.awaitWindowStart();
 * ... send ...
 * QUOTA.assertKept(dfinery.service("shop"), 3);
 * }</pre>
 */
public record ScaledQuota(int limit, Duration window) {

    /** The emulator's limit for this quota. */
    public RateLimit rateLimit() {
        return new RateLimit(limit, window);
    }

    /** The window an instant (milliseconds since the epoch) falls in. */
    public long windowOf(long epochMillis) {
        return epochMillis / window.toMillis();
    }

    /** The window now. */
    public long currentWindow() {
        return windowOf(System.currentTimeMillis());
    }

    /** How far into its window the clock is now. */
    public long millisIntoWindow() {
        return System.currentTimeMillis() % window.toMillis();
    }

    /** Returns once a window has just begun, so that the first window of a test has all its time. */
    public void awaitWindowStart() {
        awaitMillisIntoWindow(0, 100);
    }

    /** Returns once the window after the current one has begun; returns that window. */
    public long awaitNextWindow() {
        long next = currentWindow() + 1;
        await().atMost(window.multipliedBy(2)).pollInterval(Duration.ofMillis(5)).until(() -> currentWindow() >= next);
        return next;
    }

    /** Returns once the clock is between {@code from} (inclusive) and {@code to} milliseconds into a window. */
    public void awaitMillisIntoWindow(long from, long to) {
        await().atMost(window.multipliedBy(3)).pollInterval(Duration.ofMillis(5)).until(() -> {
            long into = millisIntoWindow();
            return into >= from && into < to;
        });
    }

    /** Event requests the emulator received per window, in window order. */
    public Map<Long, Long> perWindow(EmulatedService service) {
        return service.recentRequests().stream().filter(r -> r.kind() == ApiKind.EVENT).collect(Collectors.groupingBy(
                (RecordedRequest r) -> windowOf(r.receivedAt().toEpochMilli()), TreeMap::new, Collectors.counting()));
    }

    /** Each event request as window+milliseconds into it, with its status unless 200: for failure messages. */
    public String timeline(EmulatedService service) {
        return service.recentRequests().stream().filter(r -> r.kind() == ApiKind.EVENT)
                .map(r -> windowOf(r.receivedAt().toEpochMilli()) + "+" + r.receivedAt().toEpochMilli() % window.toMillis()
                          + (r.httpStatus() == 200 ? "" : ":" + r.httpStatus()))
                .collect(Collectors.joining(" "));
    }

    /**
     * No 429 and at most the limit in every window, over at least {@code minWindows} windows: the rules, which hold
     * however loaded the machine is. How much of each window was used depends on the machine's speed, so that figure
     * is measured by the benchmarks, not asserted by tests.
     */
    public void assertKept(EmulatedService service, int minWindows) {
        Map<Long, Long> windows = perWindow(service);
        assertEquals(0L, service.stats().rejections("40401"), () -> "429s in " + timeline(service));
        assertTrue(windows.values().stream().allMatch(count -> count <= limit),
                () -> "more than " + limit + " requests in a window: " + windows);
        assertTrue(windows.size() >= minWindows, () -> "fewer than " + minWindows + " windows: " + windows);
    }
}
