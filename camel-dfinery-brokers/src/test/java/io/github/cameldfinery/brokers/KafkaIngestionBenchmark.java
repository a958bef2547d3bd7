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

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka into DFINERY, measured side by side in one run: the same messages (10 events each) sent to the emulator
 * from {@code direct:} by one Camel Main application, and consumed from a topic of six partitions by docs/brokers.md's
 * Kafka recipe (recipes/kafka-to-dfinery.yaml) in one replica and in three. Every path runs in JVMs of its own
 * started alike (ChildJvm's options), against one emulator in a JVM of its own (the standalone main, the
 * benchmarks' configuration: limits that do not interfere) and one single-node Kafka ({@link KafkaBroker}), in
 * rounds whose order rotates. A Kafka measurement starts once the group is stable with every replica assigned, when
 * the records start to be produced, and ends when the emulator has stored all their events; the direct one times the
 * sends. The replicas keep the quota locally (no Redis): the limits are far away.
 *
 * <p>Arguments: the emulator's configuration file, messages per measurement (default 1000), rounds (default 3).
 */
public final class KafkaIngestionBenchmark {

    static final int PARTITIONS = 6;
    static final String SERVICE = "bench";
    /** The events stored, in the emulator's stats (the configuration has the one service). */
    static final Pattern STORED = Pattern.compile("\"events_?[sS]tored\"\\s*:\\s*(\\d+)");

    private KafkaIngestionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path emulatorConfig = Path.of(args[0]);
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int events = messages * BrokerRecipeSupport.EVENTS_PER_MESSAGE;
        Path dir = Files.createTempDirectory("kafka-bench-");
        int port = Ports.free();
        HttpClient http = HttpClient.newHttpClient();
        URI stats = URI.create("http://127.0.0.1:" + port + "/_emulator/stats");
        try (ChildJvm emulator = ChildJvm.start("bench-emulator", "io.github.cameldfinery.emulator.EmulatorMain",
                List.of("-Xmx2g"), "--config", emulatorConfig.toString(), "--port", Integer.toString(port));
             KafkaBroker kafka = KafkaBroker.start()) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> stored(http, stats) >= 0);
            Properties properties = new Properties();
            properties.setProperty("camel.component.dfinery.base-uri", "http://127.0.0.1:" + port);
            properties.setProperty("camel.component.dfinery.service-id", SERVICE);
            properties.setProperty("camel.component.dfinery.access-token", "bench-import");
            properties.setProperty("camel.component.dfinery.event-quota", "100000000");
            properties.setProperty("camel.component.kafka.brokers", kafka.bootstrap());
            properties.setProperty("camel.main.name", "bench");
            System.out.printf("Kafka -> DFINERY: %d messages of %d events per measurement, %d rounds%n", messages,
                    BrokerRecipeSupport.EVENTS_PER_MESSAGE, rounds);
            List<String> paths = List.of("direct", "kafka-1", "kafka-3");
            Map<String, double[]> rates = Map.of("direct", new double[rounds], "kafka-1", new double[rounds],
                    "kafka-3", new double[rounds]);
            int next = 0;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < paths.size(); i++) {
                    String path = paths.get((i + round) % paths.size());
                    long nanos = path.equals("direct")
                            ? direct(properties, dir, next, messages)
                            : kafka(kafka, properties, dir, path.equals("kafka-1") ? 1 : 3, round, next, messages, http, stats);
                    next += messages;
                    double rate = events / (nanos / 1e9);
                    rates.get(path)[round] = rate;
                    System.out.printf("round %d %-8s %,10.0f events/s (%.2f s)%n", round + 1, path, rate, nanos / 1e9);
                }
                System.out.printf("round %d ratios: kafka-1/direct %.2f, kafka-3/kafka-1 %.2f%n", round + 1,
                        rates.get("kafka-1")[round] / rates.get("direct")[round],
                        rates.get("kafka-3")[round] / rates.get("kafka-1")[round]);
            }
            double[] oneVsDirect = new double[rounds];
            double[] threeVsOne = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                oneVsDirect[round] = rates.get("kafka-1")[round] / rates.get("direct")[round];
                threeVsOne[round] = rates.get("kafka-3")[round] / rates.get("kafka-1")[round];
            }
            System.out.printf("median events/s: direct %,.0f, kafka-1 %,.0f, kafka-3 %,.0f%n", median(rates.get("direct")),
                    median(rates.get("kafka-1")), median(rates.get("kafka-3")));
            System.out.printf("median ratios of the rounds: kafka-1/direct %.2f, kafka-3/kafka-1 %.2f%n",
                    median(oneVsDirect), median(threeVsOne));
            emulator.stop();
        }
        System.exit(0);
    }

    /** One Camel Main application sends messages first.. from direct:, one after the other. */
    static long direct(Properties common, Path dir, int first, int messages) throws Exception {
        Path file = BrokerRecipeSupport.write(common, dir.resolve("direct.properties"));
        try (ChildJvm sender = ChildJvm.start("bench-direct", DirectSender.class.getName(), List.of("-Xmx256m"),
                file.toString(), "classpath:direct-to-dfinery.yaml")) {
            sender.awaitReady();
            sender.tell("GO " + first + " " + messages);
            String done = sender.awaitLine("DONE ", Duration.ofMinutes(10));
            sender.stop();
            sender.awaitExit(Duration.ofSeconds(30));
            return Long.parseLong(done.substring("DONE ".length()));
        }
    }

    /** {@code replicas} replicas of the Kafka recipe consume messages first.. produced into a new topic. */
    static long kafka(KafkaBroker kafka, Properties common, Path dir, int replicas, int round, int first, int messages,
                      HttpClient http, URI stats) throws Exception {
        String name = "bench-" + replicas + "-" + round;
        kafka.createTopics(PARTITIONS, name);
        kafka.createTopics(1, name + "-dead");
        Properties properties = new Properties();
        properties.putAll(common);
        properties.setProperty("dfinery.events-topic", name);
        properties.setProperty("dfinery.dead-letter-topic", name + "-dead");
        properties.setProperty("dfinery.group-id", name);
        Path file = BrokerRecipeSupport.write(properties, dir.resolve(name + ".properties"));
        String[] names = new String[replicas];
        Arrays.setAll(names, i -> Character.toString('a' + i));
        List<ChildJvm> started = new ArrayList<>(BrokerRecipeSupport.replicas(file, "classpath:recipes/kafka-to-dfinery.yaml",
                Map.of(), names));
        try (Admin admin = kafka.admin();
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(), ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(name)).all()
                        .get(10, TimeUnit.SECONDS).get(name);
                return group.members().size() == replicas && group.members().stream()
                        .mapToInt(m -> m.assignment().topicPartitions().size()).sum() == PARTITIONS
                        && group.groupState().toString().equalsIgnoreCase("stable");
            });
            long before = stored(http, stats);
            long target = before + (long) messages * BrokerRecipeSupport.EVENTS_PER_MESSAGE;
            long start = System.nanoTime();
            for (int n = first; n < first + messages; n++) {
                producer.send(new ProducerRecord<>(name, n % PARTITIONS, null, BrokerRecipeSupport.message(n)));
            }
            producer.flush();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> stored(http, stats) >= target);
            return System.nanoTime() - start;
        } finally {
            BrokerRecipeSupport.stopAll(started);
        }
    }

    /** The events the emulator has stored for the service. */
    static long stored(HttpClient http, URI stats) throws Exception {
        String body = http.send(HttpRequest.newBuilder(stats).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = STORED.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no events stored in " + body);
        }
        return Long.parseLong(matcher.group(1));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
