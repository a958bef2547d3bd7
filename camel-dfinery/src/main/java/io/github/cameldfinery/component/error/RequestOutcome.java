package io.github.cameldfinery.component.error;

import java.util.List;

/**
 * What happened to one HTTP request of a message. A message (a List of events, say) can become several requests;
 * a failure reports each of them, so a caller knows which events were stored and which were not.
 *
 * @param index       0-based position of the request within the message
 * @param state       whether it succeeded, failed or was never sent
 * @param attempts    how many times it was sent
 * @param eventLogIds the events it carried (empty for identity and profile requests)
 * @param request     the request's JSON body, as sent (or as it would have been sent)
 */
public record RequestOutcome(int index, State state, int attempts, List<String> eventLogIds, String request) {

    /** The fate of one request. */
    public enum State {
        SUCCEEDED, FAILED, NOT_SENT
    }

    public RequestOutcome {
        eventLogIds = List.copyOf(eventLogIds);
    }

    public boolean succeeded() {
        return state == State.SUCCEEDED;
    }
}
