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
package io.github.cameldfinery.component.export;

import java.time.Duration;

/**
 * What a graceful stop of the export consumer looks at: whether a window (or snapshot) is being exported, whether its
 * export call has been answered, and the body being read, which a stop aborts or puts on a shorter stall limit.
 * {@link #NONE} is for a caller that is not stopped this way (the export producer).
 */
public final class ExportProgress {

    /** Tracks nothing: for calls that no consumer's stop waits for. */
    public static final ExportProgress NONE = new ExportProgress(Duration.ZERO, false);

    private final Duration stallOnStop;
    private final boolean tracks;
    /** A window is being exported: from its claim to its cursor's move; a graceful stop waits for it. */
    private volatile boolean windowInProgress;
    /** When the export call of the window in progress went out; the answer to it came once {@code answered}. */
    private volatile long callSentNanos;
    private volatile boolean answered;
    /** The body being read now, aborted when the consumer stops so that the poll thread is not held. */
    private volatile ExportBodyStream current;
    /** A graceful stop (or suspension) has begun: no new window starts, a stalled body is aborted. */
    private volatile boolean stopping;
    /** The consumer is stopping for good: nothing more goes to the route. */
    private volatile boolean aborting;

    /**
     * @param stallOnStop while the consumer stops: how long a body (or the answer to an export call) may go without
     *                    a byte
     */
    public ExportProgress(Duration stallOnStop) {
        this(stallOnStop, true);
    }

    private ExportProgress(Duration stallOnStop, boolean tracks) {
        this.stallOnStop = stallOnStop;
        this.tracks = tracks;
    }

    /** The consumer starts (again): nothing is stopping. */
    public void started() {
        stopping = false;
        aborting = false;
    }

    /** The consumer resumes after a suspension. */
    public void resumed() {
        stopping = false;
    }

    /** A window (or snapshot) starts: from here to {@link #windowEnded()} a graceful stop waits. */
    public void windowStarted() {
        windowInProgress = true;
        calling();
    }

    public void windowEnded() {
        windowInProgress = false;
    }

    /** The export call goes out now. */
    void calling() {
        if (!tracks) {
            return;
        }
        callSentNanos = System.nanoTime();
        answered = false;
    }

    /** The export call was answered, with a body or a failure. */
    void answered() {
        if (tracks) {
            answered = true;
        }
    }

    /** The body of the call in progress, as it is read; a stop already begun applies to it at once. */
    void reading(ExportBodyStream body) {
        if (!tracks) {
            return;
        }
        current = body;
        if (aborting) {
            body.abort("the export consumer stopped");
        } else if (stopping) {
            body.stopping(stallOnStop);
        }
    }

    void doneReading() {
        if (tracks) {
            current = null;
        }
    }

    /** A graceful stop or suspension begins: a body that stalls for {@code stallOnStop} from now on is aborted. */
    public void stopping() {
        stopping = true;
        ExportBodyStream reading = current;
        if (reading != null) {
            reading.stopping(stallOnStop);
        }
    }

    /** The consumer stops for good, or the shutdown timeout ran out: the body being read is aborted now. */
    public void abort(String reason, boolean forGood) {
        stopping = true;
        if (forGood) {
            aborting = true;
        }
        ExportBodyStream reading = current;
        if (reading != null) {
            reading.abort(reason);
        }
    }

    public boolean isStopping() {
        return stopping;
    }

    /** Whether the consumer stops for good: no row may go to the route any more. */
    public boolean isAborting() {
        return aborting;
    }

    /**
     * Whether a graceful stop still waits: a window is in progress, and its export call has either been answered or
     * waited less than {@code stallOnStop} for it (the stop then interrupts it).
     */
    public boolean pending() {
        if (!windowInProgress || aborting) {
            return false;
        }
        return answered || System.nanoTime() - callSentNanos < stallOnStop.toNanos();
    }
}
