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

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which {@code x-ratelimit-reset} a guard believes: a time at most the configured window away, ahead or behind. Any
 * other (further in the past, past the window, beyond what an {@code Instant} holds) tells nothing of when the
 * server's window ends, and the policy gets none: it then holds the window to the configured one from now and learn the
 * next one by a probe, instead of refusing requests until the year 3000, overflowing, or handing out a window the
 * server has not begun.
 */
final class ServerResets {

    private static final Logger LOG = LoggerFactory.getLogger(ServerResets.class);

    private final String limitName;
    private final Duration window;
    /** A server that promises more than the window is told about once, not on every response. */
    private final AtomicBoolean toldTooFar = new AtomicBoolean();

    /**
     * @param limitName the limit, as log lines name it
     */
    ServerResets(String limitName, Duration window) {
        this.limitName = limitName;
        this.window = window;
    }

    /**
     * The reset to count with, or null when there is none to believe. A reset less than a window ago is an answer
     * that came after its window ended: the server's windows go on from it, so it gives the end of the current one.
     */
    Instant resetToCountWith(Instant reset, Instant now) {
        if (reset == null || !reset.isAfter(now.minus(window))) {
            return null;
        }
        if (!reset.isAfter(now)) {
            return RequestCount.windowEnd(reset, window, now);
        }
        if (reset.isAfter(now.plus(window))) {
            if (toldTooFar.compareAndSet(false, true)) {
                LOG.warn("DFINERY said the {} window resets at {}, later than the configured window of {} from now; "
                         + "the quota guard holds it to that window and learns the next one with a single request "
                         + "(logged once)", limitName, reset, window);
            }
            return null;
        }
        return reset;
    }
}
