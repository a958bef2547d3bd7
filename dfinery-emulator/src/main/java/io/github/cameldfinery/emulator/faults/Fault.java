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
package io.github.cameldfinery.emulator.faults;

import java.time.Duration;

/**
 * A failure the emulator injects instead of (or around) a normal answer.
 *
 * @param type  what goes wrong
 * @param delay for {@link Type#DELAY}, how long the answer is held back
 */
public record Fault(Type type, Duration delay) {

    /** The kinds of injected failure. */
    public enum Type {
        /** HTTP 500 with the import envelope {@code 50000} or the export body {@code unknown_error}; nothing stored. */
        HTTP_500,
        /** HTTP 200 carrying a failure: import {@code 50000}, export {@code {"result":"fail"}}; nothing stored. */
        ERROR_UNDER_200,
        /** The request is processed normally, but only after {@link #delay()}. */
        DELAY,
        /** The connection is closed before the request is processed: nothing stored, no answer. */
        DROP_BEFORE_PROCESSING,
        /** The request is processed and stored, then the connection is closed without an answer. */
        DROP_AFTER_PROCESSING,
        /** Export only: the CSV body stops after about half of its rows and the connection is closed. */
        CUT_EXPORT_BODY
    }

    public static Fault http500() {
        return new Fault(Type.HTTP_500, Duration.ZERO);
    }

    public static Fault errorUnder200() {
        return new Fault(Type.ERROR_UNDER_200, Duration.ZERO);
    }

    public static Fault delay(Duration delay) {
        return new Fault(Type.DELAY, delay);
    }

    public static Fault dropBeforeProcessing() {
        return new Fault(Type.DROP_BEFORE_PROCESSING, Duration.ZERO);
    }

    public static Fault dropAfterProcessing() {
        return new Fault(Type.DROP_AFTER_PROCESSING, Duration.ZERO);
    }

    public static Fault cutExportBody() {
        return new Fault(Type.CUT_EXPORT_BODY, Duration.ZERO);
    }
}
