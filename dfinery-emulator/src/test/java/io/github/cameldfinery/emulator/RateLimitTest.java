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
package io.github.cameldfinery.emulator;

import static io.github.cameldfinery.emulator.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.RateLimit;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.quota.QuotaState;
import io.github.cameldfinery.emulator.quota.WindowCount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fixed windows per service and API kind, the three headers, and both over-limit answers: project decision 5 (rate
 * limiting).
 */
class RateLimitTest {

    static final String T = "2024-06-24T06:42:25.394Z";
    // 10:00:00.500 UTC: the 2-second window started at 10:00:00 and resets at 10:00:02.
    final MovingClock clock = new MovingClock(Instant.parse("2026-01-05T10:00:00.500Z"));
    DfineryEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    ApiClient start(EmulatorConfig config) {
        emulator = DfineryEmulator.start(config.clock(clock));
        return new ApiClient(emulator.baseUri());
    }

    static ServiceConfig service(String id, long limit) {
        return new ServiceConfig(id, ApiClient.IMPORT_TOKEN, ApiClient.EXPORT_TOKEN)
                .rateLimit(ApiKind.EVENT, new RateLimit(limit, Duration.ofSeconds(2)))
                .rateLimit(ApiKind.PROFILE, new RateLimit(limit, Duration.ofSeconds(2)))
                .rateLimit(ApiKind.EXPORT, new RateLimit(limit, Duration.ofSeconds(2)));
    }

    @Test
    void headersCountDownAndThe429ComesWithTheImportEnvelope() {
        ApiClient api = start(new EmulatorConfig().service(service(ApiClient.SERVICE, 3)));
        long reset = Instant.parse("2026-01-05T10:00:02Z").toEpochMilli();
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> ok = api.importCall("/api/v1/events", Bodies.purchases("u1", 1, T));
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("x-ratelimit-limit")).hasValue("2s");
            assertThat(ok.headers().firstValue("x-ratelimit-remaining")).hasValue(Integer.toString(remaining));
            assertThat(ok.headers().firstValue("x-ratelimit-reset")).hasValue(Long.toString(reset));
        }
        HttpResponse<String> over = api.importCall("/api/v1/events", Bodies.purchases("u1", 1, T));
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(json(over).get("code").textValue()).isEqualTo("40401");
        assertThat(json(over).get("message").textValue()).isEqualTo("TOO_MANY_REQUEST");
        assertThat(over.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
        assertThat(emulator.service(ApiClient.SERVICE).stats().eventsStored()).isEqualTo(3);

        clock.advance(Duration.ofMillis(1500));
        HttpResponse<String> afterReset = api.importCall("/api/v1/events", Bodies.purchases("u1", 1, T));
        assertThat(afterReset.statusCode()).isEqualTo(200);
        assertThat(afterReset.headers().firstValue("x-ratelimit-remaining")).hasValue("2");
        assertThat(afterReset.headers().firstValue("x-ratelimit-reset")).hasValue(Long.toString(reset + 2000));
    }

    @Test
    void eachWindowsCountsAreKeptPerKindAndShownOverHttp() throws Exception {
        ApiClient api = start(new EmulatorConfig().service(service(ApiClient.SERVICE, 2)));
        long first = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();
        for (int i = 0; i < 3; i++) {
            api.importCall("/api/v1/events", Bodies.purchases("u1", 1, T));
        }
        clock.advance(Duration.ofSeconds(2));
        api.importCall("/api/v1/events", Bodies.purchases("u1", 1, T));
        api.importCall("/api/v1/user-profile", Bodies.profile("u1", "{}"));
        clock.advance(Duration.ofSeconds(4));
        api.importCall("/api/v1/events", Bodies.purchases("u1", 1, T));

        assertThat(emulator.service(ApiClient.SERVICE).windows(ApiKind.EVENT)).containsExactly(
                new WindowCount(first, first + 2000, 2, 2, 1),
                new WindowCount(first + 2000, first + 4000, 2, 1, 0),
                new WindowCount(first + 6000, first + 8000, 2, 1, 0));
        assertThat(emulator.service(ApiClient.SERVICE).windows(ApiKind.PROFILE)).containsExactly(
                new WindowCount(first + 2000, first + 4000, 2, 1, 0));
        assertThat(emulator.service(ApiClient.SERVICE).windows(ApiKind.EXPORT)).isEmpty();

        JsonNode windows = json(api.send(HttpRequest.newBuilder(
                emulator.baseUri().resolve("/_emulator/services/" + ApiClient.SERVICE + "/windows")).GET().build()));
        assertThat(windows.get("EVENT")).hasSize(3);
        assertThat(windows.get("EVENT").get(0).get("startMillis").asLong()).isEqualTo(first);
        assertThat(windows.get("EVENT").get(0).get("admitted").asLong()).isEqualTo(2);
        assertThat(windows.get("EVENT").get(0).get("rejected").asLong()).isEqualTo(1);

        emulator.reset();
        assertThat(emulator.service(ApiClient.SERVICE).windows(ApiKind.EVENT)).isEmpty();
    }

    @Test
    void everyLaterRequestFailsUntilTheWindowResets() {
        ApiClient api = start(new EmulatorConfig().service(service(ApiClient.SERVICE, 2)));
        api.importCall("/api/v1/events", Bodies.purchases("u1", 1, T));
        api.importCall("/api/v1/events", Bodies.purchases("u1", 1, T));
        for (int i = 0; i < 5; i++) {
            assertThat(api.importCall("/api/v1/events", Bodies.purchases("u1", 1, T)).statusCode()).isEqualTo(429);
        }
        QuotaState quota = emulator.service(ApiClient.SERVICE).stats().quota().get(ApiKind.EVENT);
        assertThat(quota.used()).isEqualTo(2);
        assertThat(emulator.service(ApiClient.SERVICE).stats().rejections("40401")).isEqualTo(5);
    }

    @Test
    void kindsAndServicesAreCountedSeparately() {
        ApiClient api = start(new EmulatorConfig().service(service(ApiClient.SERVICE, 1)).service(service("svc-2", 1)));
        assertThat(api.importCall("/api/v1/events", Bodies.purchases("u1", 1, T)).statusCode()).isEqualTo(200);
        assertThat(api.importCall("/api/v1/user-profile", Bodies.profile("u1", "{}")).statusCode()).isEqualTo(200);
        assertThat(api.importCall("/api/v1/events", "svc-2", ApiClient.IMPORT_TOKEN, Bodies.purchases("u1", 1, T))
                .statusCode()).isEqualTo(200);
        assertThat(api.importCall("/api/v1/events", Bodies.purchases("u1", 1, T)).statusCode()).isEqualTo(429);
    }

    @Test
    void identityDeleteCountsAsIdentity() {
        ApiClient api = start(new EmulatorConfig().service(new ServiceConfig(ApiClient.SERVICE, ApiClient.IMPORT_TOKEN,
                ApiClient.EXPORT_TOKEN).rateLimit(ApiKind.IDENTITY, new RateLimit(1, Duration.ofMinutes(1)))));
        assertThat(api.importCall("/api/v1/identities", Bodies.identity("{\"external_id\":\"u1\"}")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> delete = api.importCall("/api/v1/identities/delete", Bodies.identity("{\"external_id\":\"u1\"}"));
        assertThat(delete.statusCode()).isEqualTo(429);
        assertThat(delete.headers().firstValue("x-ratelimit-limit")).hasValue("1m");
        assertThat(emulator.service(ApiClient.SERVICE).profiles()).hasSize(1);
    }

    @Test
    void canAnswerHttp200With40401HyphenatedHeadersAndSeconds() {
        ApiClient api = start(new EmulatorConfig().rateLimitAnswer(EmulatorConfig.RateLimitAnswer.HTTP_200)
                .headerSpelling(EmulatorConfig.HeaderSpelling.HYPHENATED).resetUnit(EmulatorConfig.ResetUnit.SECONDS)
                .service(service(ApiClient.SERVICE, 1)));
        api.importCall("/api/v1/events", Bodies.purchases("u1", 1, T));
        HttpResponse<String> over = api.importCall("/api/v1/events", Bodies.purchases("u1", 1, T));
        assertThat(over.statusCode()).isEqualTo(200);
        assertThat(json(over).get("status").booleanValue()).isFalse();
        assertThat(json(over).get("code").textValue()).isEqualTo("40401");
        assertThat(over.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
        assertThat(over.headers().firstValue("X-Rate-Limit-Reset"))
                .hasValue(Long.toString(Instant.parse("2026-01-05T10:00:02Z").getEpochSecond()));
        assertThat(over.headers().firstValue("x-ratelimit-remaining")).as("one spelling only").isEmpty();
    }

    @Test
    void exportOverTheLimitGetsTooManyApiRequests() {
        ApiClient api = start(new EmulatorConfig().service(service(ApiClient.SERVICE, 1)));
        String body = "{\"properties_condition_type\":\"all\"}";
        assertThat(api.exportCall("/api/v1/export/userprofile", body).statusCode()).isEqualTo(200);
        HttpResponse<String> over = api.exportCall("/api/v1/export/userprofile", body);
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(json(over).get("result").textValue()).isEqualTo("fail");
        assertThat(json(over).get("message").textValue()).isEqualTo("too_many_api_requests");
        assertThat(over.headers().firstValue("x-ratelimit-limit")).hasValue("2s");
    }

    @Test
    void documentedDefaultsApplyWhenNothingIsConfigured() {
        ApiClient api = start(new EmulatorConfig().service(new ServiceConfig(ApiClient.SERVICE, ApiClient.IMPORT_TOKEN,
                ApiClient.EXPORT_TOKEN)));
        HttpResponse<String> events = api.importCall("/api/v1/events", Bodies.purchases("u1", 1, T));
        assertThat(events.headers().firstValue("x-ratelimit-limit")).hasValue("1m");
        assertThat(events.headers().firstValue("x-ratelimit-remaining")).hasValue("999999");
        HttpResponse<String> profile = api.importCall("/api/v1/user-profile", Bodies.profile("u1", "{}"));
        assertThat(profile.headers().firstValue("x-ratelimit-remaining")).hasValue("9999");
        HttpResponse<String> export = api.exportCall("/api/v1/export/userprofile", "{\"properties_condition_type\":\"all\"}");
        assertThat(export.headers().firstValue("x-ratelimit-limit")).hasValue("1H");
        assertThat(export.headers().firstValue("x-ratelimit-remaining")).hasValue("99");
    }

    /**
     * A clock the test moves. The test-support module's FakeClock cannot be used here: that module depends on the
     * emulator, which is built first.
     */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
