package io.github.cameldfinery.component.error;

/**
 * DFINERY refused the token or the service id ({@code 40201 INVALID_TOKEN}, {@code 40101 INVALID_SERVICE_ID},
 * export {@code 401 unauthorized_token}), or no token is configured. Never retried.
 */
public class DfineryAuthenticationException extends DfineryException {

    public DfineryAuthenticationException(String message, FailedResponse response) {
        super(message, response, null);
    }

    /** No token is configured for the call; nothing was sent. Names the option, never a value. */
    public static DfineryAuthenticationException missingToken(String option) {
        return new DfineryAuthenticationException("No DFINERY " + option.replace("Token", "") + " token: set the "
                                                  + option + " option", null);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
