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
import java.util.concurrent.atomic.AtomicReference;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.cameldfinery.emulator.junit.RedisServerExtension;
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

    RedisClient client;
    ProxyManager<String> buckets;

    @BeforeEach
    void connect() {
        client = RedisClient.create(redis.uri());
        buckets = Bucket4jLettuce.casBasedBuilder(client).build().withMapper(key -> key.getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void disconnect() {
        try (var connection = client.connect()) {
            connection.sync().flushall();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aReplicaThatLooksJustBeforeTheProbesAnswerTakesFromTheBucket() {
        QuotaCounter first = counter(buckets);
        AtomicReference<Runnable> betweenLookAndTake = new AtomicReference<>();
        QuotaCounter second = counter(afterEachEmptyLook(buckets, betweenLookAndTake));
        Instant reset = Instant.now().plus(WINDOW);

        assertThat(first.take(1, Instant.now()).outcome()).isEqualTo(QuotaCounter.Outcome.PROBE);
        betweenLookAndTake.set(() -> first.observe(29L, reset, false));
        QuotaCounter.Take take = second.take(1, Instant.now());

        assertThat(take.outcome()).isEqualTo(QuotaCounter.Outcome.GRANTED);
        assertThat(second.view().remaining()).isEqualTo(28);
        assertThat(second.view().resetAt()).isEqualTo(reset.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void withoutAnAnswerTheSecondReplicaWaitsForTheProbe() {
        QuotaCounter first = counter(buckets);
        QuotaCounter second = counter(buckets);

        assertThat(first.take(1, Instant.now()).outcome()).isEqualTo(QuotaCounter.Outcome.PROBE);

        assertThat(second.take(1, Instant.now()).outcome()).isEqualTo(QuotaCounter.Outcome.WAIT);
    }

    static QuotaCounter counter(ProxyManager<String> buckets) {
        return new Bucket4jQuotaCounter(buckets, KEY, 30, WINDOW, Duration.ofSeconds(30), Clock.systemUTC());
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
