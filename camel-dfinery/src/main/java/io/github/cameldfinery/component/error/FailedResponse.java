package io.github.cameldfinery.component.error;

import java.util.Map;

/**
 * What DFINERY answered to a call that failed.
 *
 * @param status     the HTTP status
 * @param code       the DFINERY result code ({@code 40001}) or export message ({@code invalid_parameter}); null if none
 * @param apiMessage the DFINERY result message ({@code VALIDATION_FAILURE}); null if none
 * @param body       the response body as received
 * @param headers    the response headers that explain the failure (rate-limit state, content type)
 */
public record FailedResponse(int status, String code, String apiMessage, String body, Map<String, String> headers) {

    public FailedResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
