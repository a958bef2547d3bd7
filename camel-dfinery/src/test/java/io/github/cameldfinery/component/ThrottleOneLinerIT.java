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

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.testsupport.ScaledQuota;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one-line throttle of docs/quota.md, Java and YAML, with the properties the docs give under it, read from the
 * Markdown (the quota scaled to 5 requests per second; the connection settings are this test's prelude). The
 * throttle's rolling window and DFINERY's fixed windows do not line up: when the first answer after a start is slow,
 * the throttle lets a second batch into a window the first has spent. Every message must still be delivered.
 */
class ThrottleOneLinerIT {

    static final Path DOC = Path.of("..", "docs", "quota.md");
    static final int LIMIT = 5;
    static final ScaledQuota QUOTA = new ScaledQuota(LIMIT, Duration.ofSeconds(1));
    static final int RUNS = 3;

    /** The Java one-liner as docs/quota.md writes it. */
    static final String JAVA = """
            from("direct:events")
                .throttle(constant("{{dfinery:event}}")).timePeriodMillis("{{dfinery:event.window}}")
                    .correlationExpression(simple("${header.CamelDfineryServiceId} ?: 'my-service'"))
                    .asyncDelayed()
                .to("dfinery:event");
            """;

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig()
            .service(new ServiceConfig("shop", "imp", "exp").rateLimit(ApiKind.EVENT, QUOTA.rateLimit())));

    static RouteBuilder javaOneLiner() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events")
                    .throttle(constant("{{dfinery:event}}")).timePeriodMillis("{{dfinery:event.window}}")
                        .correlationExpression(simple("${header.CamelDfineryServiceId} ?: 'my-service'"))
                        .asyncDelayed()
                    .to("dfinery:event");
            }
        };
    }

    /** The code blocks of the section on the one-line throttle, in order. */
    static List<String> blocks(String language) throws Exception {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("## The one-line throttle");
        String section = doc.substring(start, doc.indexOf("\n## ", start + 1));
        List<String> blocks = new ArrayList<>();
        int at = 0;
        while ((at = section.indexOf("```" + language + "\n", at)) >= 0) {
            int from = at + language.length() + 4;
            int to = section.indexOf("```", from);
            blocks.add(section.substring(from, to));
            at = to + 3;
        }
        return blocks;
    }

    Main app(boolean yaml) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(blocks("properties").get(0)));
        properties.setProperty("camel.component.dfinery.event-quota", Integer.toString(LIMIT));
        properties.setProperty("camel.component.dfinery.event-quota-window", "1s");
        properties.setProperty("camel.component.dfinery.base-uri", dfinery.baseUri().toString());
        properties.setProperty("camel.component.dfinery.service-id", "shop");
        properties.setProperty("camel.component.dfinery.access-token", "imp");
        Main main = new Main();
        main.setOverrideProperties(properties);
        if (yaml) {
            Path routes = Files.createTempFile("one-liner", ".yaml");
            Files.writeString(routes, blocks("yaml").get(0));
            main.configure().withRoutesIncludePattern("file:" + routes.toAbsolutePath());
        } else {
            main.configure().addRoutesBuilder(javaOneLiner());
        }
        main.start();
        return main;
    }

    @Test
    void theDocsShowTheJavaOneLinerThisTestRuns() throws Exception {
        assertThat(blocks("java").get(0)).isEqualTo(JAVA);
    }

    @Test
    void theJavaOneLinerDeliversEveryMessage() throws Exception {
        for (int run = 1; run <= RUNS; run++) {
            deliversEveryMessage(false, run);
        }
    }

    @Test
    void theYamlOneLinerDeliversEveryMessage() throws Exception {
        for (int run = 1; run <= RUNS; run++) {
            deliversEveryMessage(true, run);
        }
    }

    void deliversEveryMessage(boolean yaml, int run) throws Exception {
        dfinery.emulator().reset();
        Main main = app(yaml);
        try {
            // The first answer after the start (the guard's probe) comes slowly, late in a window: the requests it
            // held go out in the next window, where the throttle lets the next batch in too.
            dfinery.service("shop").faults(ApiKind.EVENT).failNext(1, Fault.delay(Duration.ofMillis(300)));
            QUOTA.awaitMillisIntoWindow(800, 1000);
            List<CompletableFuture<Exchange>> sent = new ArrayList<>();
            for (int i = 0; i < 3 * LIMIT; i++) {
                DfineryEvent event = SampleEvents.login("u" + i);
                sent.add(main.getCamelContext().createProducerTemplate()
                        .asyncSend("direct:events", e -> e.getMessage().setBody(event)));
            }
            for (CompletableFuture<Exchange> future : sent) {
                assertThat(future.get(60, TimeUnit.SECONDS).getException()).as("run %d (%s), requests at %s", run,
                        yaml ? "YAML" : "Java", dfinery.service("shop").recentRequests().stream()
                                .map(r -> r.receivedAt() + ":" + r.httpStatus()).toList()).isNull();
            }
        } finally {
            main.stop();
        }
        assertThat(dfinery.service("shop").stats().eventsStored()).isEqualTo(3 * LIMIT);
        assertThat(dfinery.service("shop").stats().rejections("40401")).as("429s").isZero();
    }
}
