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

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.BooleanSupplier;

import io.github.cameldfinery.component.metrics.DfineryMetrics;
import io.github.cameldfinery.component.spi.DfineryExportClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which event windows a poll of the export consumer exports: the closed day windows after the cursor, up to
 * yesterday (UTC), one call per window, at most {@code maxWindowsPerPoll}, none older than the lookback. With claims,
 * replicas that share the cursor each take a window no other holds. The cursor moves past a window only once its
 * delivery reports it delivered (or skipped), so delivery is at-least-once and a restart with a persistent cursor
 * neither skips nor repeats a day. What happens to the rows is the {@link WindowDelivery}'s.
 */
public final class ExportWindows {

    private static final Logger LOG = LoggerFactory.getLogger(ExportWindows.class);
    private static final DfineryExportClaims.Claim NO_CLAIM = () -> { };

    private final ExportCursor cursor;
    private final DfineryExportClaims claims;
    private final Settings settings;
    private final ExportProgress progress;
    private final DfineryMetrics metrics;
    private final String serviceId;
    /** Closed days not exported yet, as of the last poll; NaN before it. */
    private volatile double lagDays = Double.NaN;

    /**
     * The consumer's window options.
     *
     * @param startDate         the first day when no cursor is stored yet; null for yesterday
     * @param windowDays        days per export call
     * @param maxWindowsPerPoll the most windows one poll exports
     * @param lookbackDays      how many days back DFINERY exports
     */
    public record Settings(LocalDate startDate, int windowDays, int maxWindowsPerPoll, int lookbackDays) {
    }

    /** How the delivery of a window ended, when it did not throw. */
    public record Outcome(Kind kind, int rows) {

        /** How a window's delivery ended. */
        public enum Kind {
            /** The window's rows went through the route: the cursor moves past it. */
            DELIVERED,
            /** The window is given up (exportFormatErrorPolicy=skip): the cursor moves past it, nothing delivered. */
            SKIPPED,
            /** The export budget is spent for now: the poll ends, the cursor stays. */
            BUDGET_SPENT
        }

        public static Outcome delivered(int rows) {
            return new Outcome(Kind.DELIVERED, rows);
        }

        public static Outcome skipped() {
            return new Outcome(Kind.SKIPPED, 0);
        }

        public static Outcome budgetSpent() {
            return new Outcome(Kind.BUDGET_SPENT, 0);
        }
    }

    /** Exports a window and sends its rows on. */
    public interface WindowDelivery {

        /**
         * Exports the days {@code from} to {@code to} and delivers their rows; throws when the window is to be
         * exported again (the cursor stays).
         */
        Outcome deliver(LocalDate from, LocalDate to, LocalDate today) throws Exception;

        /** The cursor moved past a window that was delivered. */
        void completed();
    }

    /**
     * @param claims null for one replica: every window is its own
     */
    public ExportWindows(ExportCursor cursor, DfineryExportClaims claims, Settings settings, ExportProgress progress,
                         DfineryMetrics metrics, String serviceId) {
        this.cursor = cursor;
        this.claims = claims;
        this.settings = settings;
        this.progress = progress;
        this.metrics = metrics;
        this.serviceId = serviceId;
    }

    /**
     * Exports the windows due {@code today}, one after the other while {@code goOn} allows and the budget lasts.
     *
     * @return the rows delivered
     */
    public int poll(LocalDate today, BooleanSupplier goOn, WindowDelivery delivery) throws Exception {
        LocalDate yesterday = today.minusDays(1);
        LocalDate initial = settings.startDate() == null ? yesterday : settings.startDate();
        int rows = 0;
        LocalDate reached = null;
        for (int windows = 0; windows < settings.maxWindowsPerPoll() && goOn.getAsBoolean(); windows++) {
            LocalDate next = clampToLookback(cursor.next(initial), today);
            reached = next;
            LocalDate to = next.plusDays(settings.windowDays() - 1L);
            if (to.isAfter(yesterday)) {
                break;
            }
            progress.windowStarted();
            try (DfineryExportClaims.Claim claim = claim(next, to)) {
                if (claim == null) {
                    LOG.debug("Export window {}..{} of {} is claimed by another replica", next, to, cursor.key());
                    break;
                }
                if (claims != null && !cursor.next(initial).equals(next)) {
                    // Another replica finished this window between our look at the cursor and our claim.
                    continue;
                }
                Outcome outcome;
                try {
                    outcome = delivery.deliver(next, to, today);
                } catch (Exception e) {
                    metrics.exportWindow(serviceId, false);
                    throw e;
                }
                if (outcome.kind() == Outcome.Kind.SKIPPED) {
                    metrics.exportWindow(serviceId, false);
                    cursor.advance(to.plusDays(1));
                    reached = to.plusDays(1);
                    continue;
                }
                if (outcome.kind() == Outcome.Kind.BUDGET_SPENT) {
                    break;
                }
                rows += outcome.rows();
                cursor.advance(to.plusDays(1));
                reached = to.plusDays(1);
                metrics.exportWindow(serviceId, true);
                delivery.completed();
            } finally {
                progress.windowEnded();
            }
        }
        if (reached != null) {
            // Where the cursor stands, as this poll last read or moved it: no read of the repository for a gauge.
            lagDays = Math.max(0, ChronoUnit.DAYS.between(reached, today));
        }
        return rows;
    }

    /** Closed days not exported yet, as of the last poll; NaN before the first. */
    public double lagDays() {
        return lagDays;
    }

    /** The claim on a window: always granted without claims (one replica), else as the claims decide. */
    private DfineryExportClaims.Claim claim(LocalDate from, LocalDate to) {
        return claims == null ? NO_CLAIM : claims.tryClaim(cursor.key(), from, to);
    }

    private LocalDate clampToLookback(LocalDate next, LocalDate today) {
        LocalDate earliest = today.minusDays(settings.lookbackDays());
        if (next.isBefore(earliest)) {
            LOG.warn("DFINERY exports events of the last {} days only: the days {} to {} can no longer be exported "
                     + "and are skipped (cursor {} moves to {})", settings.lookbackDays(), next, earliest.minusDays(1),
                    cursor.key(), earliest);
            cursor.advance(earliest);
            return earliest;
        }
        return next;
    }
}
