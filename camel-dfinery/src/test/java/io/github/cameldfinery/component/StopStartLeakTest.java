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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.testing.ApplicationBeans;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.github.cameldfinery.emulator.DfineryEmulator;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Camel context with JMX on (the default) and the component as an application bean, stopped and started 50
 * times with imports and exports in each cycle: threads, file descriptors and heap end within 10% of where they
 * stood after a warm-up. JMX keeps the managed processors of stopped routes, and with them their producers, so a
 * producer that held on to its HTTP client kept the client's selector thread and connections alive.
 */
class StopStartLeakTest {

    private static final Logger LOG = LoggerFactory.getLogger(StopStartLeakTest.class);
    static final int WARM_UP = 10;
    static final int CYCLES = 50;

    final ApplicationBeans beans = new ApplicationBeans();
    DfineryEmulator emulator;
    CamelContext context;

    /**
     * Threads the JVM may start or end by itself meanwhile (JIT compilers, the attach listener, GC helpers), counted
     * apart from a leak: a leak of one thread in 50 cycles would be 50.
     */
    static final int SPARE_THREADS = 3;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void fiftyStopStartCyclesWithTrafficAndJmxLeaveNothingBehind() throws Exception {
        emulator = DfineryEmulator.start(new EmulatorConfig().service(new ServiceConfig("shop", "imp", "exp")));
        DfineryComponent component = new DfineryComponent();
        component.getConfiguration().setBaseUri(emulator.baseUri().toString());
        component.getConfiguration().setServiceId("shop");
        component.getConfiguration().setAccessToken("imp");
        component.getConfiguration().setBearerToken("exp");
        component.getConfiguration().setExportQuota(10_000);
        beans.bind("dfinery", component);
        context = new DefaultCamelContext(new DefaultRegistry(beans));
        assertThat(context.getManagementStrategy().getManagementAgent()).as("JMX is on").isNotNull();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events").to("dfinery:event");
                from("direct:export").to("dfinery:export");
            }
        });

        for (int i = 0; i < WARM_UP; i++) {
            cycle(i);
        }
        Usage before = settledUsage(null);
        for (int i = 0; i < CYCLES; i++) {
            cycle(WARM_UP + i);
        }
        Usage after = settledUsage(before);

        LOG.info("Before {} cycles: {}; after: {}", CYCLES, before, after);
        assertThat(after.threads).isLessThanOrEqualTo(before.threads + SPARE_THREADS);
        assertThat(after.fds).isLessThanOrEqualTo(before.fds * 11 / 10);
        assertThat(after.heap).isLessThanOrEqualTo(before.heap * 11 / 10);
    }

    /** A start, imports and an export through the routes, and a stop, with a request in flight during the stop. */
    void cycle(int n) throws Exception {
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        for (int i = 0; i < 5; i++) {
            DfineryEvent event = SampleEvents.login("user-" + n + "-" + i);
            Exchange sent = template.send("direct:events", e -> e.getMessage().setBody(event));
            assertThat(sent.getException()).isNull();
        }
        Exchange export = template.send("direct:export", e -> e.getMessage()
                .setHeader(DfineryConstants.EXPORT_FROM_DATE, ExportTestData.today(context).minusDays(1)));
        assertThat(export.getException()).isNull();
        assertThat(export.getMessage().getBody(List.class)).isNotNull();
        template.asyncSend("direct:events", e -> e.getMessage().setBody(SampleEvents.login("in-flight-" + n)));
        template.stop();
        context.stop();
    }

    /**
     * Usage once the collector has run and the JDK's HTTP client threads of dropped clients have ended: for the
     * start, once threads and file descriptors stop falling; at the end, once within 10% of the start.
     */
    Usage settledUsage(Usage target) {
        if (target == null) {
            Usage[] last = {Usage.now()};
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                System.gc();
                Usage now = Usage.now();
                boolean steady = now.threads >= last[0].threads && now.fds >= last[0].fds;
                last[0] = now;
                return steady;
            });
            return last[0];
        }
        Usage[] usage = new Usage[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            System.gc();
            usage[0] = Usage.now();
            assertThat(usage[0].within(target))
                    .as("%s, against %s at the start (at most %d more threads, 10%% more of the rest); threads now: %s",
                            usage[0], target, SPARE_THREADS, Thread.getAllStackTraces().keySet().stream()
                                    .map(Thread::getName).sorted().toList()).isTrue();
        });
        return usage[0];
    }

    record Usage(long threads, long fds, long heap) {

        static Usage now() {
            String[] fds = new File("/proc/self/fd").list();
            // The emulator's pool grows with the requests that overlap, which a loaded machine makes more of: its
            // threads are the test's, not the component's.
            long threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !thread.getName().startsWith("dfinery-emulator")).count();
            return new Usage(threads, fds == null ? 0 : fds.length,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }

        boolean within(Usage base) {
            return threads <= base.threads + SPARE_THREADS && fds <= base.fds * 11 / 10 && heap <= base.heap * 11 / 10;
        }

        @Override
        public String toString() {
            return threads + " threads, " + fds + " file descriptors, " + heap / 1024 + " KiB heap";
        }
    }
}
