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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameldfinery.emulator.state.StoredEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/brokers.md's Kafka recipe (recipes/kafka-to-dfinery.yaml) on a real Kafka node: three replicas, Camel Main
 * applications in JVMs of their own, in one consumer group on a topic of six partitions, sharing the quota in
 * Redis. One replica is killed (SIGKILL) right after DFINERY accepted a record's events and before its offset was
 * committed, while the others are sending; it is started again. Every event is stored exactly once (the
 * redelivered record is sent again under the same ids, which the emulator counts as duplicates), with no 429 and
 * never more than the quota in a window; the group stores from every partition again within seconds of the kill;
 * messages DFINERY can never accept are in the dead-letter topic once each. The control, the same recipe without
 * the event id key, stores the redelivered record's events twice.
 */
class KafkaToDfineryIT extends BrokerRecipeSupport {

    static final int PARTITIONS = 6;

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
    void everyEventIsStoredOnceThoughAReplicaIsKilledBeforeItsCommit() throws Exception {
        Run run = run("recipe", "classpath:recipes/kafka-to-dfinery.yaml", 300, List.of(60, 160, 260), 25);

        List<StoredEvent> stored = service().events();
        assertThat(stored).as("every produced event, once").hasSize(run.events())
                .extracting(StoredEvent::eventLogId).doesNotHaveDuplicates();
        assertThat(storedTwice(stored)).isEmpty();
        assertThat(stored).extracting(StoredEvent::eventLogId).as("the events the killed replica had sent")
                .containsAll(run.heldIds());
        long duplicates = service().stats().duplicates();
        assertThat(duplicates).as("the redelivered record's events, sent again under the same ids")
                .isGreaterThanOrEqualTo(EVENTS_PER_MESSAGE);
        assertThat(run.deadLetters()).as("each poison record once, at once").hasSize(3)
                .allSatisfy(error -> assertThat(error).startsWith("DfineryValidationException"));
        assertQuotaKept();
        System.out.printf("KAFKA recipe: %d events produced in %d records over %d partitions, %d stored, %d duplicate "
                + "sends received by the emulator, every partition storing again %d ms after the SIGKILL%n",
                run.events(), run.records(), PARTITIONS, stored.size(), duplicates, run.recovery().toMillis());
        assertThat(run.recovery()).as("every partition stores again soon after the kill (goal: 10 s)")
                .isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void withoutTheKeyTheRedeliveredRecordIsStoredTwice() throws Exception {
        Run run = run("control", "classpath:kafka-to-dfinery-random-ids.yaml", 120, List.of(), 10);

        List<StoredEvent> stored = service().events();
        Map<String, Long> twice = storedTwice(stored);
        System.out.printf("KAFKA control (random ids): %d events produced, %d stored, %d business events stored twice%n",
                run.events(), stored.size(), twice.size());
        assertThat(twice).as("the redelivered record's events, under new ids").hasSizeGreaterThanOrEqualTo(EVENTS_PER_MESSAGE);
        assertThat(stored).hasSize(run.events() + twice.size());
        assertThat(service().stats().duplicates()).as("no id was sent twice").isZero();
    }

    record Run(int records, int events, List<String> heldIds, Duration recovery, List<String> deadLetters) {
    }

    /**
     * Produces {@code records} records (one every 100 ms, so that the replicas are sending when one is killed) and
     * the poison records at the given places; replica a holds after {@code holdAfter} sends and is killed there.
     */
    Run run(String name, String routes, int records, List<Integer> poisonAt, int holdAfter) throws Exception {
        String topic = "events-" + name;
        String deadLetters = "dead-letters-" + name;
        kafka.createTopics(PARTITIONS, topic);
        kafka.createTopics(1, deadLetters);
        Properties properties = dfineryProperties();
        properties.setProperty("camel.component.kafka.brokers", kafka.bootstrap());
        properties.setProperty("dfinery.events-topic", topic);
        properties.setProperty("dfinery.dead-letter-topic", deadLetters);
        properties.setProperty("dfinery.group-id", "dfinery-" + name);
        Path file = write(properties, dir.resolve("application.properties"));

        List<ChildJvm> replicas = new ArrayList<>(replicas(file, routes,
                Map.of("a", List.of("-Dhold-after-sends=" + holdAfter)), "a", "b", "c"));
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        try (KafkaProducer<String, String> producer = producer()) {
            CompletableFuture<Void> produced = new CompletableFuture<>();
            AtomicInteger next = new AtomicInteger();
            pace.scheduleAtFixedRate(() -> {
                int n = next.getAndIncrement();
                if (n >= records + poisonAt.size()) {
                    produced.complete(null);
                    return;
                }
                try {
                    int message = n - (int) poisonAt.stream().filter(p -> p < n).count();
                    String value = poisonAt.contains(n) ? poison(n) : message(message);
                    producer.send(new ProducerRecord<>(topic, message % PARTITIONS, null, value)).get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    produced.completeExceptionally(e);
                }
            }, 0, 100, TimeUnit.MILLISECONDS);

            ChildJvm a = replicas.get(0);
            String held;
            try {
                held = a.awaitLine("HELD ", Duration.ofSeconds(120));
            } catch (AssertionError e) {
                throw new AssertionError("emulator: " + service().stats() + "; others: " + replicas.subList(1, 3), e);
            }
            Instant killedAt = Instant.now();
            a.kill();
            List<String> heldIds = List.of(held.substring("HELD [".length(), held.length() - 1).split(", "));

            // The group stores from every partition again; then a comes back.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(recoveredGroups(killedAt)).as("group: %s; last stored: %s; killed at %s", group(name),
                            lastStored(), killedAt).isEqualTo(PARTITIONS));
            Duration recovery = recovery(service().events(), killedAt, PARTITIONS);
            replicas.addAll(replicas(file, routes, Map.of(), "a-again"));

            produced.get(120, TimeUnit.SECONDS);
            int events = records * EVENTS_PER_MESSAGE;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(service().events().stream().map(BrokerRecipeSupport::businessKey).distinct().count())
                            .as("replicas: %s", replicas).isEqualTo(events));
            List<String> dead = deadLetters(deadLetters, poisonAt.size());
            return new Run(records, events, heldIds, recovery, dead);
        } finally {
            pace.shutdownNow();
            stopAll(replicas);
        }
    }

    /** The consumer group's state and members' assignments, for a failure's message. */
    static String group(String name) {
        try (org.apache.kafka.clients.admin.Admin admin = kafka.admin()) {
            return admin.describeConsumerGroups(List.of("dfinery-" + name)).all().get(10, TimeUnit.SECONDS).toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** The last event stored per partition: message and time. */
    static Map<Integer, String> lastStored() {
        Map<Integer, String> last = new java.util.TreeMap<>();
        for (StoredEvent event : service().events()) {
            last.put(messageOf(event) % PARTITIONS, messageOf(event) + "@" + event.serverDatetime());
        }
        return last;
    }

    /** How many partitions have stored an event since the kill. */
    static long recoveredGroups(Instant killedAt) {
        return service().events().stream().filter(e -> e.serverDatetime().isAfter(killedAt))
                .map(e -> messageOf(e) % PARTITIONS).distinct().count();
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    /** The dead-letter topic's records, as their dfineryError headers, once it holds {@code expected} (or more). */
    static List<String> deadLetters(String topic, int expected) {
        List<String> errors = new ArrayList<>();
        if (expected == 0) {
            return errors;
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    errors.add(new String(record.headers().lastHeader("dfineryError").value(), StandardCharsets.UTF_8));
                }
                return errors.size() >= expected;
            });
            // Anything more would be a poison record sent twice: give it a moment to show.
            errors.addAll(consumer.poll(Duration.ofSeconds(1)).count() > 0 ? List.of("more") : List.of());
        }
        return errors;
    }
}
