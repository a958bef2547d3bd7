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
package io.github.cameldfinery.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XML DSL offline-store flow (routes loaded by Camel Main), configured by application.properties, on the emulator. */
class XmlOfflineStoreAppTest {

    @Test
    void xmlDslFlowDoesWhatTheJavaFlowDoes(@TempDir Path dir) throws Exception {
        try (DfinerySettings settings = DfinerySettings.from(Map.of())) {
            OfflineStoreApp.Result result = XmlOfflineStoreApp.run(settings, dir.resolve("report.csv"));

            FlowAssertions.assertFlow(result.summary(), settings.emulator().service(settings.serviceId()));
            assertThat(result.describe()).contains("rows exported    674");
        }
    }
}
