package io.github.cameldfinery.component.error;

import java.util.Map;

/**
 * DFINERY refused the token or the service id ({@code 40201 INVALID_TOKEN}, {@code 40101 INVALID_SERVICE_ID},
 * export {@code 401 unauthorized_token}), or no token is configured. Never retried.
 */
public class DfineryAuthenticationException extends DfineryException {

    public DfineryAuthenticationException(String message, String code, String apiMessage, int httpStatus, String body,
                                          Map<String, String> headers) {
        super(message, code, apiMessage, httpStatus, body, headers, null);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
