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
package io.github.cameldfinery.springboot;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Issue 26, item 5, with the starter: a value of application.yaml that Camel's conversion would read as 0, or that
 * lies outside its range, stops the application naming the option and the value.
 */
class StarterBadOptionValuesTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "retry-delay         | abc | retryDelay: 'abc' is not a duration (use 250ms, 30s, 1m or ISO-8601 PT30S)",
        "retry-delay         | -5s | retryDelay: must be at least 0 ms, got '-5s'",
        "export-read-timeout | abc | exportReadTimeout: 'abc' is not a duration",
        "event-quota-window  | -5s | eventQuotaWindow: must be at least 1 ms, got '-5s'",
        "max-retries         | -1  | maxRetries: must be at least 0, got -1",
        "event-quota         | 0   | eventQuota: must be at least 1, got 0",
        "quota-local-share   | 1.5 | quotaLocalShare: must be more than 0 and at most 1, got 1.5",
    })
    void aBadValueInTheApplicationsPropertiesStopsItNamingTheOptionAndTheValue(String property, String text,
                                                                              String message) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(StarterTestApplication.class)
                .web(WebApplicationType.NONE);

        // As arguments, which win over the test's application.yaml (event-quota: 500000).
        assertThatThrownBy(() -> app.run("--camel.component.dfinery.base-uri=http://127.0.0.1:1",
                "--camel.component.dfinery." + property + "=" + text)).hasStackTraceContaining(message);
    }
}
