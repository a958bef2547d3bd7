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
package io.github.cameldfinery.component.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * DFINERY's export limit for one service: calls per window (100 an hour, windows aligned on the epoch: each clock hour)
 * and calls at once (5). The component makes it over a value of its {@link DfineryQuotaStore}, in this JVM or in a
 * store that replicas share; stores do not implement it. Every export endpoint of the service calls it, from several
 * threads.
 */
public interface DfineryExportBudget {

    /** A permit to make one call now, or null when the budget is spent or all slots are busy. */
    Permit tryAcquire();

    /** Calls left in the window now, for the dev console; may be approximate. */
    int remaining();

    /** When the next call becomes possible, if the budget is spent now. */
    Instant nextSlot();

    /** The calls a window allows. */
    int limit();

    /** The window's length. */
    Duration window();

    /** Releases the concurrency slot of a call when it ends; the call still counts against the window. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
