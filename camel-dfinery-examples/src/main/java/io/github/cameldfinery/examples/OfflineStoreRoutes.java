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
package io.github.cameldfinery.examples;

import io.github.cameldfinery.component.DfineryRequestSplitter;
import io.github.cameldfinery.component.dsl.DfineryEndpointBuilderFactory;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * The offline-store flow of DFINERY's Best Practices, in the Java DSL: point-of-sale sign-ups become unified
 * profiles, marketing consents become user properties, purchases become events (batched per user, at most 100 per
 * request, throttled to the quota); then the export consumer pulls the events back for a report.
 */
public class OfflineStoreRoutes extends EndpointRouteBuilder implements DfineryEndpointBuilderFactory.DfineryBuilders {

    private final FlowSummary summary;
    private final PosMapping mapping = new PosMapping();

    public OfflineStoreRoutes(FlowSummary summary) {
        this.summary = summary;
    }

    @Override
    public void configure() {
        from("timer:offline-store?repeatCount=1").routeId("offline-store")
                // 1. Sign-up: one unified profile per member.
                .process(e -> e.getMessage().setBody(PosRecords.read("members")))
                .bean(summary, "read")
                .split(body())
                    .bean(mapping, "identity")
                    .to("dfinery:identity")
                    .bean(summary, "sent")
                .end()
                // 2. Marketing consent: explicit true/false flags per member.
                .process(e -> e.getMessage().setBody(PosRecords.read("consents")))
                .bean(summary, "read")
                .split(body())
                    .bean(mapping, "consent")
                    .to("dfinery:profile")
                    .bean(summary, "sent")
                .end()
                // 3. Purchases: one event per order; the splitter cuts them into requests of one member and at
                //    most 100 events / 100 items, so the throttle counts HTTP requests.
                .process(e -> e.getMessage().setBody(PosRecords.read("purchases")))
                .bean(summary, "read")
                .bean(mapping, "purchases")
                .split(method(DfineryRequestSplitter.class, "split"))
                    .to("direct:send-event")
                .end()
                .log("Imported; exporting the events back")
                .process(e -> e.getContext().getRouteController().startRoute("export-report"));

        // The throttle is a block of its own: kept in its own route so that its end is the route's end.
        from("direct:send-event").routeId("send-event")
                .throttle(constant("{{dfinery:event}}")).timePeriodMillis("{{dfinery:event.window}}")
                    .correlationExpression(constant("{{camel.component.dfinery.service-id}}"))
                .to(dfinery("event"))
                .bean(summary, "sent");

        // 4. Export: closed days since the first purchase, every row to the report; an idle poll ends the flow.
        // The typed endpoint builder (Camel's Endpoint DSL): the options complete in an IDE and are checked by javac.
        from(dfinery("export").startDate("{{offline-store.export-from}}").maxWindowsPerPoll(31).initialDelay(0)
                .delay(1000).sendEmptyMessageWhenIdle(true))
                .routeId("export-report").autoStartup(false)
                .choice()
                    .when(body().isNull()).bean(summary, "exportFinished")
                    .otherwise().bean(summary, "exported");
    }
}
