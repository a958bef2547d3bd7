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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain JDK HttpClient talking to the emulator as any DFINERY client would. */
final class ApiClient {

    static final String SERVICE = "svc-1";
    static final String IMPORT_TOKEN = "import-token-1";
    static final String EXPORT_TOKEN = "export-token-1";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    ApiClient(URI base) {
        this.base = base;
    }

    HttpResponse<String> importCall(String path, String body) {
        return importCall(path, SERVICE, IMPORT_TOKEN, body);
    }

    HttpResponse<String> importCall(String path, String serviceId, String token, String body) {
        return post(path, serviceId, "access_token", token, body);
    }

    HttpResponse<String> exportCall(String path, String body) {
        return exportCall(path, SERVICE, EXPORT_TOKEN, body);
    }

    HttpResponse<String> exportCall(String path, String serviceId, String token, String body) {
        return post(path, serviceId, "Authorization", token == null ? null : "Bearer " + token, body);
    }

    private HttpResponse<String> post(String path, String serviceId, String authHeader, String authValue, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, serviceId))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authValue != null) {
            request.header(authHeader, authValue);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    URI uri(String path, String serviceId) {
        return URI.create(base + path + (serviceId == null ? "" : "?service_id=" + serviceId));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }
}
