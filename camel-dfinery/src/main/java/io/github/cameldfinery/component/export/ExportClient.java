package io.github.cameldfinery.component.export;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldfinery.component.error.DfineryAuthenticationException;
import io.github.cameldfinery.component.error.DfineryException;
import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.error.DfineryServerException;
import io.github.cameldfinery.component.error.DfineryValidationException;
import io.github.cameldfinery.component.http.DfineryHttpClient;
import io.github.cameldfinery.component.http.ImportResponses;
import io.github.cameldfinery.component.http.RateLimitState;
import io.github.cameldfinery.component.mapping.JsonTrees;

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
            JsonNode json = JsonTrees.MAPPER.readTree(body);
            message = json.path("message").asText(null);
            detail = json.path("detail").asText(null);
        } catch (IOException | RuntimeException e) {
            // not JSON: the status says enough
        }
        int status = response.statusCode();
        RateLimitState rateLimit = RateLimitState.from(response.headers());
        String what = "DFINERY answered POST " + request.path() + " with HTTP " + status
                      + (message != null ? ", " + message : "") + (detail != null ? ": " + detail : "");
        java.util.Map<String, String> headers = ImportResponses.relevantHeaders(response.headers());
        if (status == 429 || "too_many_api_requests".equals(message)) {
            return new DfineryRateLimitException(what, message, message, status, body, headers, rateLimit.resetAt());
        }
        if (status == 401 || status == 403) {
            return new DfineryAuthenticationException(what, message, message, status, body, headers);
        }
        if (status == 400 || status == 404 || status == 405) {
            return new DfineryValidationException(what, message, message, status, body, headers);
        }
        return new DfineryServerException(what, message, message, status, body, headers);
    }
}
