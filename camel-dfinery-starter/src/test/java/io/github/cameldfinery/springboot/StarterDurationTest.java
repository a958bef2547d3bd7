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

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.DfineryConfiguration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Durations in application.yaml take the notation docs/setup.md promises: Camel's ({@code 1m30s}, {@code 250ms}),
 * which is also Spring's for single units, and ISO-8601.
 */
@SpringBootTest(classes = StarterTestApplication.class, properties = {
    "camel.component.dfinery.request-timeout=1m30s",
    "camel.component.dfinery.retry-delay=250ms",
    "camel.component.dfinery.retry-max-delay=PT1M",
    "camel.component.dfinery.event-quota-window=2s",
    "camel.component.dfinery.quota-local-share-max-time=1h5m"})
class StarterDurationTest {

    @Autowired
    CamelContext camel;

    @Test
    void camelNotationAndIsoDurationsBind() {
        DfineryConfiguration configuration = camel.getComponent("dfinery", DfineryComponent.class).getConfiguration();

        assertThat(configuration.getRequestTimeout()).as("1m30s").isEqualTo(90_000);
        assertThat(configuration.getRetryDelay()).as("250ms").isEqualTo(250);
        assertThat(configuration.getRetryMaxDelay()).as("PT1M").isEqualTo(60_000);
        assertThat(configuration.getEventQuotaWindow()).as("2s").isEqualTo(2_000);
        assertThat(camel.getComponent("dfinery", DfineryComponent.class).getQuotaLocalShareMaxTime()).as("1h5m")
                .isEqualTo(3_900_000);
    }

    @Test
    void unsetDurationsKeepTheComponentDefaults() {
        DfineryConfiguration configuration = camel.getComponent("dfinery", DfineryComponent.class).getConfiguration();

        assertThat(configuration.getConnectTimeout()).isEqualTo(10_000);
        assertThat(configuration.getExportQuotaWindow()).isEqualTo(3_600_000);
    }
}
