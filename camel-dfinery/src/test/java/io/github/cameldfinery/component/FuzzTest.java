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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldfinery.component.error.DfineryException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 10,000 random JSON structures into each producer, built from the API's own field names so that many come close
 * to valid: every one ends in success or a DfineryException, never a NullPointerException, a ClassCastException
 * or a hang.
 */
class FuzzTest extends DfineryTestSupport {

    static final String[] KEYS = { "common", "identity", "events", "event_log_id", "event_name", "event_datetime",
        "event_items", "event_properties", "user_properties", "request_datetime", "external_id", "phone_no", "email",
        "kakao_user_id", "line_user_id", "df_order_id", "df_price", "df_quantity", "df_name", "df_push_optin", "x" };
    static final String[] STRINGS = { "df_purchase", "df_login", "u1", "", " ", "821012345678", "+82", "2026-11-27T10:00:00Z",
        "2026-11-27T10:00:00+09:00", "2026-13-45T99:00:00Z", "0166a71c-caf4-462d-8201-9c30c40f2354", "not-a-uuid", "한국어",
        "a,b\"c\nd", "null", "NaN" };
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static JsonNode random(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 9);
        switch (kind) {
            case 0: return NODES.textNode(STRINGS[random.nextInt(STRINGS.length)]);
            case 1: return NODES.numberNode(random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(1000));
            case 2: return NODES.numberNode(random.nextDouble() * 1e6);
            case 3: return NODES.booleanNode(random.nextBoolean());
            case 4: return NODES.nullNode();
            case 5: return NODES.textNode(Long.toString(1_700_000_000_000L + random.nextInt(1_000_000)));
            case 6: case 7: {
                ObjectNode object = NODES.objectNode();
                int fields = random.nextInt(6);
                for (int i = 0; i < fields; i++) {
                    object.set(KEYS[random.nextInt(KEYS.length)], random(random, depth + 1));
                }
                return object;
            }
            default: {
                ArrayNode array = NODES.arrayNode();
                int elements = random.nextInt(4);
                for (int i = 0; i < elements; i++) {
                    array.add(random(random, depth + 1));
                }
                return array;
            }
        }
    }

    /** A valid message for the endpoint, with one field replaced by a random value. */
    static JsonNode nearValid(Random random, String uri) {
        ObjectNode body = NODES.objectNode();
        if (uri.startsWith("dfinery:event")) {
            body.put("event_name", "df_login").put("event_datetime", "2026-11-27T10:00:00Z");
            body.putObject("identity").put("external_id", "u" + random.nextInt(5));
        } else if (uri.startsWith("dfinery:profile")) {
            body.putObject("identity").put("external_id", "u" + random.nextInt(5));
            body.putObject("user_properties").put("df_name", "Kim");
        } else {
            body.put("external_id", "u" + random.nextInt(5));
        }
        if (random.nextBoolean()) {
            List<String> fields = new ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            body.set(fields.get(random.nextInt(fields.size())), random(random, 1));
        }
        return body;
    }

    @ParameterizedTest
    @ValueSource(strings = { "dfinery:event", "dfinery:identity", "dfinery:profile", "dfinery:identity?operation=delete" })
    void randomStructuresGiveOnlySuccessOrTypedExceptions(String uri) {
        Random random = new Random(uri.hashCode());
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < 10_000; i++) {
                JsonNode body = i % 4 == 3 ? nearValid(random, uri) : random(random, 0);
                Object payload = i % 3 == 0 ? body.toString() : i % 3 == 1 ? body.toString().getBytes() : body;
                Exchange exchange = template.send(uri, e -> {
                    e.getMessage().setBody(payload);
                    if (random.nextInt(4) == 0) {
                        e.getMessage().setHeader(DfineryConstants.EXTERNAL_ID, "header-user");
                    }
                });
                Exception failure = exchange.getException();
                String outcome = failure == null ? "success" : failure.getClass().getSimpleName();
                outcomes.merge(outcome, 1, Integer::sum);
                if (failure != null && !(failure instanceof DfineryException)) {
                    unexpected.add(failure + " for " + body);
                }
            }
        });
        assertThat(unexpected).as("outcomes " + outcomes).isEmpty();
        assertThat(outcomes).as("some inputs succeed, some fail").containsKeys("success", "DfineryValidationException");
    }
}
