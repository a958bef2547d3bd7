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
