package io.github.cameldfinery.component.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A complete HTTP response from DFINERY. */
public record ApiResponse(int status, HttpHeaders headers, byte[] body) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
