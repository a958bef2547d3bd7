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
package io.github.cameldfinery.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.RateLimit;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.state.EmulatedService;
import io.github.cameldfinery.emulator.state.RecordedRequest;

/** DFINERY's event quota scaled down for tests (30 requests per 2 seconds), and how the emulator saw it used. */
final class ScaledQuota {

    static final int LIMIT = 30;
    static final Duration WINDOW = Duration.ofSeconds(2);

    private ScaledQuota() {
    }

    /** The emulator's service "shop" with the scaled event quota. */
    static EmulatorConfig emulator() {
        return new EmulatorConfig().service(new ServiceConfig(Application.SERVICE, "imp", "exp")
                .rateLimit(ApiKind.EVENT, new RateLimit(LIMIT, WINDOW)));
    }

    /** A replica's component: the scaled quota counted in the Redis at {@code redisUri} (if any), waits up to 20 s. */
    static DfineryComponent component(URI emulator, String redisUri) {
        DfineryComponent component = Application.component(emulator);
        component.getConfiguration().setEventQuota(LIMIT);
        component.getConfiguration().setEventQuotaWindow(WINDOW.toMillis());
        component.getConfiguration().setRateLimitMaxWait(20_000);
        component.getConfiguration().setRetryDelay(5);
        component.getConfiguration().setRetryMaxDelay(20);
        if (redisUri != null) {
            component.setQuotaStoreUri(redisUri);
        }
        return component;
    }

    /** Returns once a window has just begun, so that the first window of a test has all its time. */
    static void awaitWindowStart() {
        await().atMost(WINDOW.multipliedBy(2)).pollInterval(Duration.ofMillis(5))
                .until(() -> System.currentTimeMillis() % WINDOW.toMillis() < 100);
    }

    /** Event requests the emulator admitted per fixed window, in window order. */
    static Map<Long, Long> perWindow(EmulatedService service) {
        return service.recentRequests().stream().filter(r -> r.kind() == ApiKind.EVENT).collect(Collectors.groupingBy(
                (RecordedRequest r) -> r.receivedAt().toEpochMilli() / WINDOW.toMillis(), TreeMap::new,
                Collectors.counting()));
    }

    /** Each event request as milliseconds into its window, status and code, window by window: for failure messages. */
    static String timeline(EmulatedService service) {
        return service.recentRequests().stream().filter(r -> r.kind() == ApiKind.EVENT)
                .map(r -> r.receivedAt().toEpochMilli() / WINDOW.toMillis() + "+" + r.receivedAt().toEpochMilli()
                          % WINDOW.toMillis() + (r.httpStatus() == 200 ? "" : ":" + r.httpStatus()))
                .collect(Collectors.joining(" "));
    }

    /**
     * No 429 and at most the quota in every window: the rules, which hold however loaded the machine is. How much
     * of each window was used depends on the machine's speed, so that figure is measured by the benchmarks
     * ({@code QuotaUse}, docs/benchmarks.md), not asserted here.
     */
    static void assertWithinQuota(EmulatedService service, int minWindows) {
        Map<Long, Long> windows = perWindow(service);
        assertThat(service.stats().rejections("40401")).as("429s in %s", timeline(service)).isZero();
        assertThat(windows.values()).as("requests per window " + windows).allMatch(count -> count <= LIMIT);
        assertThat(windows).as("windows " + windows).hasSizeGreaterThanOrEqualTo(minWindows);
    }
}
