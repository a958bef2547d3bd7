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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.state.StoredEvent;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.policy.IndividualDeadLetterStrategy;
import org.apache.activemq.broker.region.policy.PolicyEntry;
import org.apache.activemq.broker.region.policy.PolicyMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/brokers.md's JMS recipe (recipes/jms-to-dfinery.yaml) as a classic ESB runs it: ActiveMQ classic (in the test
 * JVM, on a loopback TCP port), three replicas (Camel Main applications in JVMs of their own) consuming one queue in
 * local JMS transactions, sharing the quota in Redis. One replica is killed (SIGKILL) right after DFINERY accepted a
 * message's events and before the transaction committed: the broker delivers the message to another replica, which
 * sends the same ids, and every event is stored once. DFINERY failing transiently rolls the transaction back and the
 * message comes again with the redelivery policy's back-off; a message DFINERY can never accept is in the dead-letter
 * queue after one attempt. The control, without the event id key, stores the redelivered message twice.
 */
class JmsToDfineryIT extends BrokerRecipeSupport {

    static final String QUEUE = "dfinery.events";
    static final String DEAD_LETTERS = "DLQ." + QUEUE;

    BrokerService broker;
    String brokerUrl;

    @TempDir
    Path dir;

    @BeforeEach
    void startBroker() throws Exception {
        int port = Ports.free();
        broker = new BrokerService();
        broker.setBrokerName("test-" + port);
        broker.setPersistent(false);
        broker.setUseJmx(false);
        broker.setAdvisorySupport(false);
        // A message whose redeliveries are spent goes to DLQ.<queue>, where the recipe puts what DFINERY refuses.
        IndividualDeadLetterStrategy deadLetters = new IndividualDeadLetterStrategy();
        deadLetters.setQueuePrefix("DLQ.");
        deadLetters.setUseQueueForQueueMessages(true);
        PolicyEntry policy = new PolicyEntry();
        policy.setQueue(">");
        policy.setDeadLetterStrategy(deadLetters);
        PolicyMap policies = new PolicyMap();
        policies.setDefaultEntry(policy);
        broker.setDestinationPolicy(policies);
        broker.addConnector("tcp://127.0.0.1:" + port);
        broker.start();
        broker.waitUntilStarted();
        brokerUrl = "tcp://127.0.0.1:" + port;
    }

    @AfterEach
    void stopBroker() throws Exception {
        broker.stop();
        broker.waitUntilStopped();
    }

    @Test
    void everyEventIsStoredOnceThoughAReplicaIsKilledMidTransaction() throws Exception {
        // The first 4 attempts fail: the producer's own 3 retries, then the transaction is rolled back.
        service().faults(ApiKind.EVENT).failNext(4, Fault.http500());
        Run run = run("classpath:recipes/jms-to-dfinery.yaml", 150, List.of(40, 110), 12);

        List<StoredEvent> stored = service().events();
        assertThat(stored).as("every sent event, once").hasSize(run.events()).extracting(StoredEvent::eventLogId)
                .doesNotHaveDuplicates();
        assertThat(storedTwice(stored)).isEmpty();
        assertThat(stored).extracting(StoredEvent::eventLogId).containsAll(run.heldIds());
        long duplicates = service().stats().duplicates();
        assertThat(duplicates).as("the redelivered message's events, sent again under the same ids")
                .isGreaterThanOrEqualTo(EVENTS_PER_MESSAGE);
        assertThat(service().stats().faults().get(ApiKind.EVENT)).as("the transient failures").isEqualTo(4);
        assertThat(run.deadLetters()).as("each poison message once, on its first delivery").hasSize(2)
                .allSatisfy(d -> assertThat(d).startsWith("false DfineryValidationException"));
        assertQuotaKept();
        System.out.printf("JMS recipe: %d events sent in %d messages, %d stored, %d duplicate sends received by the "
                + "emulator, the held message stored again %d ms after the SIGKILL%n", run.events(), run.messages(),
                stored.size(), duplicates, run.redelivered().toMillis());
    }

    @Test
    void withoutTheKeyTheRedeliveredMessageIsStoredTwice() throws Exception {
        Run run = run("classpath:jms-to-dfinery-random-ids.yaml", 60, List.of(), 8);

        List<StoredEvent> stored = service().events();
        Map<String, Long> twice = storedTwice(stored);
        System.out.printf("JMS control (random ids): %d events sent, %d stored, %d business events stored twice%n",
                run.events(), stored.size(), twice.size());
        assertThat(twice).as("the redelivered message's events, under new ids").hasSize(EVENTS_PER_MESSAGE);
        assertThat(stored).hasSize(run.events() + EVENTS_PER_MESSAGE);
        assertThat(service().stats().duplicates()).isZero();
    }

    record Run(int messages, int events, List<String> heldIds, Duration redelivered, List<String> deadLetters) {
    }

    Run run(String routes, int messages, List<Integer> poisonAt, int holdAfter) throws Exception {
        Properties properties = dfineryProperties();
        properties.setProperty("camel.beans.jmsConnectionFactory", "#class:org.apache.activemq.ActiveMQConnectionFactory");
        // One message at a time to each consumer, so that the replicas share the queue (ActiveMQ prefetches 1,000).
        properties.setProperty("camel.beans.jmsConnectionFactory.brokerURL",
                brokerUrl + "?jms.prefetchPolicy.queuePrefetch=1");
        properties.setProperty("camel.beans.jmsConnectionFactory.redeliveryPolicy.initialRedeliveryDelay", "500");
        properties.setProperty("camel.beans.jmsConnectionFactory.redeliveryPolicy.useExponentialBackOff", "true");
        properties.setProperty("camel.beans.jmsConnectionFactory.redeliveryPolicy.backOffMultiplier", "2");
        properties.setProperty("camel.beans.jmsConnectionFactory.redeliveryPolicy.maximumRedeliveries", "6");
        properties.setProperty("camel.component.jms.connection-factory", "#jmsConnectionFactory");
        properties.setProperty("dfinery.events-queue", QUEUE);
        properties.setProperty("dfinery.dead-letter-queue", DEAD_LETTERS);
        Path file = write(properties, dir.resolve("application.properties"));

        List<ChildJvm> replicas = new ArrayList<>();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            int message = 0;
            for (int n = 0; n < messages + poisonAt.size(); n++) {
                producer.send(session.createTextMessage(poisonAt.contains(n) ? poison(n) : message(message++)));
            }
            replicas.addAll(replicas(file, routes, Map.of("a", List.of("-Dhold-after-sends=" + holdAfter)), "a", "b", "c"));

            ChildJvm a = replicas.get(0);
            String held = a.awaitLine("HELD ", Duration.ofSeconds(120));
            long duplicatesBefore = service().stats().duplicates();
            int storedBefore = service().events().size();
            Instant killedAt = Instant.now();
            a.kill();
            List<String> heldIds = List.of(held.substring("HELD [".length(), held.length() - 1).split(", "));
            // The held message comes again to b or c: its events are sent a second time.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                    service().stats().duplicates() >= duplicatesBefore + EVENTS_PER_MESSAGE
                    || storedTwice(service().events()).size() >= EVENTS_PER_MESSAGE);
            Duration redelivered = Duration.between(killedAt, Instant.now());
            assertThat(storedBefore).isPositive();
            replicas.addAll(replicas(file, routes, Map.of(), "a-again"));

            int events = messages * EVENTS_PER_MESSAGE;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(service().events().stream().map(BrokerRecipeSupport::businessKey).distinct().count())
                            .as("replicas: %s", replicas).isEqualTo(events));
            return new Run(messages, events, heldIds, redelivered, deadLetters(session, poisonAt.size()));
        } finally {
            stopAll(replicas);
        }
    }

    /** The dead-letter queue's messages as "dfineryRedelivered dfineryError", once it holds {@code expected}. */
    static List<String> deadLetters(Session session, int expected) throws JMSException {
        List<String> found = new ArrayList<>();
        if (expected == 0) {
            return found;
        }
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(DEAD_LETTERS))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Message message = consumer.receive(200);
                if (message != null) {
                    found.add(message.getStringProperty("dfineryRedelivered") + " " + message.getStringProperty("dfineryError"));
                }
                return found.size() >= expected;
            });
            Message more = consumer.receive(1000);
            if (more != null) {
                found.add("more: " + more);
            }
        }
        return found;
    }
}
