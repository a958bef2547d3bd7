package io.github.cameldfinery.component.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldfinery.component.error.DfineryAuthenticationException;
import io.github.cameldfinery.component.error.DfineryException;
import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.error.DfineryServerException;
import io.github.cameldfinery.component.error.DfineryValidationException;

/**
 * Reads the import APIs' answers. Success is {@code status:true} with code {@code 20000}; anything else is a
 * failure whatever the HTTP status, since DFINERY reports failures under HTTP 200 too.
 */
public final class ImportResponses {

    public static final String OK_CODE = "20000";

    private final ObjectMapper mapper;

    public ImportResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The outcome of a response: {@link Success}, or the exception to fail with. */
    public Success interpret(String path, ApiResponse response) {
        RateLimitState rateLimit = RateLimitState.from(response.headers());
        JsonNode body = parse(response);
        String code = text(body, "code");
        String message = text(body, "message");
        boolean ok = body != null && body.path("status").asBoolean(false) && OK_CODE.equals(code);
        if (ok && response.status() / 100 == 2) {
            return new Success(code, message, rateLimit);
        }
        throw failure(path, response, body, code, message, rateLimit);
    }

    private DfineryException failure(String path, ApiResponse response, JsonNode body, String code, String message,
                                     RateLimitState rateLimit) {
        String detail = text(body, "detail");
        String what = "DFINERY answered POST " + path + " with HTTP " + response.status()
                      + (code != null ? ", " + code + " " + message : "") + (detail != null ? ": " + detail : "");
        String text = response.bodyText();
        Map<String, String> headers = relevantHeaders(response.headers());
        int status = response.status();
        if (status == 429 || "40401".equals(code)) {
            return new DfineryRateLimitException(what + (rateLimit.resetAt() != null ? "; resets at " + rateLimit.resetAt() : ""),
                    code, message, status, text, headers, rateLimit.resetAt());
        }
        if ("40201".equals(code) || "40101".equals(code) || status == 401 || status == 403) {
            return new DfineryAuthenticationException(what, code, message, status, text, headers);
        }
        if (code != null && code.startsWith("4")) {
            return new DfineryValidationException(what, code, message, status, text, headers);
        }
        if (status / 100 == 4 && code == null) {
            return new DfineryValidationException(what, null, null, status, text, headers);
        }
        return new DfineryServerException(what, code, message, status, text, headers);
    }

    private JsonNode parse(ApiResponse response) {
        try {
            JsonNode node = mapper.readTree(response.body());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The response headers that explain a failure (rate-limit state, content type), for exceptions. */
    public static Map<String, String> relevantHeaders(java.net.http.HttpHeaders responseHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        responseHeaders.map().forEach((name, values) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("x-ratelimit-") || lower.startsWith("x-rate-limit-") || lower.equals("content-type")) {
                headers.put(name, String.join(",", values));
            }
        });
        return headers;
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
