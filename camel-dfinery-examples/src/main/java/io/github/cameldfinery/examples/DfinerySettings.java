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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;

import io.github.cameldfinery.emulator.DfineryEmulator;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;

/**
 * Where the examples send their data. With DFINERY_SERVICE_ID, DFINERY_IMPORT_TOKEN and DFINERY_EXPORT_TOKEN set,
 * the real openapi.dfinery.ai; without them, a DFINERY emulator started in this process (the embedded default).
 */
public final class DfinerySettings implements AutoCloseable {

    private final Properties properties = new Properties();
    private final DfineryEmulator emulator;
    private final String serviceId;

    private DfinerySettings(Map<String, String> env) {
        String service = env.get("DFINERY_SERVICE_ID");
        if (service != null && env.get("DFINERY_IMPORT_TOKEN") != null && env.get("DFINERY_EXPORT_TOKEN") != null) {
            emulator = null;
            serviceId = service;
            properties.setProperty("camel.component.dfinery.access-token", env.get("DFINERY_IMPORT_TOKEN"));
            properties.setProperty("camel.component.dfinery.bearer-token", env.get("DFINERY_EXPORT_TOKEN"));
        } else {
            serviceId = "offline-store";
            emulator = DfineryEmulator.start(new EmulatorConfig()
                    .service(new ServiceConfig(serviceId, "local-import-token", "local-export-token")));
            properties.setProperty("camel.component.dfinery.base-uri", emulator.baseUri().toString());
            properties.setProperty("camel.component.dfinery.access-token", "local-import-token");
            properties.setProperty("camel.component.dfinery.bearer-token", "local-export-token");
        }
        properties.setProperty("camel.component.dfinery.service-id", serviceId);
        // The sample's purchases lie within the last 7 days.
        properties.setProperty("offline-store.export-from", LocalDate.now(ZoneOffset.UTC).minusDays(7).toString());
    }

    public static DfinerySettings from(Map<String, String> env) {
        return new DfinerySettings(env);
    }

    public Properties properties() {
        return properties;
    }

    /** The embedded emulator, or null when talking to DFINERY. */
    public DfineryEmulator emulator() {
        return emulator;
    }

    public String serviceId() {
        return serviceId;
    }

    public String target() {
        return emulator == null ? "DFINERY (openapi.dfinery.ai)" : "the embedded DFINERY emulator at " + emulator.baseUri();
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
