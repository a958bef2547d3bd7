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

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.error.DfineryServerException;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * 10,000 events, 10% of responses failing in every way a transient fault can (HTTP 500, 50000 under 200, a reset
 * before processing, a reset after storing): every event is stored exactly once, and every exchange that
 * completed successfully has all of its events stored.
 */
class ExactlyOnceTest extends DfineryTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events")
                        .onException(DfineryServerException.class).maximumRedeliveries(5).redeliveryDelay(0).end()
                        .to("dfinery:event");
            }
        };
    }

    @Test
    void tenThousandEventsWithTenPercentFaults() throws Exception {
        service().faults(ApiKind.EVENT).failFraction(0.10, 7L, Fault.http500(), Fault.errorUnder200(),
                Fault.dropBeforeProcessing(), Fault.dropAfterProcessing());
        List<List<DfineryEvent>> messages = new ArrayList<>();
        Set<String> sent = new HashSet<>();
        for (int m = 0; m < 1000; m++) {
            List<DfineryEvent> events = new ArrayList<>();
            for (int e = 0; e < 10; e++) {
                DfineryEvent event = DfineryEvent.builder("df_purchase")
                        .identity(DfineryIdentity.externalId("user-" + (m * 7 + e) % 300))
                        .datetime(Instant.parse("2026-11-27T00:00:00Z").plusSeconds(m * 10L + e)).build();
                events.add(event);
                sent.add(event.getEventLogId());
            }
            messages.add(events);
        }

        List<CompletableFuture<Exchange>> results = new ArrayList<>();
        for (List<DfineryEvent> events : messages) {
            results.add(template.asyncSend("direct:events", e -> e.getMessage().setBody(events)));
        }
        List<Exchange> exchanges = new ArrayList<>();
        for (CompletableFuture<Exchange> result : results) {
            exchanges.add(result.get(120, TimeUnit.SECONDS));
        }

        List<StoredEvent> stored = service().events();
        Set<String> storedIds = new HashSet<>();
        stored.forEach(e -> storedIds.add(e.eventLogId()));
        assertThat(stored).hasSize(10_000);
        assertThat(storedIds).isEqualTo(sent);
        for (Exchange exchange : exchanges) {
            assertThat(exchange.getException()).isNull();
            @SuppressWarnings("unchecked")
            List<String> ids = exchange.getMessage().getHeader(DfineryConstants.EVENT_LOG_IDS, List.class);
            assertThat(storedIds).containsAll(ids);
        }
        assertThat(service().stats().faults().get(ApiKind.EVENT)).as("faults were injected").isGreaterThan(50);
        assertThat(service().stats().duplicates()).as("answers lost after storing were retried").isPositive();
    }
}
