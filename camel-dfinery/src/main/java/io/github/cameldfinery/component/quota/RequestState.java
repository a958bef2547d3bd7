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
package io.github.cameldfinery.component.quota;

import java.time.Instant;

/**
 * What a store keeps for one request limit, as the text of its value: {@code remaining;resetAt;s|g;leaseUntil}, the
 * instants in epoch milliseconds, {@code -} for none ({@code s}: the reset came from the server, {@code g}: a guess).
 *
 * @param resetAt         the end of the window; null when there is no window
 * @param leaseUntil      when the lease to probe runs out; null when nobody holds it
 */
record RequestState(long remaining, Instant resetAt, boolean resetFromServer, Instant leaseUntil) {

    static final RequestState NONE = new RequestState(0, null, false, null);

    boolean hasWindow() {
        return resetAt != null;
    }

    RequestState withWindow(long left, Instant reset, boolean fromServer) {
        return new RequestState(left, reset, fromServer, leaseUntil);
    }

    RequestState withRemaining(long left) {
        return new RequestState(left, resetAt, resetFromServer, leaseUntil);
    }

    RequestState withoutWindow() {
        return new RequestState(0, null, false, leaseUntil);
    }

    RequestState withLease(Instant until) {
        return new RequestState(remaining, resetAt, resetFromServer, until);
    }

    String encode() {
        return remaining + ";" + StateText.millis(resetAt) + ";" + (resetFromServer ? "s" : "g") + ";"
               + StateText.millis(leaseUntil);
    }

    /** NONE for null; a text of another shape (a store shared with another version) counts as nothing stored. */
    static RequestState decode(String text) {
        String[] parts = text == null ? null : text.split(";", -1);
        if (parts == null || parts.length != 4) {
            return NONE;
        }
        try {
            return new RequestState(Long.parseLong(parts[0]), StateText.instant(parts[1]), "s".equals(parts[2]),
                    StateText.instant(parts[3]));
        } catch (NumberFormatException e) {
            return NONE;
        }
    }
}
