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
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.quota.QuotaState;
import io.github.cameldfinery.emulator.state.EmulatedService;
import io.github.cameldfinery.emulator.state.RecordedRequest;
import io.github.cameldfinery.emulator.validation.ImportCode;
import io.github.cameldfinery.emulator.validation.ImportRejection;

/**
 * One import endpoint. The order of checks: method, service, token, quota, injected fault, content type, JSON,
 * then the body; only a request that passes all of them changes the state.
 */
final class ImportHandler implements HttpHandler {

    private final ImportOperation operation;
    private final Function<String, EmulatedService> services;
    private final EmulatorConfig config;
    private final ObjectMapper mapper;
    private final RateLimitHeaders rateLimitHeaders;
    private final Runnable unknownService;

    ImportHandler(ImportOperation operation, Function<String, EmulatedService> services, EmulatorConfig config,
                  ObjectMapper mapper, Runnable unknownService) {
        this.operation = operation;
        this.services = services;
        this.config = config;
        this.mapper = mapper;
        this.rateLimitHeaders = new RateLimitHeaders(config);
        this.unknownService = unknownService;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // Not try-with-resources: when a fault drops the connection, closing the exchange would finish the
        // response properly. Escaping without close() makes the JDK server close the socket instead.
        serve(exchange);
        exchange.close();
    }

    private void serve(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(operation.path)) {
            Exchanges.readBody(exchange);
            answer(exchange, 404, ImportCode.BAD_REQUEST, "path: no such endpoint " + exchange.getRequestURI().getPath());
            return;
        }
        byte[] raw = Exchanges.readBody(exchange);
        String serviceId = Exchanges.queryParameter(exchange, "service_id");
        if (serviceId == null || serviceId.isBlank()) {
            unknownService.run();
            answer(exchange, httpStatusOf(ImportCode.BAD_REQUEST), ImportCode.BAD_REQUEST, "service_id: required query parameter");
            return;
        }
        EmulatedService service = services.apply(serviceId);
        if (service == null) {
            unknownService.run();
            answer(exchange, httpStatusOf(ImportCode.INVALID_SERVICE_ID), ImportCode.INVALID_SERVICE_ID,
                    "service_id: unknown service '" + serviceId + "'");
            return;
        }
        service.countRequest(operation.kind);
        new Attempt(exchange, service, new String(raw, StandardCharsets.UTF_8), raw).run();
    }

    /** One request for a known service; records what it answered. */
    private final class Attempt {
        private final HttpExchange exchange;
        private final EmulatedService service;
        private final String body;
        private final byte[] raw;

        Attempt(HttpExchange exchange, EmulatedService service, String body, byte[] raw) {
            this.exchange = exchange;
            this.service = service;
            this.body = body;
            this.raw = raw;
        }

        void run() throws IOException {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reject(405, ImportCode.BAD_REQUEST, "method: only POST is supported", service.quota(operation.kind));
                return;
            }
            String token = exchange.getRequestHeaders().getFirst("access_token");
            if (!service.acceptsImportToken(token)) {
                reject(httpStatusOf(ImportCode.INVALID_TOKEN), ImportCode.INVALID_TOKEN, token == null
                        ? "access_token: header required (the import token; no 'Bearer' prefix)"
                        : "access_token: not a valid import token for service '" + service.serviceId() + "'",
                        service.quota(operation.kind));
                return;
            }
            QuotaState quota = service.acquire(operation.kind);
            if (!quota.admitted()) {
                boolean http429 = config.rateLimitAnswer() == EmulatorConfig.RateLimitAnswer.HTTP_429;
                reject(http429 ? 429 : 200, ImportCode.TOO_MANY_REQUEST, "rate limit of " + quota.limit()
                        + " requests per " + quota.window() + " exceeded; resets at " + quota.resetMillis(), quota);
                return;
            }
            Fault fault = service.drawFault(operation.kind);
            if (fault != null && fault.type() != Fault.Type.CUT_EXPORT_BODY && injectBefore(fault, quota)) {
                return;
            }
            if (!Exchanges.isJson(exchange)) {
                reject(httpStatusOf(ImportCode.BAD_REQUEST), ImportCode.BAD_REQUEST, "Content-Type: must be application/json", quota);
                return;
            }
            ObjectNode json;
            try {
                JsonNode node = mapper.readTree(raw);
                if (node == null || !node.isObject()) {
                    reject(httpStatusOf(ImportCode.BAD_REQUEST), ImportCode.BAD_REQUEST, "body: must be a JSON object", quota);
                    return;
                }
                json = (ObjectNode) node;
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                reject(httpStatusOf(ImportCode.BAD_REQUEST), ImportCode.BAD_REQUEST,
                        "body: not valid JSON (" + e.getOriginalMessage() + ")", quota);
                return;
            }
            try {
                operation.apply(service, json);
            } catch (ImportRejection rejection) {
                reject(httpStatusOf(rejection.code()), rejection.code(), rejection.detail(), quota);
                return;
            }
            if (fault != null && fault.type() == Fault.Type.DROP_AFTER_PROCESSING) {
                service.record(recorded(0, "fault:" + fault.type(), null), false);
                throw Exchanges.drop();
            }
            rateLimitHeaders.write(exchange.getResponseHeaders(), quota);
            service.record(recorded(200, ImportCode.OK.code(), null), true);
            if (fault != null && fault.type() == Fault.Type.STALL_BODY) {
                stallAnswer(fault);
                return;
            }
            answer(exchange, 200, ImportCode.OK, null);
        }

        /** The OK envelope's headers, its Content-Length promising all of it, and only its first bytes. */
        private void stallAnswer(Fault fault) throws IOException {
            ObjectNode envelope = mapper.createObjectNode();
            envelope.put("status", true);
            envelope.put("code", ImportCode.OK.code());
            envelope.put("message", ImportCode.OK.message());
            envelope.put("data", true);
            byte[] body = mapper.writeValueAsBytes(envelope);
            exchange.getResponseHeaders().set("Content-Type", Exchanges.JSON);
            exchange.sendResponseHeaders(200, body.length);
            BodyFaults.stalling(exchange.getResponseBody(), Math.min(fault.bytes(), body.length - 1), fault.delay())
                    .write(body);
        }

        /** Applies a fault that acts before processing; true when the request ends here. */
        private boolean injectBefore(Fault fault, QuotaState quota) throws IOException {
            switch (fault.type()) {
                case HTTP_500:
                    reject(500, ImportCode.INTERNAL_SERVER_ERROR, "injected fault: HTTP 500", quota, "fault:" + fault.type());
                    return true;
                case ERROR_UNDER_200:
                    reject(200, ImportCode.INTERNAL_SERVER_ERROR, "injected fault: 50000 under HTTP 200", quota,
                            "fault:" + fault.type());
                    return true;
                case DROP_BEFORE_PROCESSING:
                    service.record(recorded(0, "fault:" + fault.type(), null), false);
                    throw Exchanges.drop();
                case DELAY:
                    Exchanges.pause(fault.delay());
                    return false;
                case HOLD:
                    Exchanges.hold(fault.release(), fault.delay());
                    return false;
                default:
                    return false;
            }
        }

        private void reject(int status, ImportCode code, String detail, QuotaState quota) throws IOException {
            reject(status, code, detail, quota, code.code());
        }

        private void reject(int status, ImportCode code, String detail, QuotaState quota, String recordedCode)
                throws IOException {
            rateLimitHeaders.write(exchange.getResponseHeaders(), quota);
            service.record(recorded(status, recordedCode, detail), false);
            answer(exchange, status, code, detail);
        }

        private RecordedRequest recorded(int status, String code, String detail) {
            return new RecordedRequest(operation.kind, operation.path, service.clock().instant(), status, code, detail,
                    body);
        }
    }

    /** HTTP status for a rejection: 200 as in the docs' table, or 400/401/500 when so configured. */
    private int httpStatusOf(ImportCode code) {
        if (!config.importErrorsAsHttpStatus()) {
            return 200;
        }
        switch (code) {
            case INVALID_TOKEN: return 401;
            case INTERNAL_SERVER_ERROR: return 500;
            default: return 400;
        }
    }

    private void answer(HttpExchange exchange, int status, ImportCode code, String detail) throws IOException {
        ObjectNode envelope = mapper.createObjectNode();
        boolean ok = code == ImportCode.OK;
        envelope.put("status", ok);
        envelope.put("code", code.code());
        envelope.put("message", code.message());
        if (ok) {
            envelope.put("data", true);
        } else {
            envelope.putNull("data");
            envelope.put("detail", detail);
        }
        Exchanges.send(exchange, status, Exchanges.JSON, mapper.writeValueAsBytes(envelope));
    }
}
