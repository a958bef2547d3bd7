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

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The batching recipe: aggregate events per user (100 per batch, or a timeout), and on stop flush what is pending,
 * so that stopping the application in the middle of a stream loses nothing.
 */
class GracefulShutdownTest extends DfineryTestSupport {

    static RouteBuilder batchingRoute() {
        AggregationStrategy toList = new org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:events?size=10000")
                        .process(e -> e.getMessage().setHeader("user",
                                e.getMessage().getBody(DfineryEvent.class).getIdentity().getExternalId()))
                        .aggregate(header("user"), toList)
                            .completionSize(100).completionTimeout(60_000)
                            .forceCompletionOnStop().completeAllOnStop()
                        .to("dfinery:event");
            }
        };
    }

    @Test
    void pendingBatchesAreFlushedWhenTheApplicationStops() throws Exception {
        CamelContext app = new DefaultCamelContext();
        DfineryComponent component = new DfineryComponent();
        component.getConfiguration().setBaseUri(dfinery.baseUri().toString());
        component.getConfiguration().setServiceId(SERVICE);
        component.getConfiguration().setAccessToken(IMPORT_TOKEN);
        app.addComponent("dfinery", component);
        app.addRoutes(batchingRoute());
        app.start();
        Set<String> sent = new HashSet<>();
        var template = app.createProducerTemplate();
        // 7 users x 43 events: no batch reaches 100, and the 60-second timeout is far away when the app stops.
        for (int i = 0; i < 301; i++) {
            DfineryEvent event = SampleEvents.login("user-" + i % 7);
            sent.add(event.getEventLogId());
            template.sendBody("seda:events", event);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> app.getEndpoint("seda:events", org.apache.camel.component.seda.SedaEndpoint.class)
                        .getCurrentQueueSize() == 0);
        assertThat(service().stats().eventsStored()).as("nothing sent yet: batches are still open").isZero();

        app.stop();

        List<StoredEvent> stored = service().events();
        assertThat(stored).extracting(StoredEvent::eventLogId).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(service().stats().requests(io.github.cameldfinery.emulator.ApiKind.EVENT)).as("one per user: "
                + service().recentRequests().stream().map(r -> r.body().split("event_log_id").length - 1).toList())
                .isEqualTo(7);
    }
}
