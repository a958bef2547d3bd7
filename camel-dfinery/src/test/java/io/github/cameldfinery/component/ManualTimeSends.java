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
package io.github.cameldfinery.component;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.cameldfinery.testsupport.ManualTimer;
import org.apache.camel.Exchange;

/**
 * Waits for sends to a component that runs on a {@link ManualTimer} ({@link DfineryComponent#useTime}), moving its
 * clock as time would pass, but without waiting for it: while a request is on its way (an {@link InFlightClient}
 * counts them) the clock stands still; when none is, nothing but a task on the timer (a wait for a reset, a retry, a
 * deadline) can move things on, and the clock jumps to the earliest one.
 */
final class ManualTimeSends {

    private ManualTimeSends() {
    }

    /**
     * The exchanges, once all are done, with the clock moved on by at most {@code atMost}: a task due later is not
     * run (and a send that waits for it is not done).
     */
    static List<Exchange> drive(ManualTimer timer, Clock clock, InFlightClient client,
                                List<CompletableFuture<Exchange>> sent, Duration atMost) {
        Instant until = clock.instant().plus(atMost);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
            if (sent.stream().allMatch(CompletableFuture::isDone)) {
                return true;
            }
            if (client.inFlight() == 0 && timer.nextTask().filter(at -> !at.isAfter(until)).isPresent()) {
                timer.advanceToNextTask();
            } else {
                timer.runDue();
            }
            return false;
        });
        return sent.stream().map(CompletableFuture::join).toList();
    }
}
