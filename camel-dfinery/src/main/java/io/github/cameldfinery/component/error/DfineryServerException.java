package io.github.cameldfinery.component.error;

/** DFINERY failed on its side (HTTP 5xx, code {@code 50000}, export {@code unknown_error}): worth retrying. */
public class DfineryServerException extends DfineryException {

    public DfineryServerException(String message, FailedResponse response) {
        super(message, response, null);
    }

    /** No response arrived (see {@link DfineryConnectionException}). */
    protected DfineryServerException(String message, Throwable cause) {
        super(message, null, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
