package io.github.cameldfinery.component.error;

/**
 * No complete response arrived. {@link #isRequestSent()} tells the two cases apart: false when the connection
 * could not be made (nothing reached DFINERY, so a retry is always safe), true when the request went out and the
 * answer timed out or broke off (DFINERY may have processed it).
 */
public class DfineryConnectionException extends DfineryServerException {

    private final boolean requestSent;

    public DfineryConnectionException(String message, boolean requestSent, Throwable cause) {
        super(message, cause);
        this.requestSent = requestSent;
    }

    /** Whether the request may have reached DFINERY. */
    public boolean isRequestSent() {
        return requestSent;
    }
}
