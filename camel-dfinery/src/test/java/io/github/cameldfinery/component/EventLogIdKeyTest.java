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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryEventLogIds;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.github.cameldfinery.component.validation.RequestRules;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * The header {@code CamelDfineryEventLogIdKey}: a message a broker delivers again, its events built anew, sends
 * the same event_log_ids, so DFINERY stores its events once; without the header the redelivery stores them twice.
 */
class EventLogIdKeyTest extends DfineryTestSupport {

    static final String KEY = DfineryConstants.EVENT_LOG_ID_KEY;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events").to("dfinery:event");
            }
        };
    }

    /** What a consumer makes of one broker message each time it is delivered: new objects, no ids. */
    static List<DfineryEvent> fromBrokerMessage() {
        return List.of(SampleEvents.login("u1"), SampleEvents.login("u2"), SampleEvents.login("u1"));
    }

    @Test
    void aRedeliveredMessageSendsTheSameIdsAndIsStoredOnce() {
        Exchange first = send("direct:events", fromBrokerMessage(), KEY, "orders-2-1041");
        Exchange again = send("direct:events", fromBrokerMessage(), KEY, "orders-2-1041");

        assertThat(first.getException()).isNull();
        assertThat(again.getException()).isNull();
        List<String> expected = List.of(DfineryEventLogIds.fromKey("orders-2-1041", 0),
                DfineryEventLogIds.fromKey("orders-2-1041", 1), DfineryEventLogIds.fromKey("orders-2-1041", 2));
        // Sent per identity: u1's two events, then u2's.
        assertThat(first.getMessage().getHeader(DfineryConstants.EVENT_LOG_IDS, List.class))
                .containsExactly(expected.get(0), expected.get(2), expected.get(1));
        assertThat(service().events()).extracting(StoredEvent::eventLogId).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(service().stats().duplicates()).as("the redelivery's events").isEqualTo(3);
    }

    @Test
    void withoutTheHeaderARedeliveredMessageIsStoredTwice() {
        assertThat(send("direct:events", fromBrokerMessage()).getException()).isNull();
        assertThat(send("direct:events", fromBrokerMessage()).getException()).isNull();

        assertThat(service().events()).hasSize(6);
        assertThat(service().stats().duplicates()).isZero();
    }

    @Test
    void anotherMessageGetsOtherIds() {
        send("direct:events", fromBrokerMessage(), KEY, "orders-2-1041");
        send("direct:events", fromBrokerMessage(), KEY, "orders-2-1042");
        send("direct:events", fromBrokerMessage(), KEY, "orders-3-1041");

        assertThat(service().events()).hasSize(9).extracting(StoredEvent::eventLogId).doesNotHaveDuplicates();
    }

    @Test
    void anIdOfTheEventsOwnIsKeptAndStillTakesItsPlace() {
        String own = UUID.randomUUID().toString();
        List<DfineryEvent> events = List.of(SampleEvents.login("u1"),
                DfineryEvent.builder("df_login").eventLogId(own).identity(DfineryIdentity.externalId("u1"))
                        .datetime(SampleEvents.DATETIME).build(),
                SampleEvents.login("u1"));

        Exchange exchange = send("direct:events", events, KEY, "ID:broker-1:1:1:7");

        assertThat(exchange.getMessage().getHeader(DfineryConstants.EVENT_LOG_IDS, List.class)).containsExactly(
                DfineryEventLogIds.fromKey("ID:broker-1:1:1:7", 0), own, DfineryEventLogIds.fromKey("ID:broker-1:1:1:7", 2));
    }

    @Test
    void jsonAndMapBodiesCountPlacesAcrossTheirEvents() {
        String own = UUID.randomUUID().toString();
        String json = "[{\"event_name\":\"df_login\",\"event_datetime\":\"" + T + "\",\"identity\":{\"external_id\":\"u1\"}},"
                      + "{\"common\":{\"identity\":{\"external_id\":\"u2\"}},\"events\":["
                      + "{\"event_name\":\"df_login\",\"event_datetime\":\"" + T + "\"},"
                      + "{\"event_log_id\":\"" + own + "\",\"event_name\":\"df_login\",\"event_datetime\":\"" + T + "\"},"
                      + "{\"event_name\":\"df_login\",\"event_datetime\":\"" + T + "\"}]}]";

        Exchange first = send("direct:events", json, KEY, "events-0-17");
        Exchange again = send("direct:events", json.getBytes(StandardCharsets.UTF_8), KEY, "events-0-17");

        assertThat(first.getMessage().getHeader(DfineryConstants.EVENT_LOG_IDS, List.class)).containsExactly(
                DfineryEventLogIds.fromKey("events-0-17", 0), DfineryEventLogIds.fromKey("events-0-17", 1), own,
                DfineryEventLogIds.fromKey("events-0-17", 3));
        assertThat(again.getMessage().getHeader(DfineryConstants.EVENT_LOG_IDS, List.class))
                .isEqualTo(first.getMessage().getHeader(DfineryConstants.EVENT_LOG_IDS, List.class));
        assertThat(service().events()).hasSize(4);

        Map<String, Object> map = SampleEvents.eventMap("df_login", "u3", T);
        assertThat(send("direct:events", map, KEY, "events-1-5").getMessage().getHeader(DfineryConstants.EVENT_LOG_IDS,
                List.class)).containsExactly(DfineryEventLogIds.fromKey("events-1-5", 0));
    }

    @Test
    void keysAsKafkaAndJmsBridgesCarryThem() {
        Exchange number = send("direct:events", SampleEvents.login("u1"), KEY, 1041L);
        Exchange bytes = send("direct:events", SampleEvents.login("u1"), KEY, "k-1".getBytes(StandardCharsets.UTF_8));

        assertThat(number.getMessage().getHeader(DfineryConstants.EVENT_LOG_IDS, List.class))
                .containsExactly(DfineryEventLogIds.fromKey("1041", 0));
        assertThat(bytes.getMessage().getHeader(DfineryConstants.EVENT_LOG_IDS, List.class))
                .containsExactly(DfineryEventLogIds.fromKey("k-1", 0));
    }

    @Test
    void aBlankKeyAKeyOfEmptyPartsOrOneThatIsNotOneValueIsRefusedBeforeAnythingIsSent() {
        for (Object key : List.of("", "  ", "--", " - / ", Map.of("topic", "t"), List.of("t", 1))) {
            Exchange exchange = send("direct:events", fromBrokerMessage(), KEY, key);
            assertThat(exchange.getException()).as("key %s", key).isInstanceOf(DfineryValidationException.class)
                    .hasMessageContaining(KEY);
        }
        assertThat(service().stats().totalRequests()).isZero();
    }

    @Test
    void theSplitterGivesTheSameIds() {
        Exchange exchange = context.getEndpoint("direct:events").createExchange();
        exchange.getMessage().setBody(fromBrokerMessage());
        exchange.getMessage().setHeader(KEY, "orders-2-1041");

        List<String> bodies = new DfineryRequestSplitter().split(exchange);

        assertThat(String.join("", bodies)).contains(DfineryEventLogIds.fromKey("orders-2-1041", 0),
                DfineryEventLogIds.fromKey("orders-2-1041", 1), DfineryEventLogIds.fromKey("orders-2-1041", 2));
    }

    @Test
    void theIdIsTheNameBasedUuidOfKeyAndPlace() {
        String id = DfineryEventLogIds.fromKey("orders-2-1041", 3);

        assertThat(id).isEqualTo(UUID.nameUUIDFromBytes("orders-2-1041/3".getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(UUID.fromString(id).version()).isEqualTo(3);
        assertThat(UUID.fromString(id).variant()).isEqualTo(2);
        assertThat(RequestRules.isUuid(id)).isTrue();
        assertThat(DfineryEventLogIds.fromKey("orders-2-104", 13)).as("the separator keeps key and place apart")
                .isNotEqualTo(DfineryEventLogIds.fromKey("orders-2-1041", 3));
    }

    @Test
    void aTypedEventTellsWhetherItsIdWasGenerated() {
        assertThat(SampleEvents.login("u1").isEventLogIdGenerated()).isTrue();
        assertThat(DfineryEvent.builder("df_login").eventLogId(UUID.randomUUID().toString()).build()
                .isEventLogIdGenerated()).isFalse();
    }
}
