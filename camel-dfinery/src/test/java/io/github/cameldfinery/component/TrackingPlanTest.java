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

import java.util.Map;

import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.model.DfineryItem;
import io.github.cameldfinery.component.model.DfineryUserProfile;
import io.github.cameldfinery.component.validation.DfineryTrackingPlan;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** With a tracking plan, names and types DFINERY has not registered fail before sending. */
class TrackingPlanTest extends DfineryTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:event").to("dfinery:event?trackingPlanUri=classpath:tracking-plan.json");
                from("direct:profile").to("dfinery:profile?trackingPlan=#plan");
            }
        };
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("plan", new DfineryTrackingPlan().userProperty("df_name", DfineryTrackingPlan.Type.STRING));
    }

    static DfineryEvent.Builder purchase() {
        return DfineryEvent.builder("df_purchase").identity(DfineryIdentity.externalId("u1")).datetime("2026-11-27T00:00:00Z");
    }

    @Test
    void registeredNamesAndTypesPass() {
        assertThat(send("direct:event", purchase().property("df_order_id", "o1")
                .item(DfineryItem.builder().itemId("s").price(1.5).quantity(2).build()).build()).getException()).isNull();
        assertThat(service().stats().eventsStored()).isEqualTo(1);
    }

    @Test
    void unknownNamesAndWrongTypesFailBeforeSending() {
        assertField(send("direct:event", DfineryEvent.builder("df_refund").identity(DfineryIdentity.externalId("u1"))
                .datetime("2026-11-27T00:00:00Z").build()).getException(), "body.event_name", "not in the tracking plan");
        assertField(send("direct:event", purchase().property("df_discount", 1.0).build()).getException(),
                "body.event_properties.df_discount", "not a event property in the tracking plan");
        assertField(send("direct:event", purchase().property("df_order_id", 17).build()).getException(),
                "body.event_properties.df_order_id", "the tracking plan says STRING");
        assertField(send("direct:event", purchase().item(DfineryItem.builder().quantity(1).property("df_quantity", 1.5).build())
                .build()).getException(), "body.event_items[0].df_quantity", "the tracking plan says LONG");
        assertField(send("direct:profile", DfineryUserProfile.of(DfineryIdentity.externalId("u1"), Map.of("df_gender", "F")))
                .getException(), "body.user_properties.df_gender", "not a user property in the tracking plan");
        assertThat(service().stats().totalRequests()).isZero();
    }

    static void assertField(Exception exception, String field, String rule) {
        assertThat(exception).isInstanceOf(DfineryValidationException.class);
        assertThat(((DfineryValidationException) exception).getField()).isEqualTo(field);
        assertThat(((DfineryValidationException) exception).getRule()).contains(rule);
    }
}
