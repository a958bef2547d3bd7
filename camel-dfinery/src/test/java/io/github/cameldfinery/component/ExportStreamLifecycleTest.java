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

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.github.cameldfinery.emulator.ApiKind;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stream-mode exports through routes that close or convert the stream, as docs/export.md recommends: a window whose
 * body the route read to the end is done (one export call, cursor moved), and a route that closes the stream before
 * the end fails the window so it is exported again.
 */
class ExportStreamLifecycleTest extends DfineryTestSupport {

    @TempDir
    Path out;

    final List<String> bodies = new CopyOnWriteArrayList<>();

    void seedOneClosedDay() {
        template.sendBody("dfinery:event", spread(1, 20));
    }

    String yesterday() {
        return today().minusDays(1).toString();
    }

    long exportCalls() {
        return service().stats().requests(ApiKind.EXPORT);
    }

    /** A stream-mode export of yesterday, polled every 50 ms, into {@code route}. */
    void exportInto(String routeId, UnaryOperator<RouteDefinition> route) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                route.apply(from("dfinery:export?outputMode=stream&delay=50&startDate=" + yesterday()).routeId(routeId)
                        .streamCache("false"));
            }
        });
    }

    /** Lets several polls pass after the first window: a consumer that repeats a window would call again. */
    void letPollsPass(String routeId) {
        DfineryExportConsumer consumer = (DfineryExportConsumer) context.getRoute(routeId).getConsumer();
        long start = consumer.getCounter();
        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.getCounter() >= start + 3);
    }

    @Test
    void streamWrittenToAFileIsExportedOnce() throws Exception {
        seedOneClosedDay();
        exportInto("to-file", route -> route
                .to("file:" + out + "?fileName=export-${exchangeId}.csv"));

        await().atMost(Duration.ofSeconds(10)).until(() -> files().size() >= 1);
        letPollsPass("to-file");

        assertThat(exportCalls()).isEqualTo(1);
        assertThat(files()).hasSize(1);
        assertThat(Files.readString(files().get(0))).contains("df_purchase").hasLineCount(21);
    }

    @Test
    void streamConvertedToStringIsExportedOnce() throws Exception {
        seedOneClosedDay();
        exportInto("to-string", route -> route
                .convertBodyTo(String.class)
                .process(e -> bodies.add(e.getMessage().getBody(String.class))));

        await().atMost(Duration.ofSeconds(10)).until(() -> bodies.size() >= 1);
        letPollsPass("to-string");

        assertThat(exportCalls()).isEqualTo(1);
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0)).hasLineCount(21);
    }

    @Test
    void streamCachedByTheRouteIsExportedOnce() throws Exception {
        seedOneClosedDay();
        context.setStreamCaching(true);
        exportInto("cached", route -> route.streamCache("true")
                .process(e -> bodies.add(e.getMessage().getBody(String.class))));

        await().atMost(Duration.ofSeconds(10)).until(() -> bodies.size() >= 1);
        letPollsPass("cached");

        assertThat(exportCalls()).isEqualTo(1);
        assertThat(bodies.get(0)).hasLineCount(21);
    }

    @Test
    void aRouteThatClosesTheStreamBeforeTheEndFailsTheWindow() throws Exception {
        seedOneClosedDay();
        exportInto("closes-early", route -> route
                .process(e -> {
                    InputStream in = e.getMessage().getBody(InputStream.class);
                    in.read(new byte[16]);
                    in.close();
                }));

        // Every poll exports the same window again: it was never read to the end, so the cursor stays.
        await().atMost(Duration.ofSeconds(10)).until(() -> exportCalls() >= 3);
    }

    List<Path> files() throws Exception {
        try (Stream<Path> list = Files.list(out)) {
            return list.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".csv")).toList();
        }
    }
}
