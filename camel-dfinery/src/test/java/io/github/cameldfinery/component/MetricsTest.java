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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.github.cameldfinery.component.error.DfineryConnectionException;
import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.metrics.DfineryMetrics;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.model.DfineryItem;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.RateLimit;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The meters a Micrometer registry in the Camel registry gets, after real traffic against the emulator. */
class MetricsTest {

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig()
            .service(new ServiceConfig("shop", "imp", "exp"))
            .service(new ServiceConfig("tiny", "imp", "exp").rateLimit(ApiKind.EVENT, new RateLimit(1, Duration.ofMinutes(1))))
            .service(new ServiceConfig("guarded", "imp", "exp").rateLimit(ApiKind.EVENT, new RateLimit(1, Duration.ofMinutes(1)))));

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CamelContext context;

    CamelContext start(RouteBuilder routes) throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("metricsRegistry", registry);
        DfineryComponent component = new DfineryComponent();
        component.getConfiguration().setBaseUri(dfinery.baseUri().toString());
        component.getConfiguration().setServiceId("shop");
        component.getConfiguration().setAccessToken("imp");
        component.getConfiguration().setBearerToken("exp");
        component.getConfiguration().setRetryDelay(5);
        context.addComponent("dfinery", component);
        if (routes != null) {
            context.addRoutes(routes);
        }
        context.start();
        return context;
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    static DfineryEvent event(String user) {
        return DfineryEvent.builder("df_purchase").identity(DfineryIdentity.externalId(user))
                .datetime(Instant.now().minus(Duration.ofDays(1)))
                .item(DfineryItem.builder().itemId("sku-1").name("Tea").price(3.5).quantity(2).build())
                .item(DfineryItem.builder().itemId("sku-2").name("Cup").price(9.0).quantity(1).build()).build();
    }

    double count(String name, String... tags) {
        Meter meter = registry.find(name).tags(tags).meter();
        assertThat(meter).as(name + " " + List.of(tags) + " among " + registry.getMetersAsString()).isNotNull();
        return meter.measure().iterator().next().getValue();
    }

    @Test
    void requestsEventsItemsRetriesAndLatency() throws Exception {
        ProducerTemplate template = start(null).createProducerTemplate();
        dfinery.service("shop").faults(ApiKind.EVENT).failNext(1, Fault.http500());

        assertThat(template.send("dfinery:event", e -> e.getMessage().setBody(List.of(event("u1"), event("u1"))))
                .getException()).isNull();

        assertThat(count("dfinery.requests", "service", "shop", "api", "event", "outcome", "server")).isEqualTo(1);
        assertThat(count("dfinery.requests", "service", "shop", "api", "event", "outcome", "success")).isEqualTo(1);
        assertThat(count("dfinery.retries", "service", "shop", "api", "event")).isEqualTo(1);
        assertThat(count("dfinery.events.sent", "service", "shop", "api", "event")).isEqualTo(2);
        assertThat(count("dfinery.items.sent", "service", "shop", "api", "event")).isEqualTo(4);
        assertThat(registry.find("dfinery.request.duration").tags("outcome", "success").timer().count()).isEqualTo(1);
        assertThat(registry.find("dfinery.request.duration").tags("outcome", "success").timer().takeSnapshot()
                .percentileValues()).as("percentiles").hasSize(3);
        assertThat(count("dfinery.quota.remaining", "service", "shop", "api", "event"))
                .as("the server counted the request that failed too").isEqualTo(999_998);
    }

    @Test
    void a429AndAGuardRefusalAreCountedByKind() throws Exception {
        ProducerTemplate template = start(null).createProducerTemplate();
        String unguarded = "dfinery:event?serviceId=tiny&quotaGuard=false";
        assertThat(template.send(unguarded, e -> e.getMessage().setBody(event("u1"))).getException()).isNull();
        Exchange over = template.send(unguarded, e -> e.getMessage().setBody(event("u2")));
        assertThat(over.getException()).isInstanceOf(DfineryRateLimitException.class);

        assertThat(count("dfinery.rate.limited", "service", "tiny", "api", "event", "code", "429")).isEqualTo(1);
        assertThat(count("dfinery.failures", "service", "tiny", "api", "event", "type", "rate_limit")).isEqualTo(1);
        assertThat(count("dfinery.requests", "service", "tiny", "outcome", "rate_limit")).isEqualTo(1);

        String guarded = "dfinery:event?serviceId=guarded";
        assertThat(template.send(guarded, e -> e.getMessage().setBody(event("u1"))).getException()).isNull();
        Exchange refused = template.send(guarded, e -> e.getMessage().setBody(event("u2")));
        assertThat(((DfineryRateLimitException) refused.getException()).isRefusedLocally()).isTrue();

        assertThat(count("dfinery.quota.refused", "service", "guarded", "api", "event")).isEqualTo(1);
        assertThat(registry.find("dfinery.quota.wait").tags("service", "guarded").timer().count()).isEqualTo(1);
        assertThat(count("dfinery.quota.remaining", "service", "guarded", "api", "event")).isZero();
        assertThat(registry.find("dfinery.rate.limited").tags("service", "guarded").counter())
                .as("the guard kept it from DFINERY").isNull();
    }

    @Test
    void exportCallsRowsBytesWindowsAndCursorLag() throws Exception {
        ProducerTemplate template = start(null).createProducerTemplate();
        template.sendBody("dfinery:event", List.of(event("u1"), event("u2"), event("u3")));
        LocalDate yesterday = ExportTestData.today(context).minusDays(1);
        List<Map<?, ?>> rows = new java.util.concurrent.CopyOnWriteArrayList<>();
        dfinery.service("shop").faults(ApiKind.EXPORT).failNext(1, Fault.cutExportBody());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?delay=50&startDate=" + yesterday).process(e -> rows.add(e.getMessage()
                        .getBody(Map.class)));
            }
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(count("dfinery.export.windows", "service", "shop", "outcome", "completed")).isEqualTo(1));
        assertThat(count("dfinery.export.windows", "service", "shop", "outcome", "retried")).isEqualTo(1);
        assertThat(count("dfinery.export.calls", "service", "shop", "dataset", "events", "outcome", "success")).isEqualTo(1);
        assertThat(count("dfinery.export.calls", "service", "shop", "dataset", "events", "outcome", "connection"))
                .isEqualTo(1);
        assertThat(count("dfinery.export.rows", "service", "shop", "dataset", "events")).as("the cut call's rows too")
                .isEqualTo(rows.size());
        assertThat(count("dfinery.export.bytes", "service", "shop", "dataset", "events")).isPositive();
        assertThat(count("dfinery.export.cursor.lag", "service", "shop")).isZero();
    }

    @Test
    void aStreamedExportCountsItsBytesButNoRows() throws Exception {
        ProducerTemplate template = start(null).createProducerTemplate();
        template.sendBody("dfinery:event", List.of(event("u1"), event("u2")));
        LocalDate yesterday = ExportTestData.today(context).minusDays(1);
        List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?delay=50&outputMode=stream&startDate=" + yesterday).convertBodyTo(String.class)
                        .process(e -> bodies.add(e.getMessage().getBody(String.class)));
            }
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(count("dfinery.export.windows", "service", "shop", "outcome", "completed")).isEqualTo(1));
        assertThat(count("dfinery.export.rows", "service", "shop", "dataset", "events")).as("the route read the CSV")
                .isZero();
        assertThat(count("dfinery.export.bytes", "service", "shop", "dataset", "events"))
                .isEqualTo(bodies.get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void theExportProducerRecordsItsCallsAsTheConsumerDoes() throws Exception {
        ProducerTemplate template = start(null).createProducerTemplate();
        template.sendBody("dfinery:event", List.of(event("u1"), event("u2"), event("u3")));
        LocalDate yesterday = ExportTestData.today(context).minusDays(1);
        dfinery.service("shop").faults(ApiKind.EXPORT).failNext(1, Fault.cutExportBody());

        Exchange cut = template.send("dfinery:export", e -> e.getMessage().setHeader(DfineryConstants.EXPORT_FROM_DATE,
                yesterday));
        Exchange whole = template.send("dfinery:export", e -> e.getMessage().setHeader(DfineryConstants.EXPORT_FROM_DATE,
                yesterday));

        assertThat(cut.getException()).isInstanceOf(DfineryConnectionException.class);
        assertThat(whole.getException()).isNull();
        List<?> rows = whole.getMessage().getBody(List.class);
        assertThat(rows).as("a row per item").hasSize(6);
        assertThat(count("dfinery.export.calls", "service", "shop", "dataset", "events", "outcome", "success")).isEqualTo(1);
        assertThat(count("dfinery.export.calls", "service", "shop", "dataset", "events", "outcome", "connection"))
                .isEqualTo(1);
        assertThat(count("dfinery.export.rows", "service", "shop", "dataset", "events")).as("the cut call's rows too")
                .isGreaterThanOrEqualTo(6);
        assertThat(count("dfinery.export.bytes", "service", "shop", "dataset", "events")).isPositive();
    }

    @Test
    void theExportProducersStreamIsRecordedOnceClosedWithTheBytesRead() throws Exception {
        ProducerTemplate template = start(null).createProducerTemplate();
        template.sendBody("dfinery:event", List.of(event("u1"), event("u2")));
        LocalDate yesterday = ExportTestData.today(context).minusDays(1);

        Exchange exchange = template.send("dfinery:export?outputMode=stream", e -> e.getMessage()
                .setHeader(DfineryConstants.EXPORT_FROM_DATE, yesterday));
        assertThat(registry.find("dfinery.export.calls").meter()).as("not before the body is read").isNull();
        byte[] csv;
        try (InputStream body = exchange.getMessage().getBody(InputStream.class)) {
            csv = body.readAllBytes();
        }

        assertThat(count("dfinery.export.calls", "service", "shop", "dataset", "events", "outcome", "success")).isEqualTo(1);
        assertThat(count("dfinery.export.rows", "service", "shop", "dataset", "events")).as("the route read the CSV")
                .isZero();
        assertThat(count("dfinery.export.bytes", "service", "shop", "dataset", "events")).isEqualTo(csv.length);
    }

    @Test
    void aGaugeRegisteredAgainReadsTheNewSource() {
        // A context or route started again registers its guard's and consumer's gauges anew.
        DfineryMetrics metrics = new io.github.cameldfinery.component.metrics.MicrometerDfineryMetrics(registry);
        metrics.quotaRemaining("shop", io.github.cameldfinery.component.api.DfineryApi.event, () -> 5);
        metrics.quotaRemaining("shop", io.github.cameldfinery.component.api.DfineryApi.event, () -> 7);

        assertThat(registry.find("dfinery.quota.remaining").gauges()).singleElement()
                .satisfies(gauge -> assertThat(gauge.value()).isEqualTo(7));
    }

    @Test
    void withoutARegistryNothingIsRecorded() throws Exception {
        context = new DefaultCamelContext();
        DfineryComponent component = new DfineryComponent();
        context.addComponent("dfinery", component);
        context.start();
        assertThat(component.services().metrics()).isSameAs(DfineryMetrics.NONE);
    }
}
