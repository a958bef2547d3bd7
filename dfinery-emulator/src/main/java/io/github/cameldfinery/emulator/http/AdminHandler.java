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
package io.github.cameldfinery.emulator.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.cameldfinery.emulator.state.EmulatedService;

/**
 * The emulator's own read-only window under {@value #PREFIX}, for curl and non-Java clients:
 * {@code GET stats}, {@code GET services/{id}/events|profiles|requests|windows}, and {@code POST reset}.
 */
final class AdminHandler implements HttpHandler {

    static final String PREFIX = "/_emulator/";

    private final Map<String, EmulatedService> services;
    private final Supplier<Long> unknownServiceRequests;
    private final ObjectMapper mapper;

    AdminHandler(Map<String, EmulatedService> services, Supplier<Long> unknownServiceRequests, ObjectMapper mapper) {
        this.services = services;
        this.unknownServiceRequests = unknownServiceRequests;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Exchanges.readBody(exchange);
            String[] parts = exchange.getRequestURI().getPath().substring(PREFIX.length()).split("/");
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && parts.length == 1 && "stats".equals(parts[0])) {
                Map<String, Object> stats = new LinkedHashMap<>();
                services.forEach((id, service) -> stats.put(id, service.stats()));
                json(exchange, 200, Map.of("services", stats, "unknown_service_requests", unknownServiceRequests.get()));
            } else if ("POST".equals(method) && parts.length == 1 && "reset".equals(parts[0])) {
                services.values().forEach(EmulatedService::reset);
                json(exchange, 200, Map.of("reset", true));
            } else if ("POST".equals(method) && parts.length == 1 && "gc".equals(parts[0])) {
                // For benchmarks that compare paths side by side: each starts on a collected heap.
                System.gc();
                json(exchange, 200, Map.of("gc", true));
            } else if ("GET".equals(method) && parts.length == 3 && "services".equals(parts[0])) {
                EmulatedService service = services.get(parts[1]);
                if (service == null) {
                    json(exchange, 404, Map.of("error", "unknown service '" + parts[1] + "'"));
                    return;
                }
                switch (parts[2]) {
                    case "events": json(exchange, 200, service.events()); break;
                    case "profiles": json(exchange, 200, service.profiles()); break;
                    case "requests": json(exchange, 200, service.recentRequests()); break;
                    case "windows": json(exchange, 200, service.windows()); break;
                    default: json(exchange, 404, Map.of("error", "no such resource '" + parts[2] + "'"));
                }
            } else {
                json(exchange, 404, Map.of("error", "no such admin resource; try GET " + PREFIX + "stats"));
            }
        }
    }

    private void json(HttpExchange exchange, int status, Object body) throws IOException {
        Exchanges.send(exchange, status, Exchanges.JSON, mapper.writeValueAsBytes(body));
    }
}
