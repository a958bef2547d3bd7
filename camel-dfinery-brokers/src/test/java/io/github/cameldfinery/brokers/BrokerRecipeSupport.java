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
package io.github.cameldfinery.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.emulator.quota.WindowCount;
import io.github.cameldfinery.emulator.state.EmulatedService;
import io.github.cameldfinery.emulator.state.StoredEvent;
import io.github.cameldfinery.testsupport.RedisServerExtension;
import io.github.cameldfinery.testsupport.ScaledQuota;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the broker recipes' tests share: one emulator service "shop" whose event quota is scaled down, the Redis the
 * replicas share that quota in, the messages (each a batch of events of one user) and the checks on what DFINERY
 * stored.
 */
abstract class BrokerRecipeSupport {

    static final String SERVICE = "shop";
    /** DFINERY's event quota scaled down: 40 requests every 2 s, counted by the replicas together in Redis. */
    static final ScaledQuota QUOTA = new ScaledQuota(40, Duration.ofSeconds(2));
    static final int EVENTS_PER_MESSAGE = 10;
    static final Instant BASE = Instant.parse("2026-11-27T00:00:00Z");

    @RegisterExtension
    static RedisServerExtension redis = new RedisServerExtension();

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig().requestLogSize(20_000)
            .service(new ServiceConfig(SERVICE, "imp", "exp").rateLimit(ApiKind.EVENT, QUOTA.rateLimit())));

    static EmulatedService service() {
        return dfinery.service(SERVICE);
    }

    /** Message {@code n}: {@link #EVENTS_PER_MESSAGE} logins of user {@code m<n>}, none with an id of its own. */
    static String message(int n) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < EVENTS_PER_MESSAGE; i++) {
            json.append(i == 0 ? "" : ",").append("{\"event_name\":\"df_login\",\"event_datetime\":\"")
                    .append(BASE.plusSeconds((long) n * EVENTS_PER_MESSAGE + i)).append("\",\"identity\":{\"external_id\":\"m")
                    .append(n).append("\"}}");
        }
        return json.append(']').toString();
    }

    /** A message DFINERY can never accept: an event time without a zone (DfineryValidationException). */
    static String poison(int n) {
        return "[{\"event_name\":\"df_login\",\"event_datetime\":\"2026-11-27T10:00:00\",\"identity\":{\"external_id\":\"poison"
               + n + "\"}}]";
    }

    /** Which message an event came from. */
    static int messageOf(StoredEvent event) {
        return Integer.parseInt(event.identity().get("external_id").substring(1));
    }

    /** A business event: whom it is about and when it happened, whatever its id. */
    static String businessKey(StoredEvent event) {
        return event.identity().get("external_id") + "@" + event.eventDatetime();
    }

    /** The business events DFINERY stored more than once (under different ids), with how often. */
    static Map<String, Long> storedTwice(List<StoredEvent> events) {
        return events.stream().collect(Collectors.groupingBy(BrokerRecipeSupport::businessKey, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * How long after {@code killedAt} every group of messages (a partition, a consumer) stored again: for each group,
     * the first event stored after the kill.
     */
    static Duration recovery(List<StoredEvent> events, Instant killedAt, int groups) {
        Map<Integer, Instant> first = new HashMap<>();
        for (StoredEvent event : events) {
            if (event.serverDatetime().isAfter(killedAt)) {
                first.merge(messageOf(event) % groups, event.serverDatetime(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        assertThat(first).as("groups that stored after the kill").hasSize(groups);
        return first.values().stream().map(at -> Duration.between(killedAt, at)).max(Duration::compareTo).orElseThrow();
    }

    /** No 429, and never more than the quota in a window, as the emulator counted them. */
    static void assertQuotaKept() {
        List<WindowCount> windows = service().windows(ApiKind.EVENT);
        assertThat(service().stats().rejections("40401")).as("429s").isZero();
        assertThat(windows).as("windows").isNotEmpty()
                .allSatisfy(w -> assertThat(w.admitted()).as("requests in %s", w).isLessThanOrEqualTo(w.limit()))
                .allSatisfy(w -> assertThat(w.rejected()).as("rejected in %s", w).isZero());
        QUOTA.assertKept(service(), 3);
    }

    /** The properties every replica shares: the component on the emulator, the quota in Redis. */
    static Properties dfineryProperties() {
        Properties properties = new Properties();
        properties.setProperty("camel.component.dfinery.base-uri", dfinery.baseUri().toString());
        properties.setProperty("camel.component.dfinery.service-id", SERVICE);
        properties.setProperty("camel.component.dfinery.access-token", "imp");
        properties.setProperty("camel.component.dfinery.event-quota", Integer.toString(QUOTA.limit()));
        properties.setProperty("camel.component.dfinery.event-quota-window", QUOTA.window().toMillis() + "ms");
        properties.setProperty("camel.component.dfinery.rate-limit-max-wait", "20s");
        properties.setProperty("camel.component.dfinery.quota-store-uri", redis.uri());
        properties.setProperty("camel.main.name", "replica");
        return properties;
    }

    static Path write(Properties properties, Path file) throws Exception {
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return file;
    }

    /** Starts replicas of the recipe: their names, the JVM options of each (by name, may be absent). */
    static List<ChildJvm> replicas(Path properties, String routes, Map<String, List<String>> options, String... names)
            throws Exception {
        List<ChildJvm> started = new ArrayList<>();
        for (String name : names) {
            List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn"));
            jvm.addAll(options.getOrDefault(name, List.of()));
            started.add(ChildJvm.start("replica-" + name, BrokerReplica.class.getName(), jvm, properties.toString(), routes));
        }
        for (ChildJvm replica : started) {
            replica.awaitReady();
        }
        return started;
    }

    static void stopAll(List<ChildJvm> replicas) throws Exception {
        for (ChildJvm replica : replicas) {
            if (replica.isAlive()) {
                replica.stop();
            }
        }
        for (ChildJvm replica : replicas) {
            replica.awaitExit(Duration.ofSeconds(30));
            replica.close();
        }
    }
}
