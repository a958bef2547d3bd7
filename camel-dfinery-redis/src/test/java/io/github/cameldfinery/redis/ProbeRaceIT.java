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

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.cameldfinery.component.quota.QuotaGuard;
import io.github.cameldfinery.component.quota.RequestCount;
import io.github.cameldfinery.component.quota.ServerCount;
import io.github.cameldfinery.component.quota.StoredRequestCount;
import io.github.cameldfinery.component.spi.DfineryQuotaValue;
import io.github.cameldfinery.testsupport.FakeClock;
import io.github.cameldfinery.testsupport.ManualTimer;
import io.github.cameldfinery.testsupport.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas start together: one probes, the other finds no window, and asks for the lease to probe just after the
 * probe's answer stored the window and gave the lease back. It must take from the window, not send a second probe that
 * nothing counts (a 31st request in a window of 30, seen on a 2-CPU machine).
 */
class ProbeRaceIT {

    static final Duration WINDOW = Duration.ofSeconds(60);
    static final Duration PROBE_WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static RedisServerExtension redis = new RedisServerExtension();

    final String key = "race-" + UUID.randomUUID() + ":event";
    final FakeClock clock = new FakeClock(Instant.parse("2026-12-01T10:00:00.250Z"));
    final ManualTimer timer = new ManualTimer(clock);
    final RedisQuotaStore firstStore = started();
    final RedisQuotaStore secondStore = started();

    static RedisQuotaStore started() {
        RedisQuotaStore store = new RedisQuotaStore(redis.uri());
        store.start();
        return store;
    }

    @AfterEach
    void stop() {
        firstStore.stop();
        secondStore.stop();
    }

    @Test
    void aReplicaThatLooksJustBeforeTheProbesAnswerTakesFromTheWindow() {
        QuotaGuard first = guard(count(firstStore.value(key)));
        AtomicReference<Runnable> betweenLookAndLease = new AtomicReference<>();
        RequestCount second = count(afterNextUpdate(secondStore.value(key), betweenLookAndLease));
        Instant reset = clock.instant().plus(WINDOW);

        QuotaGuard.Permit probe = first.acquire(Duration.ZERO, PROBE_WAIT).join();
        betweenLookAndLease.set(() -> probe.observe(ServerCount.of("60s", 29L, reset), false));
        CompletableFuture<QuotaGuard.Permit> taken = guard(second).acquire(Duration.ZERO, PROBE_WAIT);

        assertThat(taken).isCompleted();
        assertThat(second.read()).as("taken from the window, not a second probe")
                .isEqualTo(new RequestCount.Window(28, reset));
    }

    @Test
    void withoutAnAnswerTheSecondReplicaWaitsForTheProbe() {
        QuotaGuard first = guard(count(firstStore.value(key)));
        QuotaGuard second = guard(count(secondStore.value(key)));

        assertThat(first.acquire(Duration.ZERO, PROBE_WAIT)).isCompleted();

        assertThat(second.acquire(Duration.ZERO, PROBE_WAIT)).isNotDone();
    }

    QuotaGuard guard(RequestCount count) {
        return new QuotaGuard("shop", "EVENT", 30, WINDOW, count, true, clock, timer);
    }

    RequestCount count(DfineryQuotaValue value) {
        return new StoredRequestCount(value, 30, WINDOW, clock);
    }

    /** The same value; after its next update (the take that finds no window), runs {@code hook} once. */
    static DfineryQuotaValue afterNextUpdate(DfineryQuotaValue value, AtomicReference<Runnable> hook) {
        return new DfineryQuotaValue() {
            @Override
            public String read() {
                return value.read();
            }

            @Override
            public String update(Function<String, Next> change) {
                String text = value.update(change);
                Runnable once = hook.getAndSet(null);
                if (once != null) {
                    once.run();
                }
                return text;
            }
        };
    }
}
