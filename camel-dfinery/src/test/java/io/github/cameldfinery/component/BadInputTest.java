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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.model.DfineryItem;
import io.github.cameldfinery.component.model.DfineryUserProfile;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input never reaches DFINERY: each case fails with a DfineryValidationException that names the field and the
 * rule, and the emulator sees no request at all.
 */
class BadInputTest extends DfineryTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:event").to("dfinery:event");
                from("direct:identity").to("dfinery:identity");
                from("direct:delete").to("dfinery:identity?operation=delete");
                from("direct:profile").to("dfinery:profile");
            }
        };
    }

    static Map<String, Object> event(Object... keyValues) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_name", "df_purchase");
        event.put("event_datetime", T);
        event.put("identity", Map.of("external_id", "u1"));
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                event.remove((String) keyValues[i]);
            } else {
                event.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return event;
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("event", null, "body", "is null"));
        cases.add(Arguments.of("event", 42, "body", "is not a DFINERY message"));
        cases.add(Arguments.of("event", new StringBuilder("not json"), "body", "not valid JSON"));
        cases.add(Arguments.of("event", "{\"event_name\":\"df_login\",", "body", "not valid JSON"));
        cases.add(Arguments.of("event", "", "body", "empty body"));
        cases.add(Arguments.of("event", "[]", "body", "is empty"));
        cases.add(Arguments.of("event", "[1]", "body[0]", "must be an object"));
        cases.add(Arguments.of("event", new Object(), "body", "values of type java.lang.Object are not supported"));
        cases.add(Arguments.of("event", List.of(), "body", "is empty"));
        cases.add(Arguments.of("event", event("identity", null), "body.identity (or headers)", "no identity"));
        cases.add(Arguments.of("event", event("identity", Map.of()), "body.identity", "at least one of"));
        cases.add(Arguments.of("event", event("identity", Map.of("external_id", " ")), "body.identity.external_id",
                "must not be empty"));
        cases.add(Arguments.of("event", event("identity", Map.of("user_id", "x")), "body.identity.user_id", "unknown identifier"));
        cases.add(Arguments.of("event", event("identity", Map.of("phone_no", "+82 10-1234-5678")), "body.identity.phone_no",
                "must be 8 to 15 digits"));
        cases.add(Arguments.of("event", event("identity", Map.of("external_id", 12)), "body.identity.external_id",
                "must be a string"));
        cases.add(Arguments.of("event", event("event_log_id", "1234"), "body.event_log_id", "must be a UUID"));
        cases.add(Arguments.of("event", event("event_name", null), "body.event_name", "required"));
        cases.add(Arguments.of("event", event("event_name", ""), "body.event_name", "must not be empty"));
        cases.add(Arguments.of("event", event("event_datetime", null), "body.event_datetime", "required"));
        cases.add(Arguments.of("event", event("event_datetime", "2026-11-27T10:15:30"), "body.event_datetime",
                "not an ISO-8601 datetime with a zone"));
        cases.add(Arguments.of("event", event("event_datetime", LocalDateTime.of(2026, 11, 27, 10, 0)), "body.event_datetime",
                "has no time zone"));
        cases.add(Arguments.of("event", event("event_datetime", "yesterday"), "body.event_datetime", "not an ISO-8601"));
        cases.add(Arguments.of("event", event("event_properties", Map.of("df_discount", Double.NaN)),
                "body.event_properties.df_discount", "must be a finite number"));
        cases.add(Arguments.of("event", event("event_properties", Map.of("df_discount", Double.POSITIVE_INFINITY)),
                "body.event_properties.df_discount", "must be a finite number"));
        cases.add(Arguments.of("event", "{\"event_name\":\"df_login\",\"event_datetime\":\"" + T + "\",\"identity\":"
                + "{\"external_id\":\"u\"},\"event_properties\":{\"df_discount\":NaN}}", "body", "not valid JSON"));
        cases.add(Arguments.of("event", event("event_properties", Map.of("df_order_id", Map.of("a", 1))),
                "body.event_properties.df_order_id", "nested objects are not allowed"));
        cases.add(Arguments.of("event", event("event_properties", Map.of("tags", List.of(List.of("a")))),
                "body.event_properties.tags[0]", "arrays hold only strings or numbers"));
        cases.add(Arguments.of("event", event("event_properties", Map.of("df_items", List.of())),
                "body.event_properties.df_items", "items go in event_items"));
        cases.add(Arguments.of("event", event("event_items", Map.of("df_price", 1)), "body.event_items",
                "must be an array of items"));
        cases.add(Arguments.of("event", event("event_items", List.of("sku")), "body.event_items[0]", "must be an object"));
        cases.add(Arguments.of("event", event("event_attributes", Map.of()), "body.event_attributes", "unknown field"));
        List<DfineryItem> items = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            items.add(DfineryItem.builder().itemId("sku-" + i).build());
        }
        DfineryEvent.Builder bigEvent = DfineryEvent.builder("df_purchase").identity(DfineryIdentity.externalId("u1")).datetime(T);
        items.forEach(bigEvent::item);
        cases.add(Arguments.of("event", bigEvent.build(), "body.event_items", "101 items"));
        cases.add(Arguments.of("event", "{\"common\":{\"identity\":{\"external_id\":\"u\"}},\"events\":[]}", "body.events",
                "must be a non-empty array"));
        cases.add(Arguments.of("event", "{\"common\":{\"identity\":{\"external_id\":\"u\"}},\"events\":[{\"event_name\":"
                + "\"df_login\",\"event_datetime\":\"" + T + "\",\"identity\":{\"external_id\":\"v\"}}]}",
                "body.events[0].identity", "not allowed here"));
        cases.add(Arguments.of("event", "{\"common\":{\"identity\":{\"external_id\":\"u\"},\"x\":1},\"events\":[]}",
                "body.common.x", "unknown field"));
        cases.add(Arguments.of("event", "{\"common\":{\"identity\":{\"external_id\":\"u\",\"external_id\":\"v\"}},"
                + "\"events\":[]}", "body", "not valid JSON"));
        cases.add(Arguments.of("identity", Map.of("email", ""), "body.email", "must not be empty"));
        cases.add(Arguments.of("identity", Map.of(), "body", "at least one of"));
        cases.add(Arguments.of("identity", "{\"identity\":{\"external_id\":\"u\"},\"request_datetime\":\"24/06/2024\"}",
                "body.request_datetime", "not an ISO-8601"));
        cases.add(Arguments.of("delete", DfineryIdentity.builder().email("a@example.com").build(), "body.identity.external_id",
                "required to delete"));
        cases.add(Arguments.of("profile", Map.of("df_name", "A"), "body.identity", "no identity"));
        cases.add(Arguments.of("profile", DfineryUserProfile.of(DfineryIdentity.externalId("u"), Map.of("df_name", Map.of())),
                "body.user_properties.df_name", "nested objects are not allowed"));
        cases.add(Arguments.of("profile", "{\"identity\":{\"external_id\":\"u\"},\"user_properties\":[]}",
                "body.user_properties", "must be an object"));
        cases.add(Arguments.of("profile", "{\"identity\":{\"external_id\":\"u\"},\"user_properties\":{},\"extra\":1}",
                "body.extra", "unknown field"));
        String json = "{\"event_name\":\"df_login\",\"identity\":{\"external_id\":\"u\"},";
        cases.add(Arguments.of("event", json + "\"event_datetime\":\"" + T + "\",\"event_properties\":{\"df_discount\":1e400}}",
                "body.event_properties.df_discount", "must be a finite number, got Infinity"));
        cases.add(Arguments.of("event", json + "\"event_datetime\":\"" + T + "\",\"event_properties\":{\"prices\":[1,-1e400]}}",
                "body.event_properties.prices[1]", "must be a finite number, got -Infinity"));
        cases.add(Arguments.of("event", json + "\"event_datetime\":\"" + T + "\",\"event_properties\":"
                + "{\"df_quantity\":123456789012345678901234567890}}", "body.event_properties.df_quantity", "does not fit a Long"));
        cases.add(Arguments.of("event", json + "\"event_datetime\":123456789012345678901234567890}", "body.event_datetime",
                "out of range"));
        cases.add(Arguments.of("event", event("event_datetime", "+10000-01-01T00:00:00Z"), "body.event_datetime",
                "out of range: DFINERY's Datetime"));
        cases.add(Arguments.of("event", event("event_datetime", Instant.parse("+10000-01-01T00:00:00Z")), "body.event_datetime",
                "out of range"));
        cases.add(Arguments.of("event", event("event_datetime", Long.MAX_VALUE), "body.event_datetime", "out of range"));
        cases.add(Arguments.of("event", event("event_datetime", Instant.MAX), "body.event_datetime", "out of range"));
        cases.add(Arguments.of("event", event("event_datetime", Instant.MIN), "body.event_datetime", "out of range"));
        cases.add(Arguments.of("event", DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("u1"))
                .datetime(Instant.MAX).build(), "body.event_datetime", "out of range"));
        cases.add(Arguments.of("event", List.of(DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("u1"))
                .datetime(OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)).build()), "body[0].event_datetime",
                "out of range"));
        cases.add(Arguments.of("event", event("event_properties", Map.of("df_when", Instant.MAX)),
                "body.event_properties.df_when", "out of range"));
        cases.add(Arguments.of("event", event("event_properties", Map.of("df_day", LocalDate.of(10000, 1, 1))),
                "body.event_properties.df_day", "out of range"));
        cases.add(Arguments.of("identity", "{\"identity\":{\"external_id\":\"u\"},\"request_datetime\":"
                + "\"+10000-01-01T00:00:00Z\"}", "body.request_datetime", "out of range"));
        cases.add(Arguments.of("profile", DfineryUserProfile.of(DfineryIdentity.externalId("u"),
                Map.of("df_birth", Instant.parse("+10000-01-01T00:00:00Z"))), "body.user_properties.df_birth", "out of range"));
        cases.add(Arguments.of("event", "{\"a\":".repeat(1001) + "1" + "}".repeat(1001), "body", "nesting depth"));
        ObjectNode nanTree = (ObjectNode) FuzzTest.NODES.objectNode().put("event_name", "df_login").put("event_datetime", T);
        nanTree.putObject("identity").put("external_id", "u");
        nanTree.putObject("event_properties").put("df_discount", Double.NaN);
        cases.add(Arguments.of("event", nanTree, "body.event_properties.df_discount", "must be a finite number, got NaN"));
        cases.add(Arguments.of("event", event("event_properties", Map.of("df_discount",
                FuzzTest.NODES.numberNode(Double.POSITIVE_INFINITY))), "body.event_properties.df_discount",
                "must be a finite number"));
        cases.add(Arguments.of("event", DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("u1")).datetime(T)
                .property("df_discount", Float.NaN).build(), "body.event_properties.df_discount", "must be a finite number"));
        cases.add(Arguments.of("event", DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("u1")).datetime(T)
                .property("prices", List.of(1.0, Double.NEGATIVE_INFINITY)).build(), "body.event_properties.prices[1]",
                "must be a finite number"));
        cases.add(Arguments.of("profile", DfineryUserProfile.of(DfineryIdentity.externalId("u"), Map.of("df_score", Double.NaN)),
                "body.user_properties.df_score", "must be a finite number"));
        return cases.stream();
    }

    static Stream<Arguments> headerCases() {
        Map<String, Object> event = event("identity", null);
        return Stream.of(
                Arguments.of("event", event, DfineryConstants.EXTERNAL_ID, Map.of("id", "u1")),
                Arguments.of("event", event, DfineryConstants.PHONE_NO, List.of("821012345678")),
                Arguments.of("identity", null, DfineryConstants.EMAIL, new String[] {"a@example.com"}),
                Arguments.of("identity", null, DfineryConstants.LINE_USER_ID, new Object()),
                Arguments.of("profile", Map.of("df_name", "A"), DfineryConstants.KAKAO_USER_ID, Map.of("id", "k1")));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("headerCases")
    void anIdentifierHeaderThatIsNotOneValueIsRejected(String api, Object body, String header, Object value) {
        Exchange exchange = send("direct:" + api, body, header, value);

        assertThat(exchange.getException()).isInstanceOf(DfineryValidationException.class);
        DfineryValidationException error = (DfineryValidationException) exchange.getException();
        assertThat(error.getField()).isEqualTo("header " + header);
        assertThat(error.getRule()).contains("must be one identifier");
        assertThat(service().stats().totalRequests()).as("nothing reached DFINERY").isZero();
    }

    @ParameterizedTest
    @MethodSource("scalarHeaders")
    void anIdentifierHeaderThatIsOneValueIsSentAsText(Object value, String sent) {
        assertThat(send("direct:identity", null, DfineryConstants.EXTERNAL_ID, value).getException()).isNull();

        assertThat(service().profileByExternalId(sent)).isNotNull();
    }

    static Stream<Arguments> scalarHeaders() {
        return Stream.of(Arguments.of("u1", "u1"), Arguments.of(42L, "42"), Arguments.of("u2".getBytes(), "u2"));
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @MethodSource("cases")
    void rejectedBeforeSending(String api, Object body, String field, String rule) {
        Exchange exchange = send("direct:" + api, body);

        assertThat(exchange.getException()).isInstanceOf(DfineryValidationException.class);
        DfineryValidationException error = (DfineryValidationException) exchange.getException();
        assertThat(error.getField()).isEqualTo(field);
        assertThat(error.getRule()).contains(rule);
        assertThat(error.getMessage()).startsWith("Invalid DFINERY message, nothing sent: " + field + ": ");
        assertThat(error.getHttpResponseCode()).isZero();
        assertThat(error.isTransient()).isFalse();
        assertThat(service().stats().totalRequests()).as("nothing reached DFINERY").isZero();
    }
}
