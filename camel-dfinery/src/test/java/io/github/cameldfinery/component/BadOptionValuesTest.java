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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 26, item 5: an option value that is no number or duration, or out of its range, fails the start naming the
 * option and the text given, in an endpoint URI and in Camel Main's properties. Camel's own duration conversion turns
 * text it cannot read ({@code abc}, {@code -5s}) into 0 ms, which used to start the context with 0: no backoff, no
 * wait, an export body aborted at once.
 */
class BadOptionValuesTest {

    static final String NOT_A_DURATION = "is not a duration (use 250ms, 30s, 1m or ISO-8601 PT30S)";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "event  | retryDelay          | abc   | retryDelay: 'abc' " + NOT_A_DURATION,
        "event  | retryDelay          | -5s   | retryDelay: must be at least 0 ms, got '-5s'",
        "event  | rateLimitMaxWait    | abc   | rateLimitMaxWait: 'abc' " + NOT_A_DURATION,
        "event  | rateLimitMaxWait    | -5s   | rateLimitMaxWait: must be at least 0 ms, got '-5s'",
        "event  | eventQuotaWindow    | abc   | eventQuotaWindow: 'abc' " + NOT_A_DURATION,
        "event  | eventQuotaWindow    | -5s   | eventQuotaWindow: must be at least 1 ms, got '-5s'",
        "event  | identityQuotaWindow | abc   | identityQuotaWindow: 'abc' " + NOT_A_DURATION,
        "event  | identityQuotaWindow | -5s   | identityQuotaWindow: must be at least 1 ms, got '-5s'",
        "event  | profileQuotaWindow  | abc   | profileQuotaWindow: 'abc' " + NOT_A_DURATION,
        "event  | profileQuotaWindow  | -5s   | profileQuotaWindow: must be at least 1 ms, got '-5s'",
        "export | exportReadTimeout   | abc   | exportReadTimeout: 'abc' " + NOT_A_DURATION,
        "export | exportReadTimeout   | -5s   | exportReadTimeout: must be at least 1 ms, got '-5s'",
        "event  | connectTimeout      | abc   | connectTimeout: 'abc' " + NOT_A_DURATION,
        "event  | requestTimeout      | 0s    | requestTimeout: must be at least 1 ms, got '0s'",
        "event  | retryMaxDelay       | 12x   | retryMaxDelay: '12x' " + NOT_A_DURATION,
        "event  | maxRetries          | -1    | maxRetries: must be at least 0, got '-1'",
        "event  | maxRetries          | abc   | maxRetries: 'abc' is not a whole number",
        "event  | eventQuota          | 0     | eventQuota: must be at least 1, got '0'",
        "event  | maxRequestSize      | -1    | maxRequestSize: must be at least 0, got '-1'",
        "event  | proxyPort           | 70000 | proxyPort: must be between 1 and 65535, got '70000'",
        "export | exportQuota         | 0     | exportQuota: must be at least 1, got '0'",
        "export | exportConcurrency   | 0     | exportConcurrency: must be at least 1, got '0'",
        "export | batchSize           | 0     | batchSize: must be at least 1, got '0'",
    })
    void aBadValueInAnEndpointUriFailsTheStartNamingTheOptionAndTheText(String api, String option, String text,
                                                                       String message) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            DfineryComponent component = new DfineryComponent();
            component.getConfiguration().setServiceId("shop");
            context.addComponent("dfinery", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to("dfinery:" + api + "?" + option + "=" + text);
                }
            });

            assertThatThrownBy(context::start).hasStackTraceContaining(message);
            assertThat(context.isStarted()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "retry-delay                | abc | retryDelay: 'abc' " + NOT_A_DURATION,
        "retry-delay                | -5s | retryDelay: must be at least 0 ms, got '-5s'",
        "rate-limit-max-wait        | abc | rateLimitMaxWait: 'abc' " + NOT_A_DURATION,
        "event-quota-window         | -5s | eventQuotaWindow: must be at least 1 ms, got '-5s'",
        "identity-quota-window      | abc | identityQuotaWindow: 'abc' " + NOT_A_DURATION,
        "profile-quota-window       | -5s | profileQuotaWindow: must be at least 1 ms, got '-5s'",
        "export-read-timeout        | abc | exportReadTimeout: 'abc' " + NOT_A_DURATION,
        "connect-timeout            | abc | connectTimeout: 'abc' " + NOT_A_DURATION,
        "quota-local-share-max-time | -5s | quotaLocalShareMaxTime: must be at least 1 ms, got '-5s'",
        "max-retries                | -1  | maxRetries: must be at least 0, got '-1'",
        "event-quota                | 0   | eventQuota: must be at least 1, got '0'",
        "quota-local-share          | 1.5 | quotaLocalShare: must be more than 0 and at most 1, got '1.5'",
        "quota-local-share          | abc | quotaLocalShare: 'abc' is not a number",
        "request-threads            | 0   | requestThreads: must be at least 1, got '0'",
    })
    void aBadValueInCamelMainPropertiesFailsTheStartNamingTheOptionAndTheText(String property, String text,
                                                                             String message) {
        Main main = new Main();
        Properties properties = new Properties();
        properties.setProperty("camel.component.dfinery.service-id", "shop");
        properties.setProperty("camel.component.dfinery." + property, text);
        main.setOverrideProperties(properties);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("dfinery:event");
            }
        });
        try {
            assertThatThrownBy(main::start).hasStackTraceContaining(message);
        } finally {
            main.stop();
        }
    }

    @Test
    void aValueSetFromJavaIsCheckedWhenTheComponentStarts() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            DfineryComponent component = new DfineryComponent();
            component.getConfiguration().setRetryDelay(-5);
            context.addComponent("dfinery", component);

            assertThatThrownBy(context::start).hasStackTraceContaining("retryDelay: must be at least 0 ms, got -5 ms");
        }
    }

    @Test
    void goodValuesInEveryNotationStillBind() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            DfineryComponent component = new DfineryComponent();
            component.getConfiguration().setServiceId("shop");
            context.addComponent("dfinery", component);
            context.start();

            DfineryEndpoint endpoint = context.getEndpoint("dfinery:event?retryDelay=1500&retryMaxDelay=1m30s"
                    + "&rateLimitMaxWait=PT2M&eventQuotaWindow=2S&requestTimeout=%2B30s&maxRetries=%2B2&eventQuota=0500",
                    DfineryEndpoint.class);

            DfineryConfiguration config = endpoint.getConfiguration();
            assertThat(config.getRetryDelay()).isEqualTo(1_500);
            assertThat(config.getRetryMaxDelay()).isEqualTo(90_000);
            assertThat(config.getRateLimitMaxWait()).isEqualTo(120_000);
            assertThat(config.getEventQuotaWindow()).as("units in any case").isEqualTo(2_000);
            assertThat(config.getRequestTimeout()).isEqualTo(30_000);
            assertThat(config.getMaxRetries()).isEqualTo(2);
            assertThat(config.getEventQuota()).isEqualTo(500);
        }
    }
}
