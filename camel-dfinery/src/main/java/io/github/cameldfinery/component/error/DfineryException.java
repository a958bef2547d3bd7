package io.github.cameldfinery.component.error;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * A DFINERY call failed, or a message could not become a valid call. Carries the API's code and message, the
 * HTTP status and response (never a token), and the fate of every request of the message.
 */
public abstract class DfineryException extends RuntimeCamelException implements HttpResponseAware {

    private final String code;
    private final String apiMessage;
    private int httpStatus;
    private String httpStatusText;
    private final String responseBody;
    private final Map<String, String> responseHeaders;
    private List<RequestOutcome> outcomes = List.of();

    protected DfineryException(String message, String code, String apiMessage, int httpStatus, String responseBody,
                               Map<String, String> responseHeaders, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.apiMessage = apiMessage;
        this.httpStatus = httpStatus;
        this.responseBody = responseBody;
        this.responseHeaders = responseHeaders == null ? Map.of() : Map.copyOf(responseHeaders);
    }

    /** Whether sending the same request again may succeed (server errors, connection failures). */
    public abstract boolean isTransient();

    /** The DFINERY result code ({@code 40001}) or export message ({@code invalid_parameter}); null if none. */
    public String getCode() {
        return code;
    }

    /** The DFINERY result message ({@code VALIDATION_FAILURE}); null if none. */
    public String getApiMessage() {
        return apiMessage;
    }

    /** The response body as received; null when there was no response. */
    public String getResponseBody() {
        return responseBody;
    }

    /** Response headers that explain the failure (rate-limit state, content type). */
    public Map<String, String> getResponseHeaders() {
        return responseHeaders;
    }

    /** The fate of every request of the message, in order; empty when nothing was sent. */
    public List<RequestOutcome> getOutcomes() {
        return outcomes;
    }

    /** Event ids of requests that succeeded: DFINERY has these events. */
    public List<String> getStoredEventLogIds() {
        return idsIn(RequestOutcome.State.SUCCEEDED);
    }

    /** Event ids of requests that failed or were not sent: DFINERY may not have these events. */
    public List<String> getUnstoredEventLogIds() {
        return outcomes.stream().filter(o -> o.state() != RequestOutcome.State.SUCCEEDED)
                .flatMap(o -> o.eventLogIds().stream()).collect(Collectors.toList());
    }

    public void setOutcomes(List<RequestOutcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    /** The HTTP status of the failed response, 0 when there was none (a local check, a connection failure). */
    @Override
    public int getHttpResponseCode() {
        return httpStatus;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpStatus = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return httpStatusText;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.httpStatusText = status;
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        if (outcomes.size() > 1) {
            long ok = outcomes.stream().filter(o -> o.state() == RequestOutcome.State.SUCCEEDED).count();
            long notSent = outcomes.stream().filter(o -> o.state() == RequestOutcome.State.NOT_SENT).count();
            message += " [message sent as " + outcomes.size() + " requests: " + ok + " succeeded, 1 failed, "
                       + notSent + " not sent]";
        }
        return message;
    }

    private List<String> idsIn(RequestOutcome.State state) {
        return outcomes.stream().filter(o -> o.state() == state).flatMap(o -> o.eventLogIds().stream())
                .collect(Collectors.toList());
    }
}
