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

import io.github.cameldfinery.emulator.config.EmulatorConfig;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * rateLimitMaxWait: a request the server's rate limit refuses waits for the next window only when asked to, with
 * the quota guard and without it. Real time (Failsafe): the emulator's one-second window passes on the system's
 * clock. HostileRateLimitHeadersTest and QuotaGuardFailurePathsTest wait for windows on a clock the test moves.
 */
class RateLimitWaitIT extends DfineryTestSupport {

    @Test
    void rateLimitWaitIsOptInAndBounded() {
        for (boolean guard : new boolean[] { true, false }) {
            try (var emulator = FailureTest.tinyEmulator(EmulatorConfig.RateLimitAnswer.HTTP_200,
                    Duration.ofSeconds(1))) {
                String uri = "dfinery:event?serviceId=tiny&rateLimitMaxWait=3s&quotaGuard=" + guard + "&baseUri="
                             + emulator.baseUri();
                assertThat(template.send(uri, e -> e.getMessage().setBody(login("u1"))).getException()).isNull();

                Exchange waited = template.send(uri, e -> e.getMessage().setBody(login("u2")));

                assertThat(waited.getException()).isNull();
                assertThat(emulator.service("tiny").stats().eventsStored()).isEqualTo(2);
                assertThat(emulator.service("tiny").stats().rejections("40401"))
                        .as("the guard waits before sending; without it, one 40401 is seen first").isEqualTo(guard ? 0 : 1);
            }
        }
    }
}
