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
package io.github.cameldfinery.component;

import static io.github.cameldfinery.component.testing.SampleEvents.login;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * On a container with 2 CPUs (run with -XX:ActiveProcessorCount=2, by its own Surefire execution) the JVM's common
 * pool has parallelism 1, and CompletableFuture's default executor starts a thread per task. A caller that does not
 * wait (an asynchronous route) goes on on the thread that completes the producer's callback, the one that handled
 * the response: that must be a thread the component made, and a thousand requests must not start a thread each.
 */
class SmallMachineThreadsTest extends DfineryTestSupport {

    static final int REQUESTS = 1_000;
    static final int IN_FLIGHT = 8;

    final Set<String> responseThreads = ConcurrentHashMap.newKeySet();
    final AtomicInteger failed = new AtomicInteger();

    @Test
    void everyResponseIsHandledOnTheComponentsThreads() throws Exception {
        assertThat(Runtime.getRuntime().availableProcessors()).as("run with -XX:ActiveProcessorCount=2")
                .isLessThanOrEqualTo(2);
        AsyncProducer producer = context.getEndpoint("dfinery:event").createAsyncProducer();
        producer.start();
        send(producer, 1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startedBefore = threads.getTotalStartedThreadCount();

        send(producer, REQUESTS);

        assertThat(failed).hasValue(0);
        assertThat(service().events()).hasSize(REQUESTS + 1);
        assertThat(responseThreads).isNotEmpty().allMatch(name -> name.contains("DfinerySend"), "a DfinerySend thread");
        assertThat(threads.getTotalStartedThreadCount() - startedBefore).as("threads started for 1,000 requests")
                .isLessThan(50);
        producer.stop();
    }

    /** {@code count} messages, 8 in flight, each completing on whatever thread the producer calls back on. */
    void send(AsyncProducer producer, int count) throws InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        CountDownLatch done = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(login("user-" + i));
            producer.process(exchange, doneSync -> {
                responseThreads.add(Thread.currentThread().getName());
                if (exchange.getException() != null) {
                    failed.incrementAndGet();
                }
                inFlight.release();
                done.countDown();
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    }
}
