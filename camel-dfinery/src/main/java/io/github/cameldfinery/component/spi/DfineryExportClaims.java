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

import java.time.LocalDate;

/**
 * Lets replicas of one application run the same {@code dfinery:export} route: before exporting a window, a replica
 * claims it, and while the claim is held no other replica exports that window. A claim is a lease: a replica that
 * dies holding one loses it when the lease runs out, and another replica exports the window. Used together with a
 * cursor that the replicas share (a shared {@code stateRepository}).
 *
 * <p>{@code camel-dfinery-redis} has an implementation on Redis.
 */
public interface DfineryExportClaims {

    /**
     * Claims the window {@code [from, to]} of the cursor {@code cursorKey} for this replica.
     *
     * @return the claim, to close once the window is exported and the cursor moved; null when another replica holds it
     */
    Claim tryClaim(String cursorKey, LocalDate from, LocalDate to);

    /** A held claim; closing it gives the window up. */
    interface Claim extends AutoCloseable {
        @Override
        void close();
    }
}
