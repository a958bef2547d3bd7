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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.model.DfineryUserProfile;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bodies that nest without end, or refer to themselves, are refused with a DfineryValidationException that reaches
 * the route's error handler; nothing is sent, and the route goes on with the next message.
 */
class PathologicalBodyTest extends DfineryTestSupport {

    /** Far deeper than any stack can follow by recursion. */
    static final int DEEP = 20_000;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(DfineryValidationException.class).handled(true).to("mock:rejected");
                from("direct:event").to("dfinery:event").to("mock:sent");
                from("direct:profile").to("dfinery:profile").to("mock:sent");
                from("seda:events").to("dfinery:event").to("mock:sent");
            }
        };
    }

    static Map<String, Object> deepMap(int depth) {
        Map<String, Object> root = new HashMap<>();
        Map<String, Object> current = root;
        for (int i = 0; i < depth; i++) {
            Map<String, Object> next = new HashMap<>();
            current.put("a", next);
            current = next;
        }
        return root;
    }

    static ObjectNode deepTree(int depth) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode current = root;
        for (int i = 0; i < depth; i++) {
            current = current.putObject("a");
        }
        return root;
    }

    static Map<String, Object> event(String key, Object value) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_name", "df_purchase");
        event.put("event_datetime", T);
        event.put("identity", Map.of("external_id", "u1"));
        event.put(key, value);
        return event;
    }

    static Map<String, Object> selfReferencing() {
        Map<String, Object> map = new HashMap<>();
        map.put("self", map);
        return map;
    }

    static Stream<Arguments> cases() {
        Supplier<Object> deepProperty = () -> event("event_properties", Map.of("deep", deepMap(DEEP)));
        Supplier<Object> deepBody = () -> deepMap(DEEP);
        Supplier<Object> deepJsonNode = () -> deepTree(DEEP);
        Supplier<Object> selfProperties = () -> {
            Map<String, Object> properties = new HashMap<>();
            properties.put("loop", properties);
            return event("event_properties", properties);
        };
        Supplier<Object> selfBody = () -> {
            Map<String, Object> event = event("event_properties", Map.of());
            event.put("event_properties", Map.of("back", event));
            return event;
        };
        Supplier<Object> selfListInTypedEvent = () -> {
            List<Object> tags = new ArrayList<>();
            tags.add("a");
            tags.add(tags);
            return DfineryEvent.builder("df_purchase").identity(DfineryIdentity.externalId("u1")).datetime(T)
                    .property("tags", tags).build();
        };
        Supplier<Object> selfArray = () -> {
            Object[] values = new Object[1];
            values[0] = values;
            return event("event_properties", Map.of("values", values));
        };
        Supplier<Object> deepProfile = () -> DfineryUserProfile.of(DfineryIdentity.externalId("u1"),
                Map.of("df_name", deepMap(DEEP)));
        return Stream.of(
                Arguments.of("event", deepProperty, "body.event_properties.deep.a.a.a", "nested deeper than"),
                Arguments.of("event", deepBody, "body.a.a.a", "nested deeper than"),
                Arguments.of("event", deepJsonNode, "body.a.a.a", "nested deeper than"),
                Arguments.of("event", selfProperties, "body.event_properties.loop",
                        "refers back to body.event_properties"),
                Arguments.of("event", selfBody, "body.event_properties.back", "refers back to body"),
                Arguments.of("event", selfListInTypedEvent, "body.event_properties.tags[1]",
                        "refers back to body.event_properties.tags"),
                Arguments.of("event", selfArray, "body.event_properties.values[0]",
                        "refers back to body.event_properties.values"),
                Arguments.of("profile", deepProfile, "body.user_properties.df_name.a.a.a", "nested deeper than"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void theErrorHandlerGetsATypedErrorAndNothingIsSent(String api, Supplier<Object> body, String field, String rule)
            throws Exception {
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        rejected.expectedMessageCount(1);

        template.send("direct:" + api, exchange -> exchange.getMessage().setBody(body.get()));

        rejected.assertIsSatisfied();
        assertRejected(rejected.getExchanges().get(0), field, rule);
        assertThat(service().stats().totalRequests()).as("nothing reached DFINERY").isZero();
    }

    @Test
    void aSelfReferencingIdentityHeaderIsRefused() throws Exception {
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        rejected.expectedMessageCount(1);

        template.send("direct:event", exchange -> {
            exchange.getMessage().setBody(DfineryEvent.builder("df_login").datetime(T).build());
            exchange.getMessage().setHeader(DfineryConstants.IDENTITY, selfReferencing());
        });

        rejected.assertIsSatisfied();
        assertRejected(rejected.getExchanges().get(0), "header CamelDfineryIdentity.self",
                "refers back to header CamelDfineryIdentity");
        assertThat(service().stats().totalRequests()).as("nothing reached DFINERY").isZero();
    }

    /** A stack overflow the limits did not foresee (here a body whose own code overflows) is still typed. */
    @Test
    void aStackOverflowWhileMappingReachesTheErrorHandlerTyped() throws Exception {
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        rejected.expectedMessageCount(1);
        Map<String, Object> overflowing = new HashMap<>() {
            @Override
            public java.util.Set<Map.Entry<String, Object>> entrySet() {
                throw new StackOverflowError();
            }
        };

        template.send("direct:event", exchange -> exchange.getMessage().setBody(overflowing));

        rejected.assertIsSatisfied();
        assertRejected(rejected.getExchanges().get(0), "body", "nests too deeply to be mapped");
        assertThat(service().stats().totalRequests()).as("nothing reached DFINERY").isZero();
    }

    @Test
    void aSedaRouteGoesOnWithTheNextMessage() throws Exception {
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        rejected.expectedMessageCount(2);
        MockEndpoint sent = getMockEndpoint("mock:sent");
        DfineryEvent valid = DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("u1")).datetime(T).build();

        template.sendBody("seda:events", event("event_properties", Map.of("deep", deepMap(DEEP))));
        template.sendBody("seda:events", event("event_properties", selfReferencing()));
        template.sendBody("seda:events", valid);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sent.getReceivedCounter() == 1);
        rejected.assertIsSatisfied();
        assertRejected(rejected.getExchanges().get(0), "body.event_properties.deep.a.a.a", "nested deeper than");
        assertRejected(rejected.getExchanges().get(1), "body.event_properties.self", "refers back to body.event_properties");
        assertThat(service().events()).extracting(StoredEvent::eventLogId).containsExactly(valid.getEventLogId());
        assertThat(service().stats().totalRequests()).as("only the valid message reached DFINERY").isEqualTo(1);
    }

    private static void assertRejected(Exchange exchange, String field, String rule) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(caught).isInstanceOf(DfineryValidationException.class);
        DfineryValidationException error = (DfineryValidationException) caught;
        assertThat(error.getField()).startsWith(field);
        assertThat(error.getRule()).contains(rule);
        assertThat(error.getMessage()).startsWith("Invalid DFINERY message, nothing sent: ");
    }
}
