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
