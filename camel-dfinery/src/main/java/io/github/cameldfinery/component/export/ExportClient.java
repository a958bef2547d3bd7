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
package io.github.cameldfinery.component.export;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldfinery.component.api.Json;
import io.github.cameldfinery.component.error.DfineryException;
import io.github.cameldfinery.component.http.DfineryHttpClient;
import io.github.cameldfinery.component.http.FailureResponses;

/**
 * Makes one export call and hands back the CSV body as a stream, never reading it whole. A failure answer (any
 * status but 200, or a JSON {@code {"result":"fail"}} body under 200) becomes a typed DfineryException.
 */
public final class ExportClient {

    private final DfineryHttpClient http;

    public ExportClient(DfineryHttpClient http) {
        this.http = http;
    }

    /** The open CSV body; the caller closes it. */
    public InputStream open(ExportRequest request, String serviceId, String token) {
        HttpResponse<InputStream> response = http.postForStream(request.path(), serviceId, "Authorization",
                "Bearer " + token, request.toJson());
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (response.statusCode() == 200 && !type.startsWith("application/json")) {
            return response.body();
        }
        throw failure(request, response);
    }

    private static DfineryException failure(ExportRequest request, HttpResponse<InputStream> response) {
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            body = "";
        }
        String message = null;
        String detail = null;
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            message = json.path("message").asText(null);
            detail = json.path("detail").asText(null);
        } catch (IOException | RuntimeException e) {
            // not JSON: the status says enough
        }
        String what = "DFINERY answered POST " + request.path() + " with HTTP " + response.statusCode()
                      + (message != null ? ", " + message : "") + (detail != null ? ": " + detail : "");
        return FailureResponses.classify(what, response.statusCode(), message, message, body, response.headers());
    }
}
