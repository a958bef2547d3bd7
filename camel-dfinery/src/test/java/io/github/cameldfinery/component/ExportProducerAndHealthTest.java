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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.ConsumersHealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.junit.jupiter.api.Test;

/** to("dfinery:export"), the export budget, and the consumer's health check. */
class ExportProducerAndHealthTest extends DfineryTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        registry.register(new ConsumersHealthCheckRepository());
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:seed").to("dfinery:event");
                from("direct:export").to("dfinery:export");
                from("direct:stream").to("dfinery:export?outputMode=stream&eventsConditionType=include&events=df_purchase");
                from("direct:narrow").to("dfinery:export?exportConcurrency=2&serviceId=" + OTHER_SERVICE);
            }
        };
    }

    @Test
    void adHocExportReturnsRows() {
        template.sendBody("direct:seed", spread(3, 4));
        LocalDate from = today().minusDays(3);

        Exchange exchange = template.send("direct:export", e -> {
            e.getMessage().setHeader(DfineryConstants.EXPORT_FROM_DATE, from);
            e.getMessage().setHeader(DfineryConstants.EXPORT_TO_DATE, from.plusDays(1).toString());
        });

        assertThat(exchange.getException()).isNull();
        List<?> rows = exchange.getMessage().getBody(List.class);
        assertThat(rows).hasSize(8);
        assertThat(exchange.getMessage().getHeader(DfineryConstants.EXPORT_ROW_COUNT)).isEqualTo(8L);
        assertThat(((Map<?, ?>) rows.get(0)).get("event_name")).isEqualTo("df_purchase");
    }

    @Test
    void adHocExportAsAStream() throws Exception {
        template.sendBody("direct:seed", spread(1, 4));
        Exchange exchange = template.send("direct:stream", e -> e.getMessage().setHeader(DfineryConstants.EXPORT_FROM_DATE,
                today().minusDays(1)));
        try (InputStream csv = exchange.getMessage().getBody(InputStream.class)) {
            assertThat(new String(csv.readAllBytes(), StandardCharsets.UTF_8).split("\n")).hasSize(5);
        }
        // The emulator logs an export once it has finished streaming it, which may be just after the client read it.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(service().recentRequests())
                .filteredOn(r -> r.kind() == ApiKind.EXPORT).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"events\":[\"df_purchase\"],\"events_condition_type\":\"include\"")));
    }

    @Test
    void badRangesAndConditionsFailBeforeSending() {
        LocalDate today = today();
        Exchange reversed = template.send("direct:export", e -> {
            e.getMessage().setHeader(DfineryConstants.EXPORT_FROM_DATE, today.minusDays(2));
            e.getMessage().setHeader(DfineryConstants.EXPORT_TO_DATE, today.minusDays(3));
        });
        assertThat(reversed.getException(DfineryValidationException.class).getField()).isEqualTo("toDate");

        Exchange tooOld = template.send("direct:export", e -> e.getMessage().setHeader(DfineryConstants.EXPORT_FROM_DATE,
                today.minusDays(31)));
        assertThat(tooOld.getException(DfineryValidationException.class).getField()).isEqualTo("fromDate");
        assertThat(tooOld.getException().getMessage()).contains("more than 30 days before today");

        Exchange noDate = template.send("direct:export", e -> { });
        assertThat(noDate.getException(DfineryValidationException.class).getField()).isEqualTo("fromDate");

        Exchange badDate = template.send("direct:export", e -> e.getMessage().setHeader(DfineryConstants.EXPORT_FROM_DATE,
                "27/11/2026"));
        assertThat(badDate.getException(DfineryValidationException.class).getRule()).contains("yyyy-MM-dd");

        Exchange include = template.send("dfinery:export?eventsConditionType=include", e -> e.getMessage()
                .setHeader(DfineryConstants.EXPORT_FROM_DATE, today.minusDays(1)));
        assertThat(include.getException(DfineryValidationException.class).getField()).isEqualTo("events");

        assertThatThrownBy(() -> context.getEndpoint("dfinery:export?eventsConditionType=some"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasStackTraceContaining("some");
        assertThat(service().stats().requests(ApiKind.EXPORT)).isZero();
    }

    @Test
    void neverMoreExportsAtOnceThanAllowed() {
        CountDownLatch release = new CountDownLatch(1);
        dfinery.service(OTHER_SERVICE).faults(ApiKind.EXPORT).failNext(5, Fault.holdUntil(release));
        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                calls.add(template.asyncSend("direct:narrow", e -> e.getMessage().setHeader(
                        DfineryConstants.EXPORT_FROM_DATE, today().minusDays(1))));
            }
            // Two exports held at the server take both slots; the other three are refused while they are held.
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.stream().filter(CompletableFuture::isDone).count() == 3
                    && dfinery.service(OTHER_SERVICE).stats().exportsInFlight() == 2);
        } finally {
            release.countDown();
        }
        List<Exchange> done = calls.stream().map(CompletableFuture::join).toList();

        long refused = done.stream().filter(e -> e.getException() instanceof DfineryRateLimitException).count();
        assertThat(refused).isEqualTo(3);
        assertThat(done.stream().filter(e -> e.getException() == null).count()).isEqualTo(2);
        assertThat(dfinery.service(OTHER_SERVICE).stats().peakConcurrentExports()).isEqualTo(2);
    }

    @Test
    void healthIsDownWithTheHttpStatusWhileExportsFailAndUpAfter() throws Exception {
        service().faults(ApiKind.EXPORT).failNext(1000, Fault.http500());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?dataset=userProfiles&delay=100").routeId("profiles").to("log:rows?level=OFF");
            }
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HealthCheck.Result result = consumerHealth();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 500);
        });

        service().faults(ApiKind.EXPORT).clear();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(consumerHealth().getState()).isEqualTo(HealthCheck.State.UP));
    }

    HealthCheck.Result consumerHealth() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("consumer:")).findFirst()
                .orElseThrow(() -> new AssertionError("no consumer check among " + HealthCheckHelper.invokeReadiness(context)
                        .stream().map(r -> r.getCheck().getId() + "=" + r.getState()).toList()));
    }
}
