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

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.cameldfinery.testsupport.RedisServerExtension;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis beans of one application (one Camel context) on one Redis URI share one Lettuce client and its
 * connections, counted on the server with CLIENT LIST; the last bean to stop closes it. Two Camel contexts in one
 * JVM keep a client each, as two processes would.
 */
class SharedRedisClientIT {

    @RegisterExtension
    static RedisServerExtension redis = new RedisServerExtension();

    static RedisClient adminClient;
    static StatefulRedisConnection<String, String> admin;

    final List<CamelContext> contexts = new ArrayList<>();

    @BeforeAll
    static void connectAdmin() {
        adminClient = RedisClient.create(plainUri());
        admin = adminClient.connect();
    }

    @AfterAll
    static void closeAdmin() {
        admin.close();
        adminClient.shutdown();
    }

    @AfterEach
    void stopApplications() {
        for (CamelContext context : contexts) {
            stopEveryBean(context);
            context.stop();
        }
    }

    /** The connections open on the server, but for this test's own. */
    static long connections() {
        long own = admin.sync().clientId();
        return Arrays.stream(admin.sync().clientList().split("\n"))
                .filter(line -> line.startsWith("id=") && !line.startsWith("id=" + own + " "))
                .count();
    }

    /** Lettuce's threads (event loops, timer), this test's own client's included. */
    static long lettuceThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("lettuce-"))
                .count();
    }

    /** The server's URI as a user would write it, with Lettuce's default timeout (2 s). */
    static String plainUri() {
        return "redis://127.0.0.1:" + redis.port();
    }

    /** An application: its Redis beans in its registry, each URI written its own way. */
    CamelContext application() {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("quotaStore", new RedisQuotaStore("redis://127.0.0.1:" + redis.port() + "/0"));
        context.getRegistry().bind("cursor", new RedisStateRepository(plainUri()));
        context.getRegistry().bind("claims", new RedisExportClaims(plainUri() + "/", Duration.ofMinutes(1)));
        context.getRegistry().bind("delivered", new RedisIdempotentRepository(plainUri() + "?timeout=2s",
                "delivered:", Duration.ofMinutes(1)));
        context.start();
        contexts.add(context);
        return context;
    }

    static RedisQuotaStore quotaStore(CamelContext context) {
        return context.getRegistry().lookupByNameAndType("quotaStore", RedisQuotaStore.class);
    }

    static RedisStateRepository cursor(CamelContext context) {
        return context.getRegistry().lookupByNameAndType("cursor", RedisStateRepository.class);
    }

    static RedisExportClaims claims(CamelContext context) {
        return context.getRegistry().lookupByNameAndType("claims", RedisExportClaims.class);
    }

    static RedisIdempotentRepository delivered(CamelContext context) {
        return context.getRegistry().lookupByNameAndType("delivered", RedisIdempotentRepository.class);
    }

    /** Starts the beans, as the component and the export consumer do, and sends a command through each. */
    static void useEveryBean(CamelContext context) {
        ServiceHelper.startService(quotaStore(context), cursor(context), claims(context), delivered(context));
        quotaStore(context).ping();
        cursor(context).setState("cursor", "2026-11-20");
        LocalDate day = LocalDate.of(2026, 11, 20);
        assertThat(claims(context).tryClaim(context.getName(), day, day)).isNotNull();
        assertThat(delivered(context).add("row-" + context.getName())).isTrue();
    }

    static void stopEveryBean(CamelContext context) {
        ServiceHelper.stopService(quotaStore(context), cursor(context), claims(context), delivered(context));
    }

    @Test
    void theBeansOfOneApplicationShareOneConnectionAndTheLastToStopClosesIt() {
        long threadsBefore = lettuceThreads();
        CamelContext context = application();
        useEveryBean(context);

        assertThat(connections()).as("one connection for the quota store, cursor, claims and idempotent repository")
                .isEqualTo(1);

        // The quota store stops; the beans still started keep the connection.
        quotaStore(context).stop();
        assertThat(cursor(context).getState("cursor")).isEqualTo("2026-11-20");
        assertThat(connections()).isEqualTo(1);

        stopEveryBean(context);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(connections()).isZero());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lettuceThreads())
                .isLessThanOrEqualTo(threadsBefore));
    }

    @Test
    void twoApplicationsInOneJvmKeepAConnectionEachAsTwoProcessesWould() {
        CamelContext first = application();
        CamelContext second = application();
        useEveryBean(first);
        useEveryBean(second);

        assertThat(connections()).isEqualTo(2);

        stopEveryBean(first);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(connections()).isEqualTo(1));
        assertThat(cursor(second).getState("cursor")).isEqualTo("2026-11-20");

        stopEveryBean(second);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(connections()).isZero());
    }

    @Test
    void beansThatLogInDifferentlyOrWaitDifferentlyDoNotShareAClient() {
        admin.sync().aclSetuser("exporter", AclSetuserArgs.Builder.on().addPassword("exporter-pass")
                .allKeys().allCommands());
        String exporter = "redis://exporter:exporter-pass@127.0.0.1:" + redis.port();
        CamelContext context = new DefaultCamelContext();
        List<RedisStateRepository> beans = List.of(new RedisStateRepository(plainUri()),
                new RedisStateRepository(plainUri() + "?timeout=500ms"), new RedisStateRepository(exporter),
                new RedisStateRepository(exporter + "/0"));
        beans.forEach(bean -> bean.setCamelContext(context));
        try {
            beans.forEach(bean -> {
                bean.start();
                bean.setState("shared", "1");
            });

            assertThat(connections()).as("default user, default user with its own timeout, exporter").isEqualTo(3);
        } finally {
            beans.forEach(RedisStateRepository::stop);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(connections()).isZero());
    }

    @Test
    void aBeanStartedOutsideACamelContextKeepsAClientOfItsOwn() {
        RedisStateRepository first = new RedisStateRepository(plainUri());
        RedisStateRepository second = new RedisStateRepository(plainUri());
        first.start();
        second.start();
        try {
            first.setState("alone", "1");
            assertThat(second.getState("alone")).isEqualTo("1");
            assertThat(connections()).isEqualTo(2);
        } finally {
            first.stop();
            second.stop();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(connections()).isZero());
    }
}
