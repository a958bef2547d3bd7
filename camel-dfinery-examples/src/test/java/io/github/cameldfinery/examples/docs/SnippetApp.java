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
package io.github.cameldfinery.examples.docs;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.cameldfinery.emulator.DfineryEmulator;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.state.EmulatedService;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;

/**
 * A Camel Main application made of snippets, against an emulator of its own that serves {@code my-service} with the
 * tokens the test's environment holds in DFINERY_IMPORT_TOKEN and DFINERY_EXPORT_TOKEN (set by the pom). The declared
 * prelude is only the emulator's base URI; the rest of the configuration comes from properties snippets.
 */
final class SnippetApp implements AutoCloseable {

    static final String SERVICE = "my-service";
    static final String IMPORT_TOKEN = "snippet-import-token";
    static final String EXPORT_TOKEN = "snippet-export-token";

    final DfineryEmulator emulator;
    private final Properties properties = new Properties();
    private final Map<String, Object> beans = new LinkedHashMap<>();
    private final List<RoutesBuilder> routes = new ArrayList<>();
    private Main main;

    SnippetApp(ServiceConfig... extra) {
        EmulatorConfig config = new EmulatorConfig().port(0).service(new ServiceConfig(SERVICE, IMPORT_TOKEN, EXPORT_TOKEN));
        for (ServiceConfig service : extra) {
            config.service(service);
        }
        emulator = DfineryEmulator.start(config);
    }

    SnippetApp properties(String text) throws Exception {
        properties.load(new StringReader(text));
        return this;
    }

    SnippetApp property(String key, String value) {
        properties.setProperty(key, value);
        return this;
    }

    SnippetApp bean(String name, Object bean) {
        beans.put(name, bean);
        return this;
    }

    SnippetApp routes(RoutesBuilder builder) {
        routes.add(builder);
        return this;
    }

    SnippetApp start() throws Exception {
        main = new Main();
        // Only the snippet's properties: not the application.properties of the examples on the class path.
        main.setDefaultPropertyPlaceholderLocation("false");
        main.setInitialProperties(properties);
        Properties overrides = new Properties();
        overrides.setProperty("camel.component.dfinery.base-uri", emulator.baseUri().toString());
        main.setOverrideProperties(overrides);
        beans.forEach(main::bind);
        routes.forEach(main.configure()::addRoutesBuilder);
        main.start();
        return this;
    }

    boolean started() {
        return main != null;
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    ProducerTemplate template() {
        return context().createProducerTemplate();
    }

    EmulatedService service() {
        return emulator.service(SERVICE);
    }

    @Override
    public void close() {
        try {
            if (main != null) {
                main.stop();
            }
        } finally {
            emulator.close();
        }
    }
}
