package io.github.cameldfinery.component.quota;

import java.time.Duration;
import java.time.Instant;

/**
 * DFINERY's export limit for one service: calls per window (100 an hour) and calls at once (5). Counted in this JVM
 * ({@link LocalExportBudget}) or in a store that replicas share.
 */
public interface ExportBudget {

    /** A permit to make one call now, or null when the budget is spent or all slots are busy. */
    Permit tryAcquire();

    /** Calls left in the window now. */
    int remaining();

    /** When the next call becomes possible, if the budget is spent now. */
    Instant nextSlot();

    int limit();

    Duration window();

    /** Releases the concurrency slot of a call when it ends; the call still counts against the window. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
