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
package io.github.cameldfinery.component.http;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldfinery.component.api.Json;

/**
 * Reads the import APIs' answers. Success is {@code status:true} with code {@code 20000}; anything else is a
 * failure whatever the HTTP status, since DFINERY reports failures under HTTP 200 too.
 */
public final class ImportResponses {

    public static final String OK_CODE = "20000";

    private ImportResponses() {
    }

    /**
     * The outcome of a response: {@link Success}, or a {@link io.github.cameldfinery.component.error.DfineryException}
     * thrown.
     */
    public static Success interpret(String path, ApiResponse response) {
        JsonNode body = parse(response);
        String code = text(body, "code");
        String message = text(body, "message");
        boolean ok = body != null && body.path("status").asBoolean(false) && OK_CODE.equals(code);
        if (ok && response.status() / 100 == 2) {
            return new Success(code, message, RateLimitState.from(response.headers()));
        }
        String detail = text(body, "detail");
        String what = "DFINERY answered POST " + path + " with HTTP " + response.status()
                      + (code != null ? ", " + code + " " + message : "") + (detail != null ? ": " + detail : "");
        throw FailureResponses.classify(what, response.status(), code, message, response.bodyText(),
                response.headers());
    }

    private static JsonNode parse(ApiResponse response) {
        try {
            JsonNode node = Json.MAPPER.readTree(response.body());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        if (body == null) {
            return null;
        }
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A successful import response. */
    public record Success(String code, String message, RateLimitState rateLimit) {
    }
}
