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
import static io.github.cameldfinery.component.testing.SampleEvents.logins;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.cameldfinery.component.error.DfineryAuthenticationException;
import io.github.cameldfinery.component.error.DfineryException;
import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.error.DfineryServerException;
import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.component.error.RequestOutcome;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** Every failure DFINERY can answer becomes the right typed exception; transient ones are retried, others not. */
class FailureTest extends DfineryTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:event").to("dfinery:event");
                from("direct:noRetry").to("dfinery:event?maxRetries=0");
                from("direct:wrongToken").to("dfinery:event?accessToken=RAW(not-the-token)");
                from("direct:unknownService").to("dfinery:event?serviceId=nope");
                from("direct:redelivered")
                        .onException(DfineryServerException.class).maximumRedeliveries(3).redeliveryDelay(0).end()
                        .to("dfinery:event?maxRetries=0");
            }
        };
    }

    @Test
    void unregisteredEventIsAServerValidationErrorAndNotRetried() {
        Exchange exchange = send("direct:event", DfineryEvent.builder("my_custom_event")
                .identity(DfineryIdentity.externalId("u1")).datetime(T).build());

        DfineryValidationException error = exchange.getException(DfineryValidationException.class);
        assertThat(error).isNotNull();
        assertThat(error.getCode()).isEqualTo("40001");
        assertThat(error.getApiMessage()).isEqualTo("VALIDATION_FAILURE");
        assertThat(error.getHttpResponseCode()).isEqualTo(200);
        assertThat(error.getMessage()).contains("events[0].event_name: 'my_custom_event' is not a registered event");
        assertThat(error.getResponseBody()).contains("\"status\":false");
        assertThat(error.getOutcomes()).singleElement().satisfies(o -> {
            assertThat(o.state()).isEqualTo(RequestOutcome.State.FAILED);
            assertThat(o.attempts()).isEqualTo(1);
        });
        assertThat(service().stats().requests(ApiKind.EVENT)).isEqualTo(1);
    }

    @Test
    void wrongTokenAndUnknownServiceAreAuthenticationErrors() {
        DfineryAuthenticationException token = send("direct:wrongToken", login("u1"))
                .getException(DfineryAuthenticationException.class);
        assertThat(token.getCode()).isEqualTo("40201");
        assertThat(token.getMessage()).doesNotContain("not-the-token").doesNotContain(IMPORT_TOKEN);

        DfineryAuthenticationException service = send("direct:unknownService", login("u1"))
                .getException(DfineryAuthenticationException.class);
        assertThat(service.getCode()).isEqualTo("40101");
        assertThat(service().stats().eventsStored()).isZero();
    }

    @Test
    void transientFailuresAreRetriedWithTheSameEventIds() {
        service().faults(ApiKind.EVENT).failNext(1, Fault.http500()).failNext(1, Fault.errorUnder200())
                .failNext(1, Fault.dropAfterProcessing());
        DfineryEvent event = login("u1");

        Exchange exchange = send("direct:event", event);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(DfineryConstants.ATTEMPT_COUNT)).isEqualTo(4);
        assertThat(service().stats().eventsStored()).isEqualTo(1);
        assertThat(service().stats().duplicates()).as("the answer to the 3rd attempt was lost, the 4th was a duplicate")
                .isEqualTo(1);
        assertThat(service().recentRequests()).extracting(r -> r.body()).containsOnly(service().recentRequests().get(0).body());
        assertThat(service().events().get(0).eventLogId()).isEqualTo(event.getEventLogId());
    }

    @Test
    void retriesAreBoundedAndTheLastErrorIsReported() {
        service().faults(ApiKind.EVENT).failNext(10, Fault.http500());
        DfineryServerException error = send("direct:event", login("u1")).getException(DfineryServerException.class);
        assertThat(error.getHttpResponseCode()).isEqualTo(500);
        assertThat(error.getCode()).isEqualTo("50000");
        assertThat(error.isTransient()).isTrue();
        assertThat(error.getOutcomes().get(0).attempts()).isEqualTo(4);
        assertThat(service().stats().requests(ApiKind.EVENT)).isEqualTo(4);
    }

    static io.github.cameldfinery.emulator.DfineryEmulator tinyEmulator(
            io.github.cameldfinery.emulator.config.EmulatorConfig.RateLimitAnswer answer, Duration window) {
        return io.github.cameldfinery.emulator.DfineryEmulator.start(new io.github.cameldfinery.emulator.config
                .EmulatorConfig().rateLimitAnswer(answer)
                .service(new io.github.cameldfinery.emulator.config.ServiceConfig("tiny", IMPORT_TOKEN, EXPORT_TOKEN)
                        .rateLimit(ApiKind.EVENT, new io.github.cameldfinery.emulator.config.RateLimit(1, window))));
    }

    @Test
    void serverRateLimitIsSurfacedWithTheResetTimeAndNotRetried() {
        try (var emulator = tinyEmulator(io.github.cameldfinery.emulator.config.EmulatorConfig.RateLimitAnswer.HTTP_429,
                Duration.ofMinutes(1))) {
            String uri = "dfinery:event?serviceId=tiny&quotaGuard=false&baseUri=" + emulator.baseUri();
            assertThat(template.send(uri, e -> e.getMessage().setBody(login("u1"))).getException()).isNull();

            Exchange over = template.send(uri, e -> e.getMessage().setBody(login("u1")));

            DfineryRateLimitException error = over.getException(DfineryRateLimitException.class);
            assertThat(error).isNotNull();
            assertThat(error.getHttpResponseCode()).isEqualTo(429);
            assertThat(error.getCode()).isEqualTo("40401");
            assertThat(error.getResetAt()).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(61));
            assertThat(error.getMessage()).contains("resets at");
            assertThat(emulator.service("tiny").stats().requests(ApiKind.EVENT)).as("no retry into the wall").isEqualTo(2);
        }
    }

    @Test
    void theQuotaGuardFailsFastWithoutSendingIntoTheWall() {
        try (var emulator = tinyEmulator(io.github.cameldfinery.emulator.config.EmulatorConfig.RateLimitAnswer.HTTP_429,
                Duration.ofMinutes(1))) {
            String uri = "dfinery:event?serviceId=tiny&baseUri=" + emulator.baseUri();
            assertThat(template.send(uri, e -> e.getMessage().setBody(login("u1"))).getException()).isNull();

            Exchange over = template.send(uri, e -> e.getMessage().setBody(login("u1")));

            DfineryRateLimitException error = over.getException(DfineryRateLimitException.class);
            assertThat(error).isNotNull();
            assertThat(error.getHttpResponseCode()).as("refused before sending").isZero();
            assertThat(error.getResetAt()).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(61));
            assertThat(error.getMessage()).contains("quota").contains("is spent; it resets at");
            assertThat(error.getOutcomes().get(0).attempts()).isZero();
            assertThat(emulator.service("tiny").stats().requests(ApiKind.EVENT)).isEqualTo(1);
        }
    }

    @Test
    void partialFailureSaysWhichRequestsFailed() {
        service().faults(ApiKind.EVENT).passNext(1).failNext(1, Fault.http500());

        Exchange exchange = send("direct:noRetry", logins(250, 3));

        DfineryServerException error = exchange.getException(DfineryServerException.class);
        assertThat(error).isNotNull();
        assertThat(error.getOutcomes()).extracting(RequestOutcome::state).containsExactly(RequestOutcome.State.SUCCEEDED,
                RequestOutcome.State.FAILED, RequestOutcome.State.NOT_SENT);
        assertThat(error.getOutcomes()).extracting(o -> o.eventLogIds().size()).containsExactly(84, 83, 83);
        assertThat(error.getStoredEventLogIds()).containsExactlyElementsOf(
                service().events().stream().map(e -> e.eventLogId()).toList());
        assertThat(error.getUnstoredEventLogIds()).hasSize(166);
        assertThat(error.getMessage()).endsWith("[message sent as 3 requests: 1 succeeded, 1 failed, 1 not sent]");
    }

    @Test
    void redeliverySkipsWhatSucceededAndResendsTheSameIds() {
        service().faults(ApiKind.EVENT).passNext(1).failNext(2, Fault.http500());

        Exchange exchange = send("direct:redelivered", logins(250, 3));

        assertThat(exchange.getException()).isNull();
        assertThat(service().stats().eventsStored()).isEqualTo(250);
        assertThat(service().stats().duplicates()).isZero();
        assertThat(service().stats().requests(ApiKind.EVENT)).as("1 ok, 2 failed tries of the 2nd, then 2 ok").isEqualTo(5);
        assertThat(exchange.getMessage().getHeader(DfineryConstants.EVENT_LOG_IDS, List.class))
                .containsExactlyInAnyOrderElementsOf(service().events().stream().map(e -> e.eventLogId()).toList());
    }

    @Test
    void exceptionsCarryTheHttpStatusForHealthChecksAndErrorHandlers() {
        service().faults(ApiKind.EVENT).failNext(1, Fault.http500());
        DfineryException error = send("direct:noRetry", login("u1")).getException(DfineryException.class);
        assertThat(error).isInstanceOf(org.apache.camel.spi.HttpResponseAware.class);
        assertThat(((org.apache.camel.spi.HttpResponseAware) error).getHttpResponseCode()).isEqualTo(500);
        assertThat(error.getResponseHeaders()).containsKey("x-ratelimit-remaining");
    }
}
