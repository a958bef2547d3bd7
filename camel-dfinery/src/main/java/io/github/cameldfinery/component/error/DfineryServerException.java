package io.github.cameldfinery.component.error;

import java.util.Map;

/** DFINERY failed on its side (HTTP 5xx, code {@code 50000}, export {@code unknown_error}): worth retrying. */
public class DfineryServerException extends DfineryException {

    public DfineryServerException(String message, String code, String apiMessage, int httpStatus, String body,
                                  Map<String, String> headers) {
        super(message, code, apiMessage, httpStatus, body, headers, null);
    }

    protected DfineryServerException(String message, Throwable cause) {
        super(message, null, null, 0, null, null, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
