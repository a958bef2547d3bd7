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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.cameldfinery.component.error.DfineryConnectionException;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.RateLimit;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.faults.FaultPlan;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.emulator.state.EmulatedService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Export bodies sent without a length or chunking, as an HTTP/1.0 proxy sends them: the connection's end is the
 * body's end, so a body the server closes early looks whole to HTTP. Such a body is complete only when its last row
 * ends with a line break outside quotes; one closed at any byte of its last row is a connection failure (never a
 * format error, never a short success), under every exportFormatErrorPolicy, and the window is exported again.
 */
class ExportCutBodyTest extends CamelTestSupport {

    static final String SERVICE = "shop";
    /** The last column is then df_order_id, which holds a value in every row: a cut inside it leaves a short value. */
    static final String COLUMNS = "propertiesConditionType=include&properties=df_order_id";

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig()
            .exportBodyFraming(EmulatorConfig.BodyFraming.CLOSE)
            .service(new ServiceConfig(SERVICE, "imp", "exp")
                    // every cut position is one more export call
                    .rateLimit(ApiKind.EXPORT, new RateLimit(100_000, Duration.ofHours(1)))));

    final MemoryStateRepository cursors = new MemoryStateRepository();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DfineryComponent component = new DfineryComponent();
        component.getConfiguration().setBaseUri(dfinery.baseUri().toString());
        component.getConfiguration().setServiceId(SERVICE);
        component.getConfiguration().setAccessToken("imp");
        component.getConfiguration().setBearerToken("exp");
        // every cut position is one more export call
        component.getConfiguration().setExportQuota(10_000);
        context.addComponent("dfinery", component);
        context.getRegistry().bind("cursors", cursors);
        return context;
    }

    @AfterEach
    void clearFaults() {
        service().faults(ApiKind.EXPORT).clear();
    }

    static EmulatedService service() {
        return dfinery.service(SERVICE);
    }

    String yesterday() {
        return ExportTestData.today(context).minusDays(1).toString();
    }

    /** Six rows yesterday; returns the window's whole body as DFINERY sends it. */
    byte[] seedSixRows() throws Exception {
        template.sendBody("dfinery:event", ExportTestData.spread(ExportTestData.today(context), 1, 6));
        Exchange whole = template.send("dfinery:export?outputMode=stream&" + COLUMNS, e -> e.getMessage()
                .setHeader(DfineryConstants.EXPORT_FROM_DATE, yesterday()));
        try (InputStream body = whole.getMessage().getBody(InputStream.class)) {
            return body.readAllBytes();
        }
    }

    /** Every length at which the body ends inside its last row: from its first byte to just before its line break. */
    static List<Integer> cutsInsideTheLastRow(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        assertThat(text).as("DFINERY's CSV (the emulator's) ends its last row with a line break").endsWith("\n");
        int lastRowStart = text.lastIndexOf('\n', text.length() - 2) + 1;
        return IntStream.range(lastRowStart + 1, body.length).boxed().toList();
    }

    @TestFactory
    Stream<DynamicTest> aBodyClosedAtAnyByteOfItsLastRowIsAConnectionFailureNeverRows() throws Exception {
        byte[] body = seedSixRows();
        List<Integer> cuts = cutsInsideTheLastRow(body);
        assertThat(cuts).hasSizeGreaterThan(50);
        return cuts.stream().map(cut -> DynamicTest.dynamicTest("closed after " + cut + " of " + body.length + " bytes",
                () -> {
                    service().faults(ApiKind.EXPORT).clear();
                    service().faults(ApiKind.EXPORT).failNext(1, Fault.cutBodyAt(cut));

                    Exchange exchange = template.send("dfinery:export?" + COLUMNS, e -> e.getMessage()
                            .setHeader(DfineryConstants.EXPORT_FROM_DATE, yesterday()));

                    assertThat(exchange.getException()).isInstanceOf(DfineryConnectionException.class)
                            .hasMessageContaining("the events export " + yesterday() + ".." + yesterday());
                    assertThat(exchange.getMessage().getBody() instanceof List).as("no rows").isFalse();
                }));
    }

    @Test
    void aStreamBodyClosedInsideItsLastRowFailsTheReadTyped() throws Exception {
        byte[] body = seedSixRows();
        service().faults(ApiKind.EXPORT).failNext(1, Fault.cutBodyAt(body.length - 1));

        Exchange exchange = template.send("dfinery:export?outputMode=stream&" + COLUMNS, e -> e.getMessage()
                .setHeader(DfineryConstants.EXPORT_FROM_DATE, yesterday()));

        try (InputStream cut = exchange.getMessage().getBody(InputStream.class)) {
            assertThatThrownBy(cut::readAllBytes).isInstanceOf(DfineryConnectionException.class)
                    .hasMessageContaining("line break");
        }
    }

    @ParameterizedTest(name = "exportFormatErrorPolicy={0}")
    @EnumSource(DfineryExportFormatErrorPolicy.class)
    void theConsumerDeliversTheWindowWholeAfterACutAtEveryByteOfItsLastRow(DfineryExportFormatErrorPolicy policy)
            throws Exception {
        byte[] body = seedSixRows();
        List<String> whole = new String(body, StandardCharsets.UTF_8).lines().skip(1).toList();
        List<Integer> cuts = cutsInsideTheLastRow(body);
        FaultPlan faults = service().faults(ApiKind.EXPORT);
        cuts.forEach(cut -> faults.failNext(1, Fault.cutBodyAt(cut)));
        long callsBefore = service().stats().requests(ApiKind.EXPORT);
        List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?stateRepository=#cursors&cursorKey=cut&delay=5&startDate=" + yesterday()
                     + "&exportFormatErrorPolicy=" + policy + "&" + COLUMNS)
                        .routeId("cut")
                        .process(e -> {
                            @SuppressWarnings("unchecked")
                            Map<String, String> row = e.getMessage().getBody(Map.class);
                            seen.add(row);
                        });
            }
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> ExportTestData.today(context).toString().equals(cursors.getState("cut")));

        List<String> rows = new ArrayList<>();
        for (Map<String, String> row : seen) {
            rows.add(String.join(",", row.values()));
        }
        assertThat(whole).as("whole rows of the test data: no value holds a comma or a quote")
                .allMatch(row -> !row.contains("\""));
        assertThat(whole.get(whole.size() - 1)).as("the last row ends with a value").matches(".*,order-[0-9-]+");
        assertThat(rows).as("no partial row ever reached the route").allMatch(whole::contains);
        assertThat(rows).as("the window delivered").hasSizeGreaterThanOrEqualTo(whole.size());
        assertThat(rows.subList(rows.size() - whole.size(), rows.size())).as("the window, whole, after the cuts")
                .containsExactlyElementsOf(whole);
        assertThat(service().stats().requests(ApiKind.EXPORT) - callsBefore)
                .as("each cut body exported again, none skipped or taken for whole").isEqualTo(cuts.size() + 1);
        assertThat(context.getRouteController().getRouteStatus("cut").isStarted()).isTrue();
    }
}
