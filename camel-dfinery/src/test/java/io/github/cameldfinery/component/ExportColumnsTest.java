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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.cameldfinery.component.error.DfineryExportFormatException;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The columns an export must carry are the ones the component needs: df_unified_id (DFINERY always sends it), and
 * the row key df_event_log_id when the consumer has an idempotentRepository. Any other documented column may be
 * missing, and columns nobody asked for may come: the rows are delivered as they are, with a warning once per column
 * and a meter, and the window is never failed for it.
 */
class ExportColumnsTest extends DfineryTestSupport {

    final MemoryStateRepository cursors = new MemoryStateRepository();
    final List<Map<?, ?>> rows = new CopyOnWriteArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger consumerLog = (Logger) LoggerFactory.getLogger(DfineryExportConsumer.class);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", meters);
        context.getRegistry().bind("cursors", cursors);
        context.getRegistry().bind("delivered", new MemoryIdempotentRepository());
        return context;
    }

    @BeforeEach
    void captureLogs() {
        logs.start();
        consumerLog.addAppender(logs);
    }

    @AfterEach
    void clear() {
        consumerLog.detachAppender(logs);
        service().faults(ApiKind.EXPORT).clear();
    }

    void consume(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?delay=30&stateRepository=#cursors&cursorKey=columns&startDate="
                     + today().minusDays(2) + options)
                        .routeId("columns")
                        .process(e -> rows.add(e.getMessage().getBody(Map.class)));
            }
        });
    }

    boolean cursorAtToday() {
        return today().toString().equals(cursors.getState("columns"));
    }

    List<String> warnings(String about) {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(about)).toList();
    }

    double counted(String meter, String... tags) {
        return meters.find(meter).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    @Test
    void aDocumentedColumnMissingIsDeliveredWithAWarningOnceAndAMeter() throws Exception {
        template.sendBody("dfinery:event", spread(2, 3));
        service().faults(ApiKind.EXPORT).failNext(2, Fault.withoutColumn("df_correction_datetime"));

        consume("");

        await().atMost(Duration.ofSeconds(10)).until(this::cursorAtToday);
        assertThat(rows).hasSize(6).allMatch(row -> !row.containsKey("df_correction_datetime"))
                .allMatch(row -> row.get("df_event_log_id") != null);
        assertThat(service().stats().requests(ApiKind.EXPORT)).as("each window once").isEqualTo(2);
        assertThat(warnings("df_correction_datetime")).as("once, for both windows").hasSize(1);
        assertThat(counted("dfinery.export.columns.missing", "column", "df_correction_datetime")).isEqualTo(2);
        assertThat(counted("dfinery.export.format.errors")).isZero();
    }

    @Test
    void aColumnNobodyAskedForIsDeliveredWithAWarningOnceAndAMeter() throws Exception {
        template.sendBody("dfinery:event", spread(2, 3));
        service().faults(ApiKind.EXPORT).failNext(2, Fault.withAddedColumn("df_new_system_column"));

        consume("&propertiesConditionType=include&properties=df_order_id");

        await().atMost(Duration.ofSeconds(10)).until(this::cursorAtToday);
        assertThat(rows).hasSize(6);
        assertThat(rows.subList(0, 3)).allMatch(row -> "added".equals(row.get("df_new_system_column")));
        assertThat(warnings("df_new_system_column")).hasSize(1);
        assertThat(counted("dfinery.export.columns.added")).isEqualTo(2);
        assertThat(counted("dfinery.export.columns.missing")).isZero();
    }

    @Test
    void aBodyWithoutDfUnifiedIdIsNotAnExport() {
        template.sendBody("dfinery:event", spread(1, 3));
        service().faults(ApiKind.EXPORT).failNext(1, Fault.withoutColumn("df_unified_id"));

        Exchange exchange = template.send("dfinery:export", e -> e.getMessage()
                .setHeader(DfineryConstants.EXPORT_FROM_DATE, today().minusDays(1)));

        assertThat(exchange.getException()).isInstanceOf(DfineryExportFormatException.class)
                .hasMessageContaining("line 1").hasMessageContaining("df_unified_id");
    }

    @Test
    void theRowKeyColumnIsRequiredOnlyWithAnIdempotentRepository() throws Exception {
        template.sendBody("dfinery:event", spread(2, 3));
        service().faults(ApiKind.EXPORT).failNext(1000, Fault.withoutColumn("df_event_log_id"));

        consume("&idempotentRepository=#delivered&exportFormatErrorPolicy=stop");

        await().atMost(Duration.ofSeconds(10)).until(() -> context.getRouteController().getRouteStatus("columns")
                                                         == ServiceStatus.Stopped);
        assertThat(rows).isEmpty();
        assertThat(cursors.getState("columns")).isNull();
        assertThat(logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("exportFormatErrorPolicy=stop"))).isNotEmpty()
                .allMatch(m -> m.contains("lacks the column df_event_log_id (which the consumer's idempotentRepository "
                                          + "keys its rows by)") && m.contains("at line 1"));
    }
}
