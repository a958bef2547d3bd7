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

import static io.github.cameldfinery.component.testing.SampleEvents.login;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import io.github.cameldfinery.component.error.DfineryAuthenticationException;
import io.github.cameldfinery.component.spi.DfineryQuotaStore;
import io.github.cameldfinery.component.spi.DfineryQuotaValue;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.ConsumersHealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.junit.jupiter.api.Test;

/**
 * The producers' and the consumer's health checks, in Camel's producers and consumers repositories as Camel's
 * components have them, honouring healthCheckProducerEnabled and healthCheckConsumerEnabled.
 */
class HealthChecksTest extends DfineryTestSupport {

    static final String WRONG_TOKEN = "dfinery:event?accessToken=RAW(not-the-token)";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        // Every result, not only the DOWN ones.
        registry.setExposureLevel("full");
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        registry.register(new ConsumersHealthCheckRepository());
        // As camel.health.producersEnabled=true sets it: Camel runs no producer check by default.
        ProducersHealthCheckRepository producers = new ProducersHealthCheckRepository();
        producers.setEnabled(true);
        registry.register(producers);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:event").routeId("events").to("dfinery:event");
                from("direct:wrongToken").routeId("wrongToken").to(WRONG_TOKEN);
                from("direct:export").routeId("export").to("dfinery:export");
            }
        };
    }

    @Test
    void eachEndpointsProducersHaveAReadinessCheckWhileTheyRun() throws Exception {
        assertThat(producerChecks()).extracting(HealthCheck::getId)
                .contains("producer:dfinery://event", "producer:dfinery://export")
                .anyMatch(id -> id.startsWith("producer:dfinery://event?accessToken=") && !id.contains("not-the-token"));
        assertThat(readiness("producer:dfinery://event").getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(readiness("producer:dfinery://event").getCheck().isLiveness()).isFalse();

        context.getRouteController().stopRoute("events");

        assertThat(producerChecks()).extracting(HealthCheck::getId).doesNotContain("producer:dfinery://event");
        context.getRouteController().startRoute("events");
        assertThat(producerChecks()).extracting(HealthCheck::getId).containsOnlyOnce("producer:dfinery://event");
    }

    @Test
    void aProducerIsDownOnceDfineryRefusedItsTokenAndUpAfterARequestSucceeds() {
        Exchange refused = send("direct:wrongToken", login("u1"));
        assertThat(refused.getException()).isInstanceOf(DfineryAuthenticationException.class);

        HealthCheck.Result down = readiness(wrongTokenCheckId());
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("refused the token")
                .doesNotContain("not-the-token"));
        assertThat(down.getDetails()).containsEntry("dfinery.api", "event").containsEntry("dfinery.service.id", SERVICE)
                .containsKey(HealthCheck.HTTP_RESPONSE_CODE);
        assertThat(down.getError()).containsInstanceOf(DfineryAuthenticationException.class);
        assertThat(readiness("producer:dfinery://event").getState()).as("another endpoint's token is good")
                .isEqualTo(HealthCheck.State.UP);

        context.getEndpoint(WRONG_TOKEN, DfineryEndpoint.class).getConfiguration().setAccessToken(IMPORT_TOKEN);
        assertThat(send("direct:wrongToken", login("u1")).getException()).isNull();

        assertThat(readiness(wrongTokenCheckId()).getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aProducerWithoutATokenIsDownAndSaysWhichOne() {
        context.getEndpoint("dfinery:export", DfineryEndpoint.class).getConfiguration().setBearerToken(null);

        HealthCheck.Result down = readiness("producer:dfinery://export");

        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("No bearerToken"));
    }

    @Test
    void healthCheckProducerEnabledFalseDisablesTheProducersChecks() throws Exception {
        context.getComponent("dfinery", DfineryComponent.class).setHealthCheckProducerEnabled(false);
        context.getRouteController().stopRoute("events");
        context.getRouteController().startRoute("events");

        HealthCheck events = producerChecks().stream().filter(c -> c.getId().equals("producer:dfinery://event"))
                .findFirst().orElseThrow();
        assertThat(events.isEnabled()).isFalse();
        assertThat(readiness("producer:dfinery://event").getState()).isEqualTo(HealthCheck.State.UNKNOWN);
    }

    @Test
    void healthCheckConsumerEnabledFalseDisablesTheConsumersCheck() throws Exception {
        context.getComponent("dfinery", DfineryComponent.class).setHealthCheckConsumerEnabled(false);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?dataset=userProfiles&delay=60000").routeId("profiles").to("log:rows?level=OFF");
            }
        });

        HealthCheck check = ((DfineryExportConsumer) context.getRoute("profiles").getConsumer()).getHealthCheck();
        assertThat(check).isInstanceOf(DfineryConsumerHealthCheck.class);
        assertThat(check.getId()).isEqualTo("consumer:profiles");
        assertThat(check.isEnabled()).isFalse();
    }

    @Test
    void aGuardedProducerIsDownWhileTheSharedQuotaStoreFailsItsRequests() throws Exception {
        CamelContext other = createCamelContext();
        DfineryComponent component = other.getComponent("dfinery", DfineryComponent.class);
        component.setQuotaStore(new UnreachableStore());
        other.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export").to("dfinery:export");
                from("direct:unguarded").to("dfinery:event?quotaGuard=false");
            }
        });
        other.start();
        try {
            HealthCheck.Result export = HealthCheckHelper.invokeReadiness(other).stream()
                    .filter(r -> r.getCheck().getId().equals("producer:dfinery://export")).findFirst().orElseThrow();
            assertThat(export.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(export.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("quota store cannot be reached"));
            assertThat(export.getDetails()).containsEntry("dfinery.quota.store", "an unreachable test store");
            assertThat(HealthCheckHelper.invokeReadiness(other)).filteredOn(r -> r.getCheck().getId()
                    .equals("producer:dfinery://event?quotaGuard=false")).singleElement()
                    .as("counts nothing in the store").satisfies(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UP));
        } finally {
            other.stop();
        }
    }

    /** A shared store that never answers: with quotaStoreUnavailable=FAIL, requests fail without being sent. */
    static final class UnreachableStore implements DfineryQuotaStore {
        @Override
        public DfineryQuotaValue value(String key) {
            throw new IllegalStateException("the store cannot be reached");
        }

        @Override
        public void ping() {
            throw new IllegalStateException("the store cannot be reached");
        }

        @Override
        public boolean isShared() {
            return true;
        }

        @Override
        public String describe() {
            return "an unreachable test store";
        }
    }

    private String wrongTokenCheckId() {
        return producerChecks().stream().map(HealthCheck::getId)
                .filter(id -> id.startsWith("producer:dfinery://event?accessToken=")).findFirst().orElseThrow();
    }

    private List<HealthCheck> producerChecks() {
        Optional<HealthCheckRepository> producers = HealthCheckRegistry.get(context).getRepository("producers");
        return producers.orElseThrow().stream().toList();
    }

    private HealthCheck.Result readiness(String id) {
        return HealthCheckHelper.invokeReadiness(context).stream().filter(r -> r.getCheck().getId().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no check " + id + " among "
                        + HealthCheckHelper.invokeReadiness(context).stream().map(r -> r.getCheck().getId()).toList()));
    }
}
