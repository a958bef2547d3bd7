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
import java.util.concurrent.CountDownLatch;

import io.github.cameldfinery.component.error.DfineryExportFormatException;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.ConsumersHealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An export answered with HTTP 200 whose body is not the export's CSV (an HTML page, a broken row, a wrong header)
 * is a typed DfineryExportFormatException naming the window, the line and what was wrong; no row of it counts, the
 * cursor stays, and exportFormatErrorPolicy says what happens next.
 */
class ExportFormatTest extends DfineryTestSupport {

    final MemoryStateRepository cursors = new MemoryStateRepository();
    final List<Map<?, ?>> rows = new CopyOnWriteArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        registry.register(new ConsumersHealthCheckRepository());
        context.getRegistry().bind("metricsRegistry", meters);
        context.getRegistry().bind("cursors", cursors);
        return context;
    }

    @AfterEach
    void clearFaults() {
        service().faults(ApiKind.EXPORT).clear();
    }

    String yesterday() {
        return today().minusDays(1).toString();
    }

    Exchange exportYesterday() {
        return template.send("dfinery:export", e -> e.getMessage().setHeader(DfineryConstants.EXPORT_FROM_DATE,
                yesterday()));
    }

    void consume(String options) throws Exception {
        consume(yesterday(), options);
    }

    void consume(String startDate, String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?delay=50&stateRepository=#cursors&cursorKey=format&startDate=" + startDate + options)
                        .routeId("export")
                        .process(e -> rows.add(e.getMessage().getBody(Map.class)));
            }
        });
    }

    String cursor() {
        return cursors.getState("format");
    }

    @Test
    void anHtmlPageUnderHttp200IsAFormatErrorNotZeroRows() {
        template.sendBody("dfinery:event", spread(1, 5));
        service().faults(ApiKind.EXPORT).failNext(1, Fault.htmlUnder200());

        Exchange exchange = exportYesterday();

        assertThat(exchange.getException()).isInstanceOf(DfineryExportFormatException.class)
                .hasMessageContaining("the events export " + yesterday() + ".." + yesterday())
                .hasMessageContaining("text/html");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.CsvDefect.class, names = "WRONG_HEADER", mode = EnumSource.Mode.EXCLUDE)
    void aBrokenRowIsAFormatErrorNamingItsLine(Fault.CsvDefect defect) {
        template.sendBody("dfinery:event", spread(1, 5));
        service().faults(ApiKind.EXPORT).failNext(1, Fault.brokenCsv(defect));

        Exchange exchange = exportYesterday();

        assertThat(exchange.getException()).isInstanceOf(DfineryExportFormatException.class);
        DfineryExportFormatException failure = (DfineryExportFormatException) exchange.getException();
        assertThat(failure.getWindow()).isEqualTo("the events export " + yesterday() + ".." + yesterday());
        // the header is line 1, the first data row line 2, the broken row line 3
        assertThat(failure.getLine()).as(failure.getMessage()).isEqualTo(3);
        assertThat(failure.getMessage()).contains("line 3");
    }

    @Test
    void aHeaderWithoutTheExportsColumnsIsAFormatError() {
        template.sendBody("dfinery:event", spread(1, 5));
        service().faults(ApiKind.EXPORT).failNext(1, Fault.brokenCsv(Fault.CsvDefect.WRONG_HEADER));

        Exchange exchange = exportYesterday();

        assertThat(exchange.getException()).isInstanceOf(DfineryExportFormatException.class)
                .hasMessageContaining("line 1").hasMessageContaining("df_unified_id");
    }

    @Test
    void theConsumerKeepsTheCursorOnAnHtmlPageAndDeliversTheWindowLater() throws Exception {
        template.sendBody("dfinery:event", spread(1, 5));
        service().faults(ApiKind.EXPORT).failNext(2, Fault.htmlUnder200());

        consume("");

        // Two polls fail, the cursor stays on the window, and the third delivers all of it.
        await().atMost(Duration.ofSeconds(10)).until(() -> today().toString().equals(cursor()));
        assertThat(rows).hasSize(5);
        assertThat(service().stats().requests(ApiKind.EXPORT)).isEqualTo(3);
    }

    @Test
    void retryShowsTheFailingWindowInTheHealthCheckAndAMeterUntilItIsDelivered() throws Exception {
        template.sendBody("dfinery:event", spread(1, 5));
        service().faults(ApiKind.EXPORT).failNext(1000, Fault.brokenCsv(Fault.CsvDefect.MISSING_FIELD));

        consume("");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HealthCheck.Result health = consumerHealth();
            assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health.getError()).get().isInstanceOf(DfineryExportFormatException.class);
            assertThat(health.getError().get().getMessage()).contains("line 3")
                    .contains("the events export " + yesterday() + ".." + yesterday());
            assertThat(formatErrors("retry")).isGreaterThanOrEqualTo(2);
        });
        assertThat(cursor()).isNull();
        service().faults(ApiKind.EXPORT).clear();
        await().atMost(Duration.ofSeconds(10)).until(() -> cursor() != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> consumerHealth().getState() == HealthCheck.State.UP);
        assertThat(rows).hasSize(5);
    }

    @Test
    void skipRecordsTheWindowAndMovesOn() throws Exception {
        template.sendBody("dfinery:event", spread(2, 5));
        service().faults(ApiKind.EXPORT).failNext(2, Fault.brokenCsv(Fault.CsvDefect.EXTRA_COLUMN));

        consume(today().minusDays(2).toString(), "&exportFormatErrorPolicy=skip");

        // The first day is skipped once the same defect came twice (reading one row ahead, the defect shows before
        // its first row is handed over), the second is delivered whole.
        await().atMost(Duration.ofSeconds(10)).until(() -> today().toString().equals(cursor()));
        assertThat(rows).hasSize(5);
        assertThat(formatErrors("retry")).as("the first time: exported again").isEqualTo(1);
        assertThat(formatErrors("skip")).isEqualTo(1);
        assertThat(service().stats().requests(ApiKind.EXPORT)).isEqualTo(3);
    }

    @Test
    void skipNeedsTheSameErrorTwiceADifferentOneIsExportedAgain() throws Exception {
        template.sendBody("dfinery:event", spread(1, 5));
        service().faults(ApiKind.EXPORT).failNext(1, Fault.brokenCsv(Fault.CsvDefect.EXTRA_COLUMN))
                .failNext(1, Fault.brokenCsv(Fault.CsvDefect.BAD_QUOTE));

        consume("&exportFormatErrorPolicy=skip");

        // two different errors: not proven by the body, so the window is exported a third time, and delivered
        await().atMost(Duration.ofSeconds(10)).until(() -> today().toString().equals(cursor()));
        assertThat(rows).hasSize(5);
        assertThat(formatErrors("skip")).isZero();
        assertThat(formatErrors("retry")).isEqualTo(2);
    }

    @Test
    void aSkippedWindowKeepsTheReadinessCheckDownUntilTheNextWindowIsDelivered() throws Exception {
        template.sendBody("dfinery:event", spread(2, 5));
        // the first day broken twice alike (skipped), the next one's answer held back until the checks below are done
        CountDownLatch release = new CountDownLatch(1);
        service().faults(ApiKind.EXPORT).failNext(2, Fault.brokenCsv(Fault.CsvDefect.MISSING_FIELD))
                .failNext(1, Fault.holdUntil(release));

        consume(today().minusDays(2).toString(), "&exportFormatErrorPolicy=skip&maxWindowsPerPoll=1");

        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> formatErrors("skip") == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> service().stats().requests(ApiKind.EXPORT) == 3);
            HealthCheck.Result health = consumerHealth();
            assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health.getMessage()).get().asString().contains("Skipped the events export "
                    + today().minusDays(2));
            assertThat(health.getDetails()).containsEntry("dfinery.export.skipped.window", "the events export "
                    + today().minusDays(2) + ".." + today().minusDays(2));
            assertThat(HealthCheckHelper.invokeLiveness(context).stream()
                    .filter(r -> r.getCheck().getId().equals("consumer:export")))
                    .as("liveness: a restart would not bring the rows back").allMatch(r -> r.getState() == HealthCheck.State.UP);
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> today().toString().equals(cursor()));
        await().atMost(Duration.ofSeconds(10)).until(() -> consumerHealth().getState() == HealthCheck.State.UP);
        assertThat(rows).hasSize(5);
    }

    @Test
    void stopStopsTheRouteAndKeepsTheCursor() throws Exception {
        template.sendBody("dfinery:event", spread(1, 5));
        service().faults(ApiKind.EXPORT).failNext(2, Fault.brokenCsv(Fault.CsvDefect.BAD_UTF8));

        consume("&exportFormatErrorPolicy=stop");

        await().atMost(Duration.ofSeconds(10)).until(() -> context.getRouteController().getRouteStatus("export")
                == ServiceStatus.Stopped);
        assertThat(cursor()).isNull();
        assertThat(service().stats().requests(ApiKind.EXPORT)).as("stopped once the same error came twice")
                .isEqualTo(2);
    }

    HealthCheck.Result consumerHealth() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:export")).findFirst()
                .orElseThrow(() -> new AssertionError("no consumer check"));
    }

    double formatErrors(String action) {
        return meters.find("dfinery.export.format.errors").tag("action", action).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
