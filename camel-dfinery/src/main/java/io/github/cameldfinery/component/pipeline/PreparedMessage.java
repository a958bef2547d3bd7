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
package io.github.cameldfinery.component.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.cameldfinery.component.api.ImportRequest;
import io.github.cameldfinery.component.error.RequestOutcome;

/**
 * The requests a message became, and how far sending them got. Kept on the exchange, so a redelivery by the
 * route's error handler re-sends the same bytes (same event_log_ids) and skips requests that already succeeded.
 */
public final class PreparedMessage {

    private final Object body;
    private final List<ImportRequest> requests;
    private final RequestOutcome.State[] states;
    private final int[] attempts;

    public PreparedMessage(Object body, List<ImportRequest> requests) {
        this.body = body;
        this.requests = List.copyOf(requests);
        this.states = new RequestOutcome.State[requests.size()];
        this.attempts = new int[requests.size()];
        Arrays.fill(states, RequestOutcome.State.NOT_SENT);
    }

    /** Whether this was prepared from exactly this body object (a redelivery of the same message). */
    public boolean isFor(Object candidate) {
        return body == candidate;
    }

    public List<ImportRequest> requests() {
        return requests;
    }

    public synchronized boolean succeeded(int index) {
        return states[index] == RequestOutcome.State.SUCCEEDED;
    }

    public synchronized void attempted(int index) {
        attempts[index]++;
    }

    public synchronized void mark(int index, RequestOutcome.State state) {
        states[index] = state;
    }

    public synchronized int totalAttempts() {
        int total = 0;
        for (int count : attempts) {
            total += count;
        }
        return total;
    }

    public synchronized List<RequestOutcome> outcomes() {
        List<RequestOutcome> outcomes = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            outcomes.add(new RequestOutcome(i, states[i], attempts[i], requests.get(i).eventLogIds(),
                    requests.get(i).bodyText()));
        }
        return outcomes;
    }

    public List<String> eventLogIds() {
        List<String> ids = new ArrayList<>();
        requests.forEach(request -> ids.addAll(request.eventLogIds()));
        return ids;
    }
}
