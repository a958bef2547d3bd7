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
import java.util.List;
import java.util.Map;

import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.model.DfineryUserProfile;
import io.github.cameldfinery.emulator.state.ProfileSnapshot;
import io.github.cameldfinery.emulator.state.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** dfinery:identity (update and delete) and dfinery:profile, checked against the emulator's state. */
class IdentityAndProfileProducerTest extends DfineryTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:identity").to("dfinery:identity");
                from("direct:delete").to("dfinery:identity?operation=delete");
                from("direct:profile").to("dfinery:profile");
            }
        };
    }

    @Test
    void identityUpdateFromTypedMapJsonAndHeaders() {
        assertThat(send("direct:identity", DfineryIdentity.builder().externalId("u1").email("u1@example.com")
                .phoneNo("821012345678").build()).getException()).isNull();
        assertThat(send("direct:identity", Map.of("external_id", "u2")).getException()).isNull();
        assertThat(send("direct:identity", "{\"identity\":{\"external_id\":\"u3\"},"
                + "\"request_datetime\":\"2024-06-24T06:01:48.501Z\"}").getException()).isNull();
        assertThat(send("direct:identity", null, DfineryConstants.EXTERNAL_ID, "u4").getException()).isNull();

        assertThat(service().profiles()).extracting(ProfileSnapshot::externalId).containsExactly("u1", "u2", "u3", "u4");
        assertThat(service().profileByExternalId("u1").identifiers()).containsEntry("email", "u1@example.com")
                .containsEntry("phone_no", "821012345678");
        List<RecordedRequest> requests = service().recentRequests();
        assertThat(requests.get(2).body()).isEqualTo("{\"identity\":{\"external_id\":\"u3\"},"
                + "\"request_datetime\":\"2024-06-24T06:01:48.501Z\"}");
        String filled = requests.get(1).body();
        assertThat(filled).matches("\\{\"identity\":\\{\"external_id\":\"u2\"},\"request_datetime\":"
                + "\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"}");
    }

    @Test
    void deleteByOptionOrHeaderSendsOnlyTheExternalId() {
        send("direct:identity", List.of(Map.of("external_id", "u1", "email", "a@example.com"), Map.of("external_id", "u2")));
        assertThat(service().profiles()).hasSize(2);

        assertThat(send("direct:delete", DfineryIdentity.builder().externalId("u1").email("a@example.com").build())
                .getException()).isNull();
        assertThat(send("direct:identity", Map.of("external_id", "u2"), DfineryConstants.OPERATION, "delete")
                .getException()).isNull();

        assertThat(service().profiles()).isEmpty();
        assertThat(service().stats().deletes()).isEqualTo(2);
        RecordedRequest delete = service().recentRequests().get(2);
        assertThat(delete.path()).isEqualTo("/api/v1/identities/delete");
        assertThat(delete.body()).startsWith("{\"identity\":{\"external_id\":\"u1\"},\"request_datetime\":");
    }

    @Test
    void profileFromTypedApiShapeAndPropertiesWithHeaderIdentity() {
        assertThat(send("direct:profile", DfineryUserProfile.of(DfineryIdentity.externalId("u1"),
                Map.of("df_name", "Kim", "df_push_optin", true))).getException()).isNull();
        assertThat(send("direct:profile", "{\"identity\":{\"external_id\":\"u2\"},\"user_properties\":{\"df_gender\":"
                + "\"Female\"},\"request_datetime\":\"2024-05-14T06:05:46.363Z\"}").getException()).isNull();
        Exchange fromHeaders = send("direct:profile", Map.of("df_membership", "gold", "df_sms_ads_optin", false),
                DfineryConstants.EXTERNAL_ID, "u3");
        assertThat(fromHeaders.getException()).isNull();

        assertThat(service().profileByExternalId("u1").properties().get("df_name").textValue()).isEqualTo("Kim");
        assertThat(service().profileByExternalId("u1").properties().get("df_push_optin").booleanValue()).isTrue();
        assertThat(service().profileByExternalId("u2").properties().get("df_gender").textValue()).isEqualTo("Female");
        assertThat(service().profileByExternalId("u3").properties().get("df_membership").textValue()).isEqualTo("gold");
        assertThat(service().profileByExternalId("u3").properties().get("df_sms_ads_optin").booleanValue()).isFalse();
        assertThat(service().recentRequests().get(1).body()).isEqualTo("{\"identity\":{\"external_id\":\"u2\"},"
                + "\"user_properties\":{\"df_gender\":\"Female\"},\"request_datetime\":\"2024-05-14T06:05:46.363Z\"}");
        assertThat(fromHeaders.getMessage().getHeader(DfineryConstants.RATE_LIMIT_REMAINING)).isEqualTo(9_997L);
    }

    @Test
    void aListOfProfilesIsOneRequestPerUser() {
        Exchange exchange = send("direct:profile", List.of(
                DfineryUserProfile.of(DfineryIdentity.externalId("a"), Map.of("df_name", "A")),
                DfineryUserProfile.of(DfineryIdentity.externalId("b"), Map.of("df_name", "B", "df_birth", "1999-01-01"))));
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(DfineryConstants.REQUEST_COUNT)).isEqualTo(2);
        assertThat(service().profiles()).hasSize(2);
    }

    @Test
    void requestDatetimeConvertsToUtc() {
        send("direct:profile", Map.of("identity", Map.of("external_id", "u1"), "user_properties", Map.of("df_name", "A"),
                "request_datetime", Instant.parse("2024-05-14T06:05:46Z")));
        assertThat(service().recentRequests().get(0).body()).endsWith("\"request_datetime\":\"2024-05-14T06:05:46.000Z\"}");
    }
}
