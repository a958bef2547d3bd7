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

import java.time.Duration;

import io.github.cameldfinery.component.error.DfineryConnectionException;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

/**
 * A request that gets no answer within requestTimeout, told apart from a connection that is refused. Real time
 * (Failsafe): the JDK HttpClient's request timeout runs on the system's clock, so the server's answer must really
 * come later than it. FailureTest has the failures that need no clock.
 */
class RequestTimeoutIT extends DfineryTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:timeout").to("dfinery:event?requestTimeout=300ms&retryRequestTimeouts=false");
                from("direct:refused").to("dfinery:event?baseUri=http://127.0.0.1:" + AvailablePortFinder.getNextAvailable()
                                          + "&maxRetries=2&connectTimeout=2s");
            }
        };
    }

    @Test
    void connectFailureIsToldApartFromRequestTimeout() {
        DfineryConnectionException refused = send("direct:refused", login("u1")).getException(DfineryConnectionException.class);
        assertThat(refused).isNotNull();
        assertThat(refused.isRequestSent()).isFalse();
        assertThat(refused.getMessage()).contains("connection refused");
        assertThat(refused.getOutcomes().get(0).attempts()).as("nothing was sent, so it was retried").isEqualTo(3);

        service().faults(ApiKind.EVENT).failNext(1, Fault.delay(Duration.ofSeconds(1)));
        DfineryConnectionException timeout = send("direct:timeout", login("u1")).getException(DfineryConnectionException.class);
        assertThat(timeout).isNotNull();
        assertThat(timeout.isRequestSent()).isTrue();
        assertThat(timeout.getMessage()).contains("request timeout, DFINERY may have processed the request");
        assertThat(timeout.getOutcomes().get(0).attempts()).as("retryRequestTimeouts=false").isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> service().stats().eventsStored() == 1);
    }
}
