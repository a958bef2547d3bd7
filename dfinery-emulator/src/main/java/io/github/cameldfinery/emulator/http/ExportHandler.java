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

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.export.CsvExportWriter;
import io.github.cameldfinery.emulator.faults.Fault;
import io.github.cameldfinery.emulator.quota.QuotaState;
import io.github.cameldfinery.emulator.state.EmulatedService;
import io.github.cameldfinery.emulator.state.RecordedRequest;
import io.github.cameldfinery.emulator.validation.ExportRejection;
import io.github.cameldfinery.emulator.validation.ExportResult;

/**
 * One export endpoint. Checks method, service, token, concurrency, quota, injected fault, content type, JSON
 * and body; then streams CSV with chunked transfer encoding, so no export is ever held whole in memory.
 */
final class ExportHandler implements HttpHandler {

    private static final String CSV = "text/csv; charset=utf-8";

    private final ExportOperation operation;
    private final Function<String, EmulatedService> services;
    private final EmulatorConfig config;
    private final ObjectMapper mapper;
    private final RateLimitHeaders rateLimitHeaders;
    private final Runnable unknownService;
    private final CsvExportWriter csv = new CsvExportWriter();

    ExportHandler(ExportOperation operation, Function<String, EmulatedService> services, EmulatorConfig config,
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
        byte[] raw = Exchanges.readBody(exchange);
        if (!exchange.getRequestURI().getPath().equals(operation.path)) {
            answerError(exchange, 404, ExportResult.INVALID_PARAMETER.message(),
                    "path: no such endpoint " + exchange.getRequestURI().getPath());
            return;
        }
        String serviceId = Exchanges.queryParameter(exchange, "service_id");
        EmulatedService service = serviceId == null ? null : services.apply(serviceId);
        if (service == null) {
            unknownService.run();
            answerError(exchange, 400, ExportResult.INVALID_PARAMETER.message(), serviceId == null || serviceId.isBlank()
                    ? "service_id: required query parameter" : "service_id: unknown service '" + serviceId + "'");
            return;
        }
        service.countRequest(ApiKind.EXPORT);
        new Attempt(exchange, service, raw).run();
    }

    private final class Attempt {
        private final HttpExchange exchange;
        private final EmulatedService service;
        private final byte[] raw;

        Attempt(HttpExchange exchange, EmulatedService service, byte[] raw) {
            this.exchange = exchange;
            this.service = service;
            this.raw = raw;
        }

        void run() throws IOException {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reject(405, ExportResult.INVALID_PARAMETER.message(), "method: only POST is supported",
                        service.quota(ApiKind.EXPORT));
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String token = authorization != null && authorization.startsWith("Bearer ")
                    ? authorization.substring("Bearer ".length()).trim() : null;
            if (!service.acceptsExportToken(token)) {
                reject(ExportResult.UNAUTHORIZED_TOKEN, authorization == null
                        ? "Authorization: header required, 'Bearer <export token>'"
                        : "Authorization: not a valid export token for service '" + service.serviceId() + "'",
                        service.quota(ApiKind.EXPORT));
                return;
            }
            if (!service.tryStartExport()) {
                reject(ExportResult.TOO_MANY_API_REQUESTS, "concurrency: " + service.exportConcurrency()
                        + " exports already running",
                        service.quota(ApiKind.EXPORT));
                return;
            }
            try {
                admitted();
            } finally {
                service.endExport();
            }
        }

        private void admitted() throws IOException {
            QuotaState quota = service.acquire(ApiKind.EXPORT);
            if (!quota.admitted()) {
                reject(ExportResult.TOO_MANY_API_REQUESTS, "rate limit of " + quota.limit() + " requests per "
                        + quota.window() + " exceeded; resets at " + quota.resetMillis(), quota);
                return;
            }
            Fault fault = service.drawFault(ApiKind.EXPORT);
            if (fault != null) {
                switch (fault.type()) {
                    case HTTP_500:
                        reject(500, ExportResult.UNKNOWN_ERROR.message(), "injected fault: HTTP 500", quota,
                                "fault:" + fault.type());
                        return;
                    case ERROR_UNDER_200:
                        reject(200, ExportResult.CLIENT_CONNECTION_CLOSED.message(),
                                "injected fault: failure under HTTP 200", quota, "fault:" + fault.type());
                        return;
                    case DROP_BEFORE_PROCESSING:
                    case DROP_AFTER_PROCESSING:
                        record(0, "fault:" + fault.type(), null, false);
                        throw Exchanges.drop();
                    case DELAY:
                        Exchanges.pause(fault.delay());
                        break;
                    case HOLD:
                        Exchanges.hold(fault.release(), fault.delay());
                        break;
                    default:
                        break;
                }
            }
            if (!Exchanges.isJson(exchange)) {
                reject(ExportResult.INVALID_PARAMETER, "Content-Type: must be application/json", quota);
                return;
            }
            ExportOperation.Export export;
            try {
                JsonNode node = mapper.readTree(raw);
                if (node == null || !node.isObject()) {
                    reject(ExportResult.INVALID_PARAMETER, "body: must be a JSON object", quota);
                    return;
                }
                export = operation.prepare(service, (ObjectNode) node, config.exportLookbackDays());
            } catch (ExportRejection rejection) {
                reject(rejection.result(), rejection.detail(), quota);
                return;
            } catch (IOException e) {
                reject(ExportResult.INVALID_PARAMETER, "body: not valid JSON", quota);
                return;
            }
            boolean cut = fault != null && fault.type() == Fault.Type.CUT_EXPORT_BODY;
            boolean reversed = fault != null && fault.type() == Fault.Type.REVERSED_ITEM_ROWS;
            rateLimitHeaders.write(exchange.getResponseHeaders(), quota);
            if (fault != null && spoiledBody(fault, export)) {
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", CSV);
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024);
            if (!export.write(csv, out, cut ? export.rows() / 2 : -1, reversed)) {
                out.flush();
                record(200, "fault:" + fault.type(), null, false);
                throw Exchanges.drop();
            }
            out.close();
            record(200, reversed ? "fault:" + fault.type() : "ok", null, true);
        }

        /** Answers with a body spoiled by {@code fault}; false when the fault does not spoil bodies. */
        private boolean spoiledBody(Fault fault, ExportOperation.Export export) throws IOException {
            switch (fault.type()) {
                case HTML_UNDER_200:
                    record(200, "fault:" + fault.type(), null, false);
                    Exchanges.send(exchange, 200, "text/html; charset=utf-8",
                            BodyFaults.HTML_PAGE.getBytes(StandardCharsets.UTF_8));
                    return true;
                case BROKEN_CSV:
                    ByteArrayOutputStream csvBody = new ByteArrayOutputStream();
                    export.write(csv, csvBody, -1);
                    record(200, "fault:" + fault.type() + ":" + fault.csv(), null, false);
                    Exchanges.send(exchange, 200, CSV, BodyFaults.broken(csvBody.toByteArray(), fault.csv()));
                    return true;
                case DROPPED_COLUMN:
                case ADDED_COLUMN:
                    ByteArrayOutputStream whole = new ByteArrayOutputStream();
                    export.write(csv, whole, -1);
                    record(200, "fault:" + fault.type() + ":" + fault.column(), null, true);
                    Exchanges.send(exchange, 200, CSV, fault.type() == Fault.Type.DROPPED_COLUMN
                            ? BodyFaults.withoutColumn(whole.toByteArray(), fault.column())
                            : BodyFaults.withAddedColumn(whole.toByteArray(), fault.column()));
                    return true;
                case SLOW_BODY:
                    record(200, "fault:" + fault.type(), null, true);
                    exchange.getResponseHeaders().set("Content-Type", CSV);
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream slow = BodyFaults.trickling(exchange.getResponseBody(), fault.bytes(), fault.delay());
                    export.write(csv, slow, -1);
                    slow.close();
                    return true;
                case CUT_BODY_AT:
                    record(200, "fault:" + fault.type(), null, false);
                    exchange.getResponseHeaders().set("Content-Type", CSV);
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream cutting = BodyFaults.cutting(exchange.getResponseBody(), fault.bytes());
                    export.write(csv, cutting, -1);
                    // A body no longer than the cut: all of it, and then the connection is closed all the same.
                    cutting.flush();
                    throw Exchanges.drop();
                case STALL_BODY:
                    record(200, "fault:" + fault.type(), null, false);
                    exchange.getResponseHeaders().set("Content-Type", CSV);
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = BodyFaults.stalling(exchange.getResponseBody(), fault.bytes(), fault.delay());
                    export.write(csv, out, -1);
                    // A body shorter than the stall point: stall at its end all the same.
                    out.write(new byte[(int) Math.max(1, fault.bytes() + 1)]);
                    return true;
                default:
                    return false;
            }
        }

        private void reject(ExportResult result, String detail, QuotaState quota) throws IOException {
            reject(result.httpStatus(), result.message(), detail, quota, result.message());
        }

        private void reject(int status, String message, String detail, QuotaState quota) throws IOException {
            reject(status, message, detail, quota, message);
        }

        private void reject(int status, String message, String detail, QuotaState quota, String recordedCode)
                throws IOException {
            rateLimitHeaders.write(exchange.getResponseHeaders(), quota);
            record(status, recordedCode, detail, false);
            answerError(exchange, status, message, detail);
        }

        private void record(int status, String code, String detail, boolean success) {
            service.record(new RecordedRequest(ApiKind.EXPORT, operation.path, service.clock().instant(), status, code,
                    detail, new String(raw, StandardCharsets.UTF_8)), success);
        }
    }

    private void answerError(HttpExchange exchange, int status, String message, String detail) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.put("result", "fail");
        body.put("message", message);
        if (detail != null) {
            body.put("detail", detail);
        }
        Exchanges.send(exchange, status, Exchanges.JSON, mapper.writeValueAsBytes(body));
    }
}
