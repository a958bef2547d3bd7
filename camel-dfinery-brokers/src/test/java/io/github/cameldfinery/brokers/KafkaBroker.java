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

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka cluster (KRaft: one JVM that is broker and controller) in a JVM of its own, from the Kafka
 * server jars on the tests' classpath: its storage formatted by Kafka's StorageTool, then {@code kafka.Kafka} run
 * on a generated server.properties, both listeners on free loopback ports. Ready once an AdminClient sees it.
 */
final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final String bootstrap;
    private final ChildJvm process;

    private KafkaBroker(Path dir, String bootstrap, ChildJvm process) {
        this.dir = dir;
        this.bootstrap = bootstrap;
        this.process = process;
    }

    static KafkaBroker start() throws Exception {
        Path dir = Files.createTempDirectory("kafka-");
        int port = Ports.free();
        int controllerPort = Ports.free();
        Properties server = new Properties();
        server.setProperty("process.roles", "broker,controller");
        server.setProperty("node.id", "1");
        server.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        server.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        server.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        server.setProperty("controller.listener.names", "CONTROLLER");
        server.setProperty("inter.broker.listener.name", "PLAINTEXT");
        server.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        server.setProperty("log.dirs", dir.resolve("data").toString());
        // One node: every internal topic has one replica, and few partitions, so that they are made quickly.
        server.setProperty("offsets.topic.replication.factor", "1");
        server.setProperty("offsets.topic.num.partitions", "3");
        server.setProperty("transaction.state.log.replication.factor", "1");
        server.setProperty("transaction.state.log.min.isr", "1");
        server.setProperty("transaction.state.log.num.partitions", "3");
        server.setProperty("share.coordinator.state.topic.replication.factor", "1");
        server.setProperty("share.coordinator.state.topic.min.isr", "1");
        server.setProperty("auto.create.topics.enable", "false");
        // A group starts at once instead of waiting 3 s for more members.
        server.setProperty("group.initial.rebalance.delay.ms", "0");
        Path config = dir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            server.store(writer, "single-node KRaft cluster of the tests");
        }
        List<String> jvm = List.of("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        try (ChildJvm format = ChildJvm.start("kafka-format", "kafka.tools.StorageTool", jvm, "format", "-t",
                Uuid.randomUuid().toString(), "-c", config.toString())) {
            format.awaitExit(Duration.ofSeconds(90));
            if (format.isAlive() || Files.notExists(dir.resolve("data").resolve("meta.properties"))) {
                throw new IllegalStateException("Kafka's storage was not formatted: " + format);
            }
        }
        String bootstrap = "127.0.0.1:" + port;
        KafkaBroker broker = new KafkaBroker(dir, bootstrap, ChildJvm.start("kafka", "kafka.Kafka", jvm, config.toString()));
        try (Admin admin = broker.admin()) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .failFast("Kafka exited: " + broker.process, () -> !broker.process.isAlive())
                    .ignoreExceptions()
                    .until(() -> !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty());
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    String bootstrap() {
        return bootstrap;
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** Makes topics, each with {@code partitions} partitions. */
    void createTopics(int partitions, String... names) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, partitions, (short) 1));
        }
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        process.close();
        deleteTree(dir);
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
