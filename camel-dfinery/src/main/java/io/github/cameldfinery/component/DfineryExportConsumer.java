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

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.github.cameldfinery.component.api.DfineryConditionType;
import io.github.cameldfinery.component.api.DfineryExportDataset;
import io.github.cameldfinery.component.error.DfineryAuthenticationException;
import io.github.cameldfinery.component.error.DfineryConnectionException;
import io.github.cameldfinery.component.error.DfineryExportFormatException;
import io.github.cameldfinery.component.export.CsvRows;
import io.github.cameldfinery.component.export.ExportBodyStream;
import io.github.cameldfinery.component.export.ExportClient;
import io.github.cameldfinery.component.export.ExportCursor;
import io.github.cameldfinery.component.export.ExportRequest;
import io.github.cameldfinery.component.metrics.DfineryMetrics;
import io.github.cameldfinery.component.spi.DfineryExportBudget;
import io.github.cameldfinery.component.spi.DfineryExportClaims;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("dfinery:export")}. For events, each poll exports the closed day windows after the cursor, up to
 * yesterday (UTC), one call per window; the cursor moves past a window only once the route has processed every
 * row of it, so delivery is at-least-once and a restart with a persistent state repository neither skips nor
 * repeats a day. For user profiles, each poll exports a snapshot.
 */
public class DfineryExportConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(DfineryExportConsumer.class);
    private static final DfineryExportClaims.Claim NO_CLAIM = () -> { };
    private static final String EVENT_LOG_ID = "df_event_log_id";

    private final DfineryConfiguration config;
    private ExportClient exportClient;
    /** The body being read now, aborted when the consumer stops so that the poll thread is not held. */
    private volatile ExportBodyStream current;
    private ExportCursor cursor;
    private DfineryExportBudget quota;
    private DfineryMetrics metrics;
    private Clock clock;
    /** Makes the idempotent repository's records, with idempotentRepository only. */
    private volatile ExecutorService recorder;
    /** Closed days not exported yet, as of the last poll; NaN before it. */
    private volatile double lagDays = Double.NaN;

    public DfineryExportConsumer(DfineryEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.config = endpoint.getConfiguration();
    }

    @Override
    public DfineryEndpoint getEndpoint() {
        return (DfineryEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        DfineryServices services = getEndpoint().services();
        exportClient = services.exportClient(config);
        quota = services.exportBudget(config.getServiceId(), config);
        clock = services.clock();
        if (config.getStateRepository() == null) {
            config.setStateRepository(new MemoryStateRepository());
        }
        // Beans from the registry (a Redis repository, claims) are started here, as Camel's EIPs start their
        // repositories; stopping them is left to their owner, as other endpoints may share them.
        ServiceHelper.startService(config.getStateRepository(), config.getExportClaims(), config.getIdempotentRepository());
        if (config.getIdempotentRepository() != null) {
            recorder = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "DfineryExportDeliveredRows");
        }
        cursor = new ExportCursor(config.getStateRepository(), cursorKey());
        metrics = services.metrics();
        if (config.getDataset() == DfineryExportDataset.events) {
            metrics.exportCursorLag(config.getServiceId(), cursor.key(), () -> lagDays);
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        ExportBodyStream reading = current;
        if (reading != null) {
            reading.abort("the export consumer stopped");
        }
        super.doStop();
        // A stopped route may be kept by JMX: it must not keep the HTTP client, and its threads, with it.
        exportClient = null;
        if (recorder != null) {
            // Waits for a record in progress: the polling thread it belongs to has been stopped above.
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(recorder);
            recorder = null;
        }
    }

    private String cursorKey() {
        if (ObjectHelper.isNotEmpty(config.getCursorKey())) {
            return config.getCursorKey();
        }
        String filter = config.getEventsConditionType() == DfineryConditionType.all ? "all"
                : config.getEventsConditionType() + ":" + config.getEvents();
        return "dfinery-export/" + config.getServiceId() + "/events/" + filter;
    }

    @Override
    protected int poll() throws Exception {
        if (ObjectHelper.isEmpty(config.getBearerToken())) {
            throw DfineryAuthenticationException.missingToken("bearerToken", DfinerySecrets.BEARER_TOKEN);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int rows;
        if (config.getDataset() == DfineryExportDataset.userProfiles) {
            try {
                rows = Math.max(0, exportOnce(config.exportRequest(null, null, today)));
            } catch (DfineryExportFormatException e) {
                onFormatError(e);
                rows = 0;
            }
        } else {
            rows = exportWindows(config, today);
        }
        forceConsumerAsReady();
        return rows;
    }

    private int exportWindows(DfineryConfiguration config, LocalDate today) throws Exception {
        LocalDate yesterday = today.minusDays(1);
        LocalDate initial = config.getStartDate() == null ? yesterday
                : ExportRequest.date(config.getStartDate(), "startDate");
        int rows = 0;
        LocalDate reached = null;
        for (int windows = 0; windows < config.getMaxWindowsPerPoll() && isRunAllowed(); windows++) {
            LocalDate next = clampToLookback(cursor, cursor.next(initial), today, config.getLookbackDays());
            reached = next;
            LocalDate to = next.plusDays(config.getWindowDays() - 1L);
            if (to.isAfter(yesterday)) {
                break;
            }
            try (DfineryExportClaims.Claim claim = claim(next, to)) {
                if (claim == null) {
                    LOG.debug("Export window {}..{} of {} is claimed by another replica", next, to, cursor.key());
                    break;
                }
                if (config.getExportClaims() != null && !cursor.next(initial).equals(next)) {
                    // Another replica finished this window between our look at the cursor and our claim.
                    continue;
                }
                int delivered;
                try {
                    delivered = exportOnce(config.exportRequest(next, to, today));
                } catch (DfineryExportFormatException e) {
                    metrics.exportWindow(config.getServiceId(), false);
                    onFormatError(e);
                    // skipped: recorded, and the cursor moves past the window
                    cursor.advance(to.plusDays(1));
                    reached = to.plusDays(1);
                    continue;
                } catch (Exception e) {
                    metrics.exportWindow(config.getServiceId(), false);
                    throw e;
                }
                if (delivered < 0) {
                    break;
                }
                rows += delivered;
                cursor.advance(to.plusDays(1));
                reached = to.plusDays(1);
                metrics.exportWindow(config.getServiceId(), true);
            }
        }
        if (reached != null) {
            // Where the cursor stands, as this poll last read or moved it: no read of the repository for a gauge.
            lagDays = Math.max(0, ChronoUnit.DAYS.between(reached, today));
        }
        return rows;
    }

    /**
     * Applies exportFormatErrorPolicy to a window whose body is not the expected CSV: returns when the window is to
     * be skipped, throws otherwise (the cursor stays).
     */
    private void onFormatError(DfineryExportFormatException e) {
        DfineryExportFormatErrorPolicy policy = config.getExportFormatErrorPolicy();
        metrics.exportFormatError(config.getServiceId(), policy.name());
        switch (policy) {
            case skip:
                LOG.error("{}; exportFormatErrorPolicy=skip: the window is skipped, its rows are not delivered",
                        e.getMessage());
                return;
            case stop:
                LOG.error("{}; exportFormatErrorPolicy=stop: the route {} is stopped, the cursor stays", e.getMessage(),
                        getRouteId());
                stopRoute();
                throw e;
            default:
                // The poll fails with it: the consumer's readiness check shows it until a poll succeeds.
                throw e;
        }
    }

    /** Stops this consumer's route from another thread: the route stop waits for the poll that asks for it. */
    private void stopRoute() {
        String routeId = getRouteId();
        if (routeId == null) {
            return;
        }
        ExecutorServiceManager threads = getEndpoint().getCamelContext().getExecutorServiceManager();
        ExecutorService stopper = threads.newSingleThreadExecutor(this, "DfineryStopRoute");
        stopper.execute(() -> {
            try {
                getEndpoint().getCamelContext().getRouteController().stopRoute(routeId);
            } catch (Exception failure) {
                LOG.error("Could not stop the route {}", routeId, failure);
            }
        });
        threads.shutdown(stopper);
    }

    /** The claim on a window: always granted without claims (one replica), else as the claims decide. */
    private DfineryExportClaims.Claim claim(LocalDate from, LocalDate to) {
        DfineryExportClaims claims = config.getExportClaims();
        return claims == null ? NO_CLAIM : claims.tryClaim(cursor.key(), from, to);
    }

    /** One export call within the budget: the rows delivered, or -1 when the budget is spent for now. */
    private int exportOnce(ExportRequest request) throws Exception {
        try (DfineryExportBudget.Permit permit = quota.tryAcquire()) {
            if (permit == null) {
                LOG.debug("Export quota of service {} spent; next call possible at {}", config.getServiceId(),
                        quota.nextSlot());
                return -1;
            }
            return deliver(request);
        }
    }

    private LocalDate clampToLookback(ExportCursor cursor, LocalDate next, LocalDate today, int lookbackDays) {
        LocalDate earliest = today.minusDays(lookbackDays);
        if (next.isBefore(earliest)) {
            LOG.warn("DFINERY exports events of the last {} days only: the days {} to {} can no longer be exported "
                     + "and are skipped (cursor {} moves to {})", lookbackDays, next, earliest.minusDays(1), cursor.key(),
                    earliest);
            cursor.advance(earliest);
            return earliest;
        }
        return next;
    }

    /** Sends the export's rows through the route; throws when the call or any row fails, so the window is retried. */
    private int deliver(ExportRequest request) throws Exception {
        ExportBodyStream body;
        try {
            body = exportClient.open(request, config.getServiceId(), config.getBearerToken(), () -> { });
        } catch (RuntimeException e) {
            metrics.export(config.getServiceId(), request.dataset().name(), DfineryMetrics.kind(e), 0, 0);
            throw e;
        }
        long[] rows = new long[1];
        current = body;
        try {
            int delivered = deliver(request, body, rows);
            metrics.export(config.getServiceId(), request.dataset().name(), "success", rows[0], body.bytes());
            return delivered;
        } catch (Exception e) {
            metrics.export(config.getServiceId(), request.dataset().name(), DfineryMetrics.kind(e), rows[0], body.bytes());
            throw e;
        } finally {
            current = null;
            body.abort("the export call ended");
        }
    }

    /**
     * Delivers the body's rows; {@code rows[0]} counts them as they go. A streamed body is not parsed here, so its
     * rows are not counted: the route reads the CSV itself (its bytes are counted).
     */
    private int deliver(ExportRequest request, ExportBodyStream body, long[] rows) throws Exception {
        if (config.getOutputMode() == DfineryExportOutput.stream) {
            try (body) {
                Exchange exchange = exchange(request);
                exchange.getMessage().setBody(body);
                process(exchange, request, 0);
                body.finish();
            } catch (IOException e) {
                throw new DfineryConnectionException("The export body of "
                        + describe(request) + " ended early; the window will be exported again", true, e);
            }
            return 1;
        }
        long count = 0;
        RowKeys keys = new RowKeys();
        try (body; CsvRows csv = new CsvRows(body, request.requiredColumns())) {
            List<Map<String, String>> batch = new ArrayList<>();
            long batchStart = 0;
            while (csv.hasNext()) {
                Map<String, String> row = csv.next();
                count++;
                rows[0] = count;
                if (config.getOutputMode() == DfineryExportOutput.rows) {
                    String key = deliveredKey(row, request, csv.index(), keys);
                    if (key != null && !isRunAllowed()) {
                        // A row started now could go downstream after the consumer stopped recording rows.
                        throw new RuntimeCamelException("The consumer stopped before row " + csv.index() + " of "
                                                        + describe(request) + "; the window will be exported again");
                    }
                    if (key != null && config.getIdempotentRepository().contains(key)) {
                        LOG.trace("Row {} of {} was delivered before: skipped", key, describe(request));
                        continue;
                    }
                    Exchange exchange = exchange(request);
                    exchange.getMessage().setBody(row);
                    mark(exchange, csv.index(), csv.isLast(), count);
                    if (key != null) {
                        recordOnCompletion(exchange, key);
                    }
                    process(exchange, request, csv.index());
                    continue;
                }
                batch.add(row);
                if (batch.size() == config.getBatchSize() || csv.isLast()) {
                    Exchange exchange = exchange(request);
                    exchange.getMessage().setBody(batch);
                    mark(exchange, batchStart, csv.isLast(), count);
                    exchange.setProperty(Exchange.BATCH_INDEX, (int) (batchStart / config.getBatchSize()));
                    process(exchange, request, batchStart);
                    batch = new ArrayList<>();
                    batchStart = count;
                }
            }
        } catch (IOException e) {
            throw new DfineryConnectionException("The export body of "
                    + describe(request) + " ended early after " + count + " rows; the window will be exported again",
                    true, e);
        }
        return (int) Math.min(Integer.MAX_VALUE, count);
    }

    /**
     * The key a row is recorded under in the idempotent repository, or null without one: its df_event_log_id, which
     * DFINERY gives each event once and every export of the event repeats. An event with several items comes as
     * consecutive rows, one per item: the second is keyed {@code <df_event_log_id>/1}, the third {@code …/2}, and so on.
     */
    private String deliveredKey(Map<String, String> row, ExportRequest request, long index, RowKeys keys) {
        if (config.getIdempotentRepository() == null) {
            return null;
        }
        String id = row.get(EVENT_LOG_ID);
        if (ObjectHelper.isEmpty(id)) {
            throw new IllegalStateException("idempotentRepository needs the " + EVENT_LOG_ID + " column, which row "
                                            + index + " of " + describe(request) + " does not have");
        }
        return keys.next(id);
    }

    /**
     * Adds the row's key to the idempotent repository when its exchange completes without an exception. The record
     * is made on a thread of its own: stopping the consumer interrupts the polling thread, possibly after the route
     * took the row, and an interrupted record (a file channel closed by the interrupt, a Redis call cut short) would
     * let the row be delivered again. join() waits without reacting to the interrupt.
     */
    private void recordOnCompletion(Exchange exchange, String key) {
        IdempotentRepository delivered = config.getIdempotentRepository();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange completed) {
                ExecutorService thread = recorder;
                if (thread != null) {
                    try {
                        CompletableFuture.runAsync(() -> delivered.add(key), thread).join();
                        return;
                    } catch (RejectedExecutionException stopped) {
                        // The consumer finished stopping while the route held this row: record it here.
                    }
                }
                delivered.add(key);
            }
        });
    }

    /** Numbers the rows of one event (one per item) within an export. */
    private static final class RowKeys {
        private String previous;
        private int item;

        String next(String id) {
            item = id.equals(previous) ? item + 1 : 0;
            previous = id;
            return item == 0 ? id : id + "/" + item;
        }
    }

    private Exchange exchange(ExportRequest request) {
        Exchange exchange = createExchange(false);
        ServiceIds.write(exchange, config.getServiceId());
        exchange.getMessage().setHeader(DfineryConstants.EXPORT_DATASET, request.dataset());
        if (request.from() != null) {
            // ISO text, not a LocalDate: Spring Boot's conversion service would make a file name like 11/28/26
            exchange.getMessage().setHeader(DfineryConstants.EXPORT_FROM_DATE, request.from().toString());
            exchange.getMessage().setHeader(DfineryConstants.EXPORT_TO_DATE, request.to().toString());
        }
        return exchange;
    }

    private static void mark(Exchange exchange, long index, boolean last, long count) {
        exchange.getMessage().setHeader(DfineryConstants.EXPORT_ROW_INDEX, index);
        exchange.getMessage().setHeader(DfineryConstants.EXPORT_LAST_ROW, last);
        if (last) {
            exchange.getMessage().setHeader(DfineryConstants.EXPORT_ROW_COUNT, count);
            exchange.setProperty(Exchange.BATCH_COMPLETE, true);
        }
    }

    private void process(Exchange exchange, ExportRequest request, long index) {
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception failure = exchange.getException();
        releaseExchange(exchange, false);
        if (failure != null) {
            throw new RuntimeCamelException("The route failed on row " + index + " of " + describe(request)
                                            + "; the cursor stays and the window will be exported again", failure);
        }
    }

    private static String describe(ExportRequest request) {
        return request.describe();
    }
}
