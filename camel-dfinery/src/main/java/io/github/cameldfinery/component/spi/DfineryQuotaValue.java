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
import java.util.function.Function;

/**
 * One value of a {@link DfineryQuotaStore}: a short text the component writes (a count and when its window ends, for
 * instance), changed by a read-modify-write that is atomic in the store. In one JVM a lock does; Redis compares and
 * swaps; any store with a compare-and-set or a transaction can.
 *
 * <p>The store never looks inside the text and does no arithmetic on time: the component hands it the new text and how
 * long to keep it. A store may forget a value once that time is up (Redis sets it as the key's expiry), or keep it
 * longer: the component reads a value that has outlived it as no value. One that cannot reach its store throws any
 * runtime exception, and then has changed nothing.
 */
public interface DfineryQuotaValue {

    /** The text stored now, or null when there is none (never written, removed, or forgotten by the store). */
    String read();

    /**
     * Atomically: reads the text stored now (null when none), applies {@code change} to it, and stores what it
     * returns, unless another writer changed the text meanwhile; then applies {@code change} again to the new text.
     * {@code change} has no side effects, so that it may run more than once; the component takes its answer from the
     * last run.
     *
     * @return the text stored after the change (null when it removed the value)
     */
    String update(Function<String, Next> change);

    /**
     * What to store next.
     *
     * @param text    the text, or null to remove the value
     * @param keepFor how long the store must keep it at least, when there is a text (more than zero)
     */
    record Next(String text, Duration keepFor) {

        /** Removes the value. */
        public static Next remove() {
            return new Next(null, null);
        }
    }
}
