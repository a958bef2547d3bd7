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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
import io.github.cameldfinery.component.export.RowKeys;
import io.github.cameldfinery.component.metrics.DfineryMetrics;
import io.github.cameldfinery.component.spi.DfineryExportBudget;
import io.github.cameldfinery.component.spi.DfineryExportClaims;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.ShutdownAware;
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
 *
 * <p>A graceful stop (Camel's shutdown strategy, which stops or suspends routes) lets the window being read finish
 * within the shutdown timeout, as Camel's batch consumers finish their current task ({@link ShutdownAware}): no new
 * window starts, and the stop waits while the body's bytes still come. A body that stalls then, no byte for
 * {@link #STALL_ON_STOP}, is aborted, and so is an export call still without an answer that long after it went out,
 * so a stop never waits on a server that stopped sending; what the timeout cuts short is aborted too. An aborted
 * window is exported again after the restart.
 */
public class DfineryExportConsumer extends ScheduledPollConsumer implements ShutdownAware {

    /** While the consumer stops: how long a body (or the answer to an export call) may go without a byte. */
    public static final Duration STALL_ON_STOP = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(DfineryExportConsumer.class);
    private static final DfineryExportClaims.Claim NO_CLAIM = () -> { };

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
    /** A window (or snapshot) is being exported: from its claim to its cursor's move; a graceful stop waits for it. */
    private volatile boolean windowInProgress;
    /** When the export call of the window in progress went out; the answer to it came once {@code answered}. */
    private volatile long callSentNanos;
    private volatile boolean answered;
    /** A graceful stop (or suspension) has begun: no new window starts, a stalled body is aborted. */
    private volatile boolean stopping;
    private volatile ShutdownRunningTask shutdownRunningTask = ShutdownRunningTask.CompleteCurrentTaskOnly;
    /** The consumer is stopping for good: nothing more goes to the route. */
    private volatile boolean aborting;
    /** The last format error, to tell one the body proves (the same again) from a body cut short. */
    private volatile DfineryExportFormatException lastFormatError;
    /** The window last skipped under exportFormatErrorPolicy=skip, shown by the health check until a window completes. */
    private volatile DfineryExportFormatException skippedWindow;
    /** Columns already warned about, once per consumer. */
    private final Set<String> warnedColumns = ConcurrentHashMap.newKeySet();

    public DfineryExportConsumer(DfineryEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.config = endpoint.getConfiguration();
    }

    @Override
    public DfineryEndpoint getEndpoint() {
        return (DfineryEndpoint) super.getEndpoint();
    }

    /** The consumer's health check: Camel's for polling consumers, and DOWN for readiness while a window is skipped. */
    @Override
    protected void doBuild() throws Exception {
        if (getHealthCheck() == null) {
            ExportHealthCheck check = new ExportHealthCheck(this, "consumer:" + getRouteId());
            HealthCheck.State initial = initialHealthCheckState();
            if (initial != null) {
                check.setInitialState(initial);
            }
            setHealthCheck(check);
        }
        super.doBuild();
    }

    @Override
    protected void doStart() throws Exception {
        stopping = false;
        aborting = false;
        shutdownRunningTask = ShutdownRunningTask.CompleteCurrentTaskOnly;
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
        aborting = true;
        stopping = true;
        ExportBodyStream reading = current;
        if (reading != null) {
            reading.abort("the export consumer stopped");
        }
        // Stops the poll; a poll still waiting for an answer is interrupted.
        super.doStop();
        // A stopped route may be kept by JMX: it must not keep the HTTP client, and its threads, with it.
        exportClient = null;
        if (recorder != null) {
            // Waits for a record in progress: the polling thread it belongs to has been stopped above.
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(recorder);
            recorder = null;
        }
    }

    @Override
    protected void doResume() throws Exception {
        stopping = false;
        super.doResume();
    }

    /**
     * Called as a graceful stop or suspension begins. The consumer is then suspended, so no new window starts (with
     * {@link ShutdownRunningTask#CompleteAllTasks}, the windows of the poll in progress do), and the window being read
     * goes on: {@link #getPendingExchangesSize()} makes the stop wait for it.
     */
    @Override
    public boolean deferShutdown(ShutdownRunningTask task) {
        shutdownRunningTask = task == null ? ShutdownRunningTask.CompleteCurrentTaskOnly : task;
        beginStop();
        return false;
    }

    /**
     * 1 while a window is being exported, so a graceful stop waits for it to finish; 0 when none is, or when its
     * export call has had no answer for {@link #STALL_ON_STOP} (the stop then interrupts it). A body that stalls is
     * aborted by its own timer, which ends the window.
     */
    @Override
    public int getPendingExchangesSize() {
        if (!windowInProgress || aborting) {
            return 0;
        }
        if (!answered && System.nanoTime() - callSentNanos >= STALL_ON_STOP.toNanos()) {
            return 0;
        }
        return 1;
    }

    /** With {@code forced}, the shutdown timeout ran out: the body being read is aborted now. */
    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        beginStop();
        if (forced) {
            ExportBodyStream reading = current;
            if (reading != null) {
                reading.abort("the shutdown timeout ran out before the window was read to its end");
            }
        }
    }

    private void beginStop() {
        stopping = true;
        ExportBodyStream reading = current;
        if (reading != null) {
            reading.stopping(STALL_ON_STOP);
        }
    }

    /** Whether the poll goes on with its next window: while running, or finishing the poll's windows on a stop. */
    private boolean nextWindowAllowed() {
        return isRunAllowed() && !stopping
               || stopping && !aborting && shutdownRunningTask == ShutdownRunningTask.CompleteAllTasks;
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
            windowInProgress = true;
            callSentNanos = System.nanoTime();
            answered = false;
            try {
                rows = exportOnce(config.exportRequest(null, null, today));
                if (rows >= 0) {
                    windowCompleted();
                }
                rows = Math.max(0, rows);
            } catch (DfineryExportFormatException e) {
                onFormatError(e);
                rows = 0;
            } finally {
                windowInProgress = false;
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
        for (int windows = 0; windows < config.getMaxWindowsPerPoll() && nextWindowAllowed(); windows++) {
            LocalDate next = clampToLookback(cursor, cursor.next(initial), today, config.getLookbackDays());
            reached = next;
            LocalDate to = next.plusDays(config.getWindowDays() - 1L);
            if (to.isAfter(yesterday)) {
                break;
            }
            windowInProgress = true;
            callSentNanos = System.nanoTime();
            answered = false;
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
                windowCompleted();
            } finally {
                windowInProgress = false;
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
     * be skipped, throws otherwise (the cursor stays). A window is skipped, or the route stopped, only for an error
     * the body proves: the same error at the same line when the window is exported again. The first time, the poll
     * fails with it whatever the policy, and the window is exported again at the next poll.
     */
    private void onFormatError(DfineryExportFormatException e) {
        DfineryExportFormatErrorPolicy policy = config.getExportFormatErrorPolicy();
        DfineryExportFormatException previous = lastFormatError;
        lastFormatError = e;
        boolean proven = previous != null && previous.getWindow().equals(e.getWindow())
                         && previous.getLine() == e.getLine() && Objects.equals(previous.getProblem(), e.getProblem());
        if (policy != DfineryExportFormatErrorPolicy.retry && !proven) {
            metrics.exportFormatError(config.getServiceId(), DfineryExportFormatErrorPolicy.retry.name());
            LOG.warn("{}; exportFormatErrorPolicy={}: the window is exported again first, and {} only if the same "
                     + "error comes again at the same line", e.getMessage(), policy,
                    policy == DfineryExportFormatErrorPolicy.skip ? "skipped" : "the route stopped");
            throw e;
        }
        metrics.exportFormatError(config.getServiceId(), policy.name());
        switch (policy) {
            case skip:
                LOG.error("{}; the same error came twice: exportFormatErrorPolicy=skip skips the window, its rows are not "
                          + "delivered (the consumer's readiness check is DOWN until a window is delivered)",
                        e.getMessage());
                lastFormatError = null;
                skippedWindow = e;
                return;
            case stop:
                LOG.error("{}; the same error came twice: exportFormatErrorPolicy=stop stops the route {}, the cursor "
                          + "stays", e.getMessage(), getRouteId());
                stopRoute();
                throw e;
            default:
                // The poll fails with it: the consumer's readiness check shows it until a poll succeeds.
                throw e;
        }
    }

    /** A window (or snapshot) was delivered whole and the cursor moved past it. */
    private void windowCompleted() {
        lastFormatError = null;
        skippedWindow = null;
    }

    /** The window last skipped for a format error, until a window is delivered; null when none. */
    DfineryExportFormatException skippedWindow() {
        return skippedWindow;
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
        callSentNanos = System.nanoTime();
        answered = false;
        try {
            body = exportClient.open(request, config.getServiceId(), config.getBearerToken(), () -> { });
        } catch (RuntimeException e) {
            metrics.export(config.getServiceId(), request.dataset().name(), DfineryMetrics.kind(e), 0, 0);
            throw e;
        } finally {
            answered = true;
        }
        long[] rows = new long[1];
        current = body;
        if (aborting) {
            body.abort("the export consumer stopped");
        } else if (stopping) {
            body.stopping(STALL_ON_STOP);
        }
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
        RowKeys keys = config.getIdempotentRepository() == null ? null : new RowKeys(request.dataset());
        try (body; CsvRows csv = new CsvRows(body, requiredColumns(request, keys))) {
            checkColumns(request, csv.header());
            List<Map<String, String>> batch = new ArrayList<>();
            long batchStart = 0;
            while (csv.hasNext()) {
                Map<String, String> row = csv.next();
                count++;
                rows[0] = count;
                if (aborting) {
                    // A row started now could go downstream after the consumer stopped recording rows.
                    throw new RuntimeCamelException("The consumer stopped before row " + csv.index() + " of "
                                                    + describe(request) + "; the window will be exported again");
                }
                if (config.getOutputMode() == DfineryExportOutput.rows) {
                    String key = deliveredKey(row, request, csv, keys);
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
        } catch (DfineryConnectionException e) {
            throw new DfineryConnectionException("The export body of " + describe(request) + " ended early after "
                    + count + " rows; the window will be exported again: " + e.getMessage(), true, e);
        } catch (IOException e) {
            throw new DfineryConnectionException("The export body of "
                    + describe(request) + " ended early after " + count + " rows; the window will be exported again",
                    true, e);
        }
        return (int) Math.min(Integer.MAX_VALUE, count);
    }

    /**
     * The columns the consumer needs: df_unified_id, which tells an export's CSV, and with an idempotentRepository
     * the column its row keys are made from.
     */
    private static Map<String, String> requiredColumns(ExportRequest request, RowKeys keys) {
        Map<String, String> required = new LinkedHashMap<>();
        request.requiredColumns().forEach(column -> required.put(column, "which DFINERY includes in every export"));
        if (keys != null) {
            required.putIfAbsent(keys.idColumn(), "which the consumer's idempotentRepository keys its rows by");
        }
        return required;
    }

    /**
     * A documented column missing, or (for an export that names its properties) a column nobody asked for: the rows
     * are delivered all the same; each is counted per export call and warned about once per consumer.
     */
    private void checkColumns(ExportRequest request, List<String> header) {
        Set<String> columns = new HashSet<>(header);
        String dataset = request.dataset().name();
        for (String documented : request.documentedColumns()) {
            if (!columns.contains(documented)) {
                metrics.exportColumnMissing(config.getServiceId(), dataset, documented);
                if (warnedColumns.add("missing:" + documented)) {
                    LOG.warn("The {} has no column {}, which DFINERY documents for it; its rows are delivered without it "
                             + "(warned once; meter dfinery.export.columns.missing)", describe(request), documented);
                }
            }
        }
        if (request.namesItsColumns()) {
            Set<String> expected = new HashSet<>(request.requiredColumns());
            expected.addAll(request.documentedColumns());
            expected.addAll(request.properties());
            List<String> added = header.stream().filter(column -> !expected.contains(column)).toList();
            if (!added.isEmpty()) {
                metrics.exportColumnsAdded(config.getServiceId(), dataset);
                for (String column : added) {
                    if (warnedColumns.add("added:" + column)) {
                        LOG.warn("The {} has a column {} that is neither documented nor among the properties asked for; "
                                 + "its rows are delivered with it (warned once; meter dfinery.export.columns.added)",
                                describe(request), column);
                    }
                }
            }
        }
    }

    /**
     * The key a row is recorded under in the idempotent repository, or null without one: what the row is, as
     * {@link RowKeys} makes it, never its place in the body.
     */
    private String deliveredKey(Map<String, String> row, ExportRequest request, CsvRows csv, RowKeys keys) {
        if (keys == null) {
            return null;
        }
        String id = row.get(keys.idColumn());
        if (ObjectHelper.isEmpty(id)) {
            throw new DfineryExportFormatException(describe(request), csv.rowLine(), "the row has no " + keys.idColumn()
                    + ", which the consumer's idempotentRepository keys its rows by", null);
        }
        return keys.next(id, row);
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
