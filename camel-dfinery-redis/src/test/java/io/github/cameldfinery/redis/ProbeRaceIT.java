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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.cameldfinery.component.http.RateLimitState;
import io.github.cameldfinery.component.quota.QuotaGuard;
import io.github.cameldfinery.testsupport.RedisServerExtension;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas start together: one probes, the other looks for the bucket, finds none, and asks for the right to
 * probe just after the probe's answer made the bucket and gave the right back. It must take from the bucket, not send
 * a second probe that nothing counts (a 31st request in a window of 30, seen on a 2-CPU machine).
 */
class ProbeRaceIT {

    static final String KEY = "race:shop:EVENT";
    static final Duration WINDOW = Duration.ofSeconds(60);

    @RegisterExtension
    static RedisServerExtension redis = new RedisServerExtension();

    static final Duration PROBE_WAIT = Duration.ofSeconds(5);

    RedisClient client;
    ScheduledExecutorService timer;
    ProxyManager<String> buckets;

    @BeforeEach
    void connect() {
        timer = Executors.newSingleThreadScheduledExecutor();
        client = RedisClient.create(redis.uri());
        buckets = Bucket4jLettuce.casBasedBuilder(client).build().withMapper(key -> key.getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void disconnect() {
        try (var connection = client.connect()) {
            connection.sync().flushall();
        } finally {
            client.shutdown();
            timer.shutdownNow();
        }
    }

    @Test
    void aReplicaThatLooksJustBeforeTheProbesAnswerTakesFromTheBucket() {
        QuotaGuard first = guard(count(buckets));
        AtomicReference<Runnable> betweenLookAndTake = new AtomicReference<>();
        Bucket4jRequestCount second = count(afterEachEmptyLook(buckets, betweenLookAndTake));
        Instant reset = Instant.now().plus(WINDOW);

        QuotaGuard.Permit probe = first.acquire(Duration.ZERO, PROBE_WAIT).join();
        betweenLookAndTake.set(() -> probe.observe(new RateLimitState("60s", 29L, reset), false));
        CompletableFuture<QuotaGuard.Permit> taken = guard(second).acquire(Duration.ZERO, PROBE_WAIT);

        assertThat(taken).isCompleted();
        assertThat(second.read().remaining()).as("taken from the bucket, not a second probe").isEqualTo(28);
        assertThat(second.read().resetAt()).isEqualTo(reset.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void withoutAnAnswerTheSecondReplicaWaitsForTheProbe() {
        QuotaGuard first = guard(count(buckets));
        QuotaGuard second = guard(count(buckets));

        assertThat(first.acquire(Duration.ZERO, PROBE_WAIT)).isCompleted();

        assertThat(second.acquire(Duration.ZERO, PROBE_WAIT)).isNotDone();
    }

    QuotaGuard guard(Bucket4jRequestCount count) {
        return new QuotaGuard("shop", "EVENT", 30, WINDOW, count, true, Clock.systemUTC(), timer);
    }

    static Bucket4jRequestCount count(ProxyManager<String> buckets) {
        return new Bucket4jRequestCount(buckets, KEY, 30, WINDOW, Duration.ofSeconds(30), Clock.systemUTC());
    }

    /** The same buckets; after a look that finds no bucket, runs {@code hook} once. */
    @SuppressWarnings("unchecked")
    static ProxyManager<String> afterEachEmptyLook(ProxyManager<String> buckets, AtomicReference<Runnable> hook) {
        return (ProxyManager<String>) Proxy.newProxyInstance(ProxyManager.class.getClassLoader(),
                new Class<?>[] {ProxyManager.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(buckets, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("getProxyConfiguration") && ((Optional<?>) result).isEmpty()) {
                        Runnable once = hook.getAndSet(null);
                        if (once != null) {
                            once.run();
                        }
                    }
                    return result;
                });
    }
}
