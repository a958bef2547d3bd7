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
package io.github.cameldfinery.component.error;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * A DFINERY call failed, or a message could not become a valid call. Carries what DFINERY answered, if it answered
 * (never a token), and the fate of every request of the message.
 */
public abstract class DfineryException extends RuntimeCamelException implements HttpResponseAware {

    private final FailedResponse response;
    private int httpStatus;
    private String httpStatusText;
    private List<RequestOutcome> outcomes = List.of();

    /**
     * @param response what DFINERY answered; null when it did not (a local check, a connection failure)
     */
    protected DfineryException(String message, FailedResponse response, Throwable cause) {
        super(message, cause);
        this.response = response;
        this.httpStatus = response == null ? 0 : response.status();
    }

    /** Whether sending the same request again may succeed (server errors, connection failures). */
    public abstract boolean isTransient();

    /** Whether DFINERY answered; false when the failure was found here or no response arrived. */
    public boolean hasResponse() {
        return response != null;
    }

    /** What DFINERY answered; null when it did not. */
    public FailedResponse getResponse() {
        return response;
    }

    /** The DFINERY result code ({@code 40001}) or export message ({@code invalid_parameter}); null if none. */
    public String getCode() {
        return response == null ? null : response.code();
    }

    /** The DFINERY result message ({@code VALIDATION_FAILURE}); null if none. */
    public String getApiMessage() {
        return response == null ? null : response.apiMessage();
    }

    /** The response body as received; null when there was no response. */
    public String getResponseBody() {
        return response == null ? null : response.body();
    }

    /** Response headers that explain the failure (rate-limit state, content type); empty without a response. */
    public Map<String, String> getResponseHeaders() {
        return response == null ? Map.of() : response.headers();
    }

    /** The fate of every request of the message, in order; empty when nothing was sent. */
    public List<RequestOutcome> getOutcomes() {
        return outcomes;
    }

    /** Event ids of requests that succeeded: DFINERY has these events. */
    public List<String> getStoredEventLogIds() {
        return outcomes.stream().filter(RequestOutcome::succeeded).flatMap(o -> o.eventLogIds().stream())
                .collect(Collectors.toList());
    }

    /** Event ids of requests that failed or were not sent: DFINERY may not have these events. */
    public List<String> getUnstoredEventLogIds() {
        return outcomes.stream().filter(o -> !o.succeeded()).flatMap(o -> o.eventLogIds().stream())
                .collect(Collectors.toList());
    }

    /**
     * The JSON bodies, in the API's own shape, of the requests that failed or were not sent: what to park and send
     * again. They carry the event_log_ids that were sent, so a resend of a request DFINERY did process (a timeout)
     * does not store its events twice.
     */
    public List<String> getUnstoredRequests() {
        return outcomes.stream().filter(o -> !o.succeeded()).map(RequestOutcome::request).collect(Collectors.toList());
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
            long ok = outcomes.stream().filter(RequestOutcome::succeeded).count();
            long notSent = outcomes.stream().filter(o -> o.state() == RequestOutcome.State.NOT_SENT).count();
            message += " [message sent as " + outcomes.size() + " requests: " + ok + " succeeded, "
                       + (outcomes.size() - ok - notSent) + " failed, " + notSent + " not sent]";
        }
        return message;
    }
}
