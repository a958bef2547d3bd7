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
