package io.github.cameldfinery.component.error;

import java.time.Instant;
import java.util.Map;

/**
 * DFINERY's request limit for this service and API is spent (HTTP 429, code {@code 40401}, export
 * {@code too_many_api_requests}): every call fails until {@link #getResetAt()}.
 */
public class DfineryRateLimitException extends DfineryException {

    private final Instant resetAt;

    public DfineryRateLimitException(String message, String code, String apiMessage, int httpStatus, String body,
                                     Map<String, String> headers, Instant resetAt) {
        super(message, code, apiMessage, httpStatus, body, headers, null);
        this.resetAt = resetAt;
    }

    /** When the window resets, from the response's rate-limit headers; null if DFINERY did not say. */
    public Instant getResetAt() {
        return resetAt;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
