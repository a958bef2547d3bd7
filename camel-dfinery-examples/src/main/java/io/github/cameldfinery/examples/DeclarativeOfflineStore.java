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

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.Processor;
import org.apache.camel.main.Main;

/**
 * Runs the offline-store flow from route files (YAML or XML DSL) on Camel Main, with the beans those routes refer to;
 * what differs between the DSLs is only which file {@code application.properties}, or the overrides, point it at.
 */
final class DeclarativeOfflineStore {

    private DeclarativeOfflineStore() {
    }

    static OfflineStoreApp.Result run(DfinerySettings settings, Path report, Map<String, String> overrides)
            throws Exception {
        FlowSummary summary = new FlowSummary(report);
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:application.properties");
        Properties properties = new Properties();
        properties.putAll(settings.properties());
        properties.putAll(overrides);
        main.setOverrideProperties(properties);
        main.bind("summary", summary);
        main.bind("posMapping", new PosMapping());
        main.bind("startExport", (Processor) exchange -> exchange.getContext().getRouteController()
                .startRoute("export-report"));
        return OfflineStoreApp.runToEnd(main, summary, settings);
    }
}
