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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.model.DfineryUserProfile;
import io.github.cameldfinery.emulator.state.RecordedRequest;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * maxRequestSize bounds every request body: a batch that would be larger is split, and one event, identity or
 * profile that alone is larger is refused before anything is sent.
 */
class RequestSizeTest extends DfineryTestSupport {

    static final int ONE_MIB = 1 << 20;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:event").to("dfinery:event");
                from("direct:small").to("dfinery:event?maxRequestSize=20000");
                from("direct:unbounded").to("dfinery:event?maxRequestSize=0");
                from("direct:profile").to("dfinery:profile");
                from("direct:identity").to("dfinery:identity");
            }
        };
    }

    static DfineryEvent event(String user, int noteLength) {
        return DfineryEvent.builder("df_purchase").identity(DfineryIdentity.externalId(user)).datetime(T)
                .property("df_order_id", "x".repeat(noteLength)).build();
    }

    static List<DfineryEvent> events(int count, int noteLength) {
        List<DfineryEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event("u1", noteLength));
        }
        return events;
    }

    @Test
    void aBatchLargerThanTheDefaultBoundIsSplitAndEveryEventDelivered() {
        List<DfineryEvent> events = events(100, 20_000);

        Exchange exchange = send("direct:event", events);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(DfineryConstants.REQUEST_COUNT, Integer.class)).isGreaterThan(1);
        assertThat(service().recentRequests()).extracting(RequestSizeTest::size).allSatisfy(
                size -> assertThat(size).isLessThanOrEqualTo(ONE_MIB));
        assertThat(service().events()).extracting(StoredEvent::eventLogId)
                .containsExactlyElementsOf(events.stream().map(DfineryEvent::getEventLogId).toList());
    }

    @Test
    void aSmallerBoundSplitsFurther() {
        Exchange exchange = send("direct:small", events(100, 1_000));

        assertThat(exchange.getException()).isNull();
        assertThat(service().recentRequests()).hasSizeGreaterThanOrEqualTo(6).extracting(RequestSizeTest::size)
                .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(20_000));
        assertThat(service().events()).hasSize(100);
    }

    @Test
    void anEventLargerThanTheBoundAloneIsRefusedAndNothingOfTheMessageIsSent() {
        Exchange exchange = send("direct:event", List.of(event("u1", 10), event("u2", ONE_MIB)));

        assertRefused(exchange, "body[1]");
    }

    @Test
    void aProfileLargerThanTheBoundIsRefused() {
        Exchange exchange = send("direct:profile", DfineryUserProfile.of(DfineryIdentity.externalId("u1"),
                Map.of("df_name", "x".repeat(ONE_MIB))));

        assertRefused(exchange, "body");
    }

    @Test
    void anIdentityLargerThanTheBoundIsRefused() {
        Exchange exchange = send("direct:identity", Map.of("external_id", "x".repeat(ONE_MIB)));

        assertRefused(exchange, "body");
    }

    @Test
    void zeroMeansNoBound() {
        Exchange exchange = send("direct:unbounded", event("u1", ONE_MIB + 1));

        assertThat(exchange.getException()).isNull();
        assertThat(service().events()).hasSize(1);
    }

    private static void assertRefused(Exchange exchange, String field) {
        assertThat(exchange.getException()).isInstanceOf(DfineryValidationException.class);
        DfineryValidationException error = (DfineryValidationException) exchange.getException();
        assertThat(error.getField()).isEqualTo(field);
        assertThat(error.getRule()).contains("maxRequestSize allows " + ONE_MIB);
        assertThat(service().stats().totalRequests()).as("nothing reached DFINERY").isZero();
    }

    private static int size(RecordedRequest request) {
        return request.body().getBytes(StandardCharsets.UTF_8).length;
    }
}
