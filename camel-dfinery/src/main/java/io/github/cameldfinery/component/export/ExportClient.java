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
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldfinery.component.api.Json;
import io.github.cameldfinery.component.error.DfineryException;
import io.github.cameldfinery.component.error.DfineryExportFormatException;
import io.github.cameldfinery.component.http.DfineryHttpClient;
import io.github.cameldfinery.component.http.FailureResponses;

/**
 * Makes one export call and hands back the CSV body as a stream, never reading it whole. A failure answer (any
 * status but 200, or a JSON {@code {"result":"fail"}} body under 200) becomes a typed DfineryException; a 200 whose
 * content type is not CSV (an HTML page from a proxy or gateway) a {@link DfineryExportFormatException}.
 */
public final class ExportClient {

    /**
     * The content types a CSV body may come with. The API does not document DFINERY's; text/csv is what it is
     * expected to be, the others are what servers commonly send for a file.
     */
    private static final Set<String> CSV_TYPES = Set.of("text/csv", "application/csv", "text/plain",
            "application/octet-stream", "");

    private final DfineryHttpClient http;
    private final ScheduledExecutorService timer;
    private final ExportBodies bodies;
    private final Duration readTimeout;

    /**
     * @param timer       runs the read-progress checks of open bodies
     * @param bodies      the open bodies of the component, aborted when it stops
     * @param readTimeout exportReadTimeout
     */
    public ExportClient(DfineryHttpClient http, ScheduledExecutorService timer, ExportBodies bodies,
                        Duration readTimeout) {
        this.http = http;
        this.timer = timer;
        this.bodies = bodies;
        this.readTimeout = readTimeout;
    }

    /**
     * The open CSV body; the caller closes it.
     *
     * @param onClose runs once when the body is closed, read to its end or aborted
     */
    public ExportBodyStream open(ExportRequest request, String serviceId, String token, Runnable onClose) {
        HttpResponse<InputStream> response = http.postForStream(request.path(), serviceId, "Authorization",
                "Bearer " + token, request.toJson());
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].trim();
        // Every body is read under exportReadTimeout, failure answers too: a server may stall in any of them.
        boolean csv = response.statusCode() == 200 && CSV_TYPES.contains(mediaType);
        ExportBodyStream body = bodies.open(response.body(), request.describe(), readTimeout, timer, onClose,
                csv && isCloseDelimited(response));
        if (response.statusCode() != 200 || mediaType.equals("application/json")) {
            throw failure(request, response, body);
        }
        if (!CSV_TYPES.contains(mediaType)) {
            String start = start(body);
            throw new DfineryExportFormatException(request.describe(), 0, "DFINERY answered HTTP 200 with Content-Type '"
                    + mediaType + "' instead of text/csv; the body starts: " + start, null);
        }
        return body;
    }

    /**
     * Whether the body's end is only the connection's: HTTP/1.x without Content-Length or chunking, as an HTTP/1.0
     * proxy answers. HTTP/2 frames mark a body's end, and a length or chunks tell a body cut short.
     */
    static boolean isCloseDelimited(HttpResponse<?> response) {
        return response.version() == HttpClient.Version.HTTP_1_1
               && response.headers().firstValue("Content-Length").isEmpty()
               && response.headers().firstValue("Transfer-Encoding").isEmpty();
    }

    /** The first characters of a body that is not CSV, for the message; the rest is not read. */
    private static String start(ExportBodyStream body) {
        try (body) {
            String text = new String(body.readNBytes(120), StandardCharsets.UTF_8);
            return text.replaceAll("\\s+", " ").trim();
        } catch (IOException | RuntimeException e) {
            return "(unreadable)";
        }
    }

    private static DfineryException failure(ExportRequest request, HttpResponse<InputStream> response,
                                            ExportBodyStream in) {
        String body;
        try (in) {
            body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
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
