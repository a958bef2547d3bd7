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
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/brokers.md's export recipe (recipes/dfinery-export-to-kafka.yaml) on a real Kafka node: DFINERY's export of
 * past days into a topic, docs/export.md's recipe for replicas (cursor, claims with a 2-second lease, delivered rows in
 * Redis). Replica a is stopped dead right after Kafka acknowledged a row and before the row was recorded as
 * delivered, mid-window, and killed there (SIGKILL) while replica b runs; a is started again. The topic then holds
 * every stored event, the number of distinct record keys equals the number of events, and the only record sent
 * twice is the one a held: at-least-once into Kafka, a duplicate a downstream consumer drops by its key.
 */
class ExportToKafkaIT extends BrokerRecipeSupport {

    static final int DAYS = 3;
    static final int PER_DAY = 8;
    /** a holds the 11th row it hands to Kafka: in the middle of the second day's window. */
    static final int HOLD_AFTER = PER_DAY + 3;

    static KafkaBroker kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KafkaBroker.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyRowReachesTheTopicAndOnlyTheRowHeldAtTheKillIsSentTwice() throws Exception {
        seed();
        List<String> stored = service().events().stream().map(StoredEvent::eventLogId).toList();
        assertThat(stored).hasSize(DAYS * PER_DAY);
        String topic = "dfinery-export";
        kafka.createTopics(1, topic);

        Properties properties = dfineryProperties();
        properties.setProperty("camel.component.dfinery.bearer-token", "exp");
        properties.setProperty("camel.component.kafka.brokers", kafka.bootstrap());
        properties.setProperty("camel.beans.exportCursor",
                "#class:io.github.cameldfinery.redis.RedisStateRepository(\"" + redis.uri() + "\")");
        // A short lease, so that the window the killed replica held is taken again within the test.
        properties.setProperty("camel.beans.exportClaims",
                "#class:io.github.cameldfinery.redis.RedisExportClaims(\"" + redis.uri() + "\", \"PT2S\")");
        properties.setProperty("camel.beans.delivered",
                "#class:io.github.cameldfinery.redis.RedisIdempotentRepository(\"" + redis.uri()
                        + "\", \"delivered:\", \"P31D\")");
        properties.setProperty("dfinery.export-topic", topic);
        properties.setProperty("dfinery.export-start-date", today().minusDays(DAYS).toString());
        properties.setProperty("dfinery.export-delay", "200");
        Path file = write(properties, dir.resolve("application.properties"));
        String routes = "classpath:recipes/dfinery-export-to-kafka.yaml";

        List<ChildJvm> replicas = new ArrayList<>();
        try {
            replicas.addAll(replicas(file, routes, Map.of("a", List.of("-Dhold-after-sends=" + HOLD_AFTER,
                    "-Dhold-uri-prefix=kafka:", "-Dhold-print-header=CamelKafkaKey")), "a"));
            ChildJvm a = replicas.get(0);
            String held = a.awaitLine("HELD ", Duration.ofSeconds(120)).substring("HELD ".length());
            replicas.addAll(replicas(file, routes, Map.of(), "b"));
            a.kill();
            replicas.addAll(replicas(file, routes, Map.of(), "a-again"));

            List<String> keys = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.assign(List.of(new TopicPartition(topic, 0)));
                consumer.seekToBeginning(consumer.assignment());
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        keys.add(record.key());
                        ids.add(eventLogId(record.value()));
                    }
                    assertThat(keys.stream().distinct().count()).as("distinct keys; replicas: %s", replicas)
                            .isEqualTo(stored.size());
                });
                // Anything sent later would be a row sent again: give it a moment to show.
                Instant until = Instant.now().plusSeconds(2);
                while (Instant.now().isBefore(until)) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        keys.add(record.key());
                        ids.add(eventLogId(record.value()));
                    }
                }
            }
            Map<String, Long> twice = keys.stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()))
                    .entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            long distinct = keys.stream().distinct().count();
            System.out.printf("EXPORT to Kafka: %d events stored, %d records in the topic, %d distinct keys, %d "
                    + "duplicate records (keys sent more than once: %s; the row held at the SIGKILL: %s)%n",
                    stored.size(), keys.size(), distinct, keys.size() - distinct, twice, held);
            assertThat(ids).as("every record's key is its row's event id").isEqualTo(keys);
            assertThat(keys).as("every stored event in the topic").containsAll(stored)
                    .as("nothing else").allMatch(stored::contains);
            assertThat(distinct).as("distinct keys = rows").isEqualTo(stored.size());
            assertThat(keys).as("the row Kafka had acknowledged, not yet recorded when a was killed").contains(held);
            assertThat(twice.keySet()).as("sent twice: at most the row held at the kill").isSubsetOf(List.of(held));
        } finally {
            stopAll(replicas);
        }
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The row's df_event_log_id, from the record's value: the row as one NDJSON line. */
    static String eventLogId(String value) {
        int at = value.indexOf("\"df_event_log_id\":\"");
        assertThat(at).as("df_event_log_id in %s", value).isNotNegative();
        int start = at + "\"df_event_log_id\":\"".length();
        return value.substring(start, value.indexOf('"', start));
    }

    /** {@link #PER_DAY} events on each of the {@link #DAYS} closed days before today, stored in the emulator. */
    static void seed() throws Exception {
        List<DfineryEvent> events = new ArrayList<>();
        for (int d = DAYS; d >= 1; d--) {
            Instant day = today().minusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int i = 0; i < PER_DAY; i++) {
                events.add(DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("user-" + i))
                        .datetime(day.plusSeconds(60L * i)).build());
            }
        }
        DfineryComponent component = new DfineryComponent();
        component.getConfiguration().setBaseUri(dfinery.baseUri().toString());
        component.getConfiguration().setServiceId(SERVICE);
        component.getConfiguration().setAccessToken("imp");
        try (CamelContext seeder = new DefaultCamelContext()) {
            seeder.addComponent("dfinery", component);
            seeder.start();
            seeder.createProducerTemplate().sendBody("dfinery:event", events);
        }
    }
}
