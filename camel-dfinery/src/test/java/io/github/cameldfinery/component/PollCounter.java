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

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * Counts a consumer's finished polls ({@code pollStrategy=#polls}): to show that nothing more happens, a test waits
 * for two more polls and then looks, instead of waiting a fixed time.
 */
final class PollCounter implements PollingConsumerPollStrategy {
    private final AtomicInteger finished = new AtomicInteger();

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        finished.incrementAndGet();
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        finished.incrementAndGet();
        return false;
    }

    /** Returns once two polls more than now have finished: one of them began after this call. */
    void awaitTwoMore() {
        int now = finished.get();
        await().until(() -> finished.get() >= now + 2);
    }
}
