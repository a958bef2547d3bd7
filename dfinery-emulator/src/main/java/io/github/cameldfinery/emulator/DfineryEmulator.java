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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.http.EmulatorServer;
import io.github.cameldfinery.emulator.state.EmulatedService;

/**
 * A local DFINERY: the open API's import and export endpoints, per-service tokens, registries and rate limits,
 * fault injection, and introspection of everything it received.
 *
 * <pre>{@code
 * try (DfineryEmulator emulator = DfineryEmulator.start(new EmulatorConfig()
 *         .service(new ServiceConfig("my-service", "import-token", "export-token")))) {
 *     URI base = emulator.baseUri();            // http://127.0.0.1:<free port>
 *     ...
 *     emulator.service("my-service").events();  // what was stored
 * }
 * }</pre>
 */
public final class DfineryEmulator implements AutoCloseable {

    private final EmulatorConfig config;
    private final Map<String, EmulatedService> services = new LinkedHashMap<>();
    private final EmulatorServer server;

    private DfineryEmulator(EmulatorConfig config) throws IOException {
        config.validate();
        this.config = config;
        for (ServiceConfig service : config.services()) {
            services.put(service.serviceId(), new EmulatedService(service, config.clock(), config.requestLogSize()));
        }
        this.server = new EmulatorServer(config, services);
    }

    /** Starts an emulator with this configuration; port 0 picks a free port. */
    public static DfineryEmulator start(EmulatorConfig config) {
        try {
            DfineryEmulator emulator = new DfineryEmulator(config);
            emulator.server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the DFINERY emulator on " + config.host() + ":" + config.port(), e);
        }
    }

    /** {@code http://host:port}, to use where the real API's {@code https://openapi.dfinery.ai} would go. */
    public URI baseUri() {
        return URI.create("http://" + config.host() + ":" + server.port());
    }

    public int port() {
        return server.port();
    }

    /** The emulated service with this id. */
    public EmulatedService service(String serviceId) {
        EmulatedService service = services.get(serviceId);
        if (service == null) {
            throw new IllegalArgumentException("No emulated service '" + serviceId + "'; configured: " + services.keySet());
        }
        return service;
    }

    public Map<String, EmulatedService> services() {
        return Map.copyOf(services);
    }

    /** Requests that named no service, or one that is not configured. */
    public long unknownServiceRequests() {
        return server.unknownServiceRequests();
    }

    /** Forgets the state, counters, quota use and faults of every service. */
    public void reset() {
        services.values().forEach(EmulatedService::reset);
    }

    public EmulatorConfig config() {
        return config;
    }

    @Override
    public void close() {
        server.stop();
    }
}
