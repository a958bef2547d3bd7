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
import java.time.LocalDate;
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
import java.util.function.Consumer;

import io.github.cameldfinery.component.error.DfineryConnectionException;
import io.github.cameldfinery.component.error.DfineryExportFormatException;
import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.export.CsvRows;
import io.github.cameldfinery.component.export.ExportBodyStream;
import io.github.cameldfinery.component.export.ExportDelivery;
import io.github.cameldfinery.component.export.ExportProgress;
import io.github.cameldfinery.component.export.ExportRequest;
import io.github.cameldfinery.component.export.ExportWindows;
import io.github.cameldfinery.component.export.RowKeys;
import io.github.cameldfinery.component.metrics.DfineryMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the export consumer delivers a window (or snapshot) to its route: each row, or batches of them, or the CSV
 * stream, as outputMode says; rows delivered before skipped with an idempotentRepository; and a body that is not the
 * expected CSV handled as exportFormatErrorPolicy says. Which windows are exported is {@link ExportWindows}'s.
 */
final class ExportConsumerDelivery implements ExportWindows.WindowDelivery {

    /** The consumer's category: what it logs about rows, columns and format errors is configured there. */
    private static final Logger LOG = LoggerFactory.getLogger(DfineryExportConsumer.class);

    private final DfineryExportConsumer consumer;
    private final DfineryConfiguration config;
    private final ExportProgress progress;
    /** What the running component gives: the export call, the meters, the recorder; set at each start. */
    private volatile ExportDelivery delivery;
    private volatile DfineryMetrics metrics = DfineryMetrics.NONE;
    /** Makes the idempotent repository's records, with idempotentRepository only. */
    private volatile ExecutorService recorder;
    /** The last format error, to tell one the body proves (the same again) from a body cut short. */
    private volatile DfineryExportFormatException lastFormatError;
    /** The window last skipped under exportFormatErrorPolicy=skip, shown by the health check until a window completes. */
    private volatile DfineryExportFormatException skippedWindow;
    /** Columns already warned about, once per consumer. */
    private final Set<String> warnedColumns = ConcurrentHashMap.newKeySet();

    ExportConsumerDelivery(DfineryExportConsumer consumer, DfineryConfiguration config, ExportProgress progress) {
        this.consumer = consumer;
        this.config = config;
        this.progress = progress;
    }

    /**
     * The consumer starts: its calls go through {@code delivery}.
     *
     * @param recorder the thread that records delivered rows in the idempotent repository; null without one
     */
    void start(ExportDelivery delivery, DfineryMetrics metrics, ExecutorService recorder) {
        this.delivery = delivery;
        this.metrics = metrics;
        this.recorder = recorder;
    }

    /**
     * The consumer stopped: {@code shutdown} ends the recorder, waiting for a record in progress; a row the route
     * completes after that is recorded on the thread that completes it. A stopped route may be kept by JMX: it must
     * not keep the HTTP client, and its threads, with it.
     */
    void stop(Consumer<ExecutorService> shutdown) {
        delivery = null;
        ExecutorService stopped = recorder;
        if (stopped != null) {
            shutdown.accept(stopped);
        }
        recorder = null;
    }

    @Override
    public ExportWindows.Outcome deliver(LocalDate from, LocalDate to, LocalDate today) throws Exception {
        return deliver(config.exportRequest(from, to, today));
    }

    /**
     * Exports and delivers one window or snapshot: delivered, budget spent, or skipped for a format error the body
     * proves (exportFormatErrorPolicy=skip); throws when it is to be exported again.
     */
    ExportWindows.Outcome deliver(ExportRequest request) throws Exception {
        try {
            return ExportWindows.Outcome.delivered(delivery.read(config.getServiceId(), config.getBearerToken(), request,
                    progress, (body, rows) -> toRoute(request, body, rows)));
        } catch (DfineryRateLimitException e) {
            if (!e.isRefusedLocally()) {
                throw e;
            }
            LOG.debug("{}", e.getMessage());
            return ExportWindows.Outcome.budgetSpent();
        } catch (DfineryExportFormatException e) {
            onFormatError(e);
            return ExportWindows.Outcome.skipped();
        }
    }

    /** A window (or snapshot) was delivered whole and the cursor moved past it. */
    @Override
    public void completed() {
        lastFormatError = null;
        skippedWindow = null;
    }

    /** The window last skipped for a format error, until a window is delivered; null when none. */
    DfineryExportFormatException skippedWindow() {
        return skippedWindow;
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
                          + "stays", e.getMessage(), consumer.getRouteId());
                stopRoute();
                throw e;
            default:
                // The poll fails with it: the consumer's readiness check shows it until a poll succeeds.
                throw e;
        }
    }

    /** Stops the consumer's route from another thread: the route stop waits for the poll that asks for it. */
    private void stopRoute() {
        String routeId = consumer.getRouteId();
        if (routeId == null) {
            return;
        }
        ExecutorServiceManager threads = consumer.getEndpoint().getCamelContext().getExecutorServiceManager();
        ExecutorService stopper = threads.newSingleThreadExecutor(consumer, "DfineryStopRoute");
        stopper.execute(() -> {
            try {
                consumer.getEndpoint().getCamelContext().getRouteController().stopRoute(routeId);
            } catch (Exception failure) {
                LOG.error("Could not stop the route {}", routeId, failure);
            }
        });
        threads.shutdown(stopper);
    }

    /**
     * Sends the body's rows through the route, counting them in {@code rows} as they go; throws when any row fails,
     * so the window is exported again. A streamed body is not parsed here, so its rows are not counted: the route
     * reads the CSV itself (its bytes are counted).
     */
    private int toRoute(ExportRequest request, ExportBodyStream body, ExportDelivery.RowCount rows) throws Exception {
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
                rows.set(count);
                if (progress.isAborting()) {
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
        Exchange exchange = consumer.createExchange(false);
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
            consumer.getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception failure = exchange.getException();
        consumer.releaseExchange(exchange, false);
        if (failure != null) {
            throw new RuntimeCamelException("The route failed on row " + index + " of " + describe(request)
                                            + "; the cursor stays and the window will be exported again", failure);
        }
    }

    private static String describe(ExportRequest request) {
        return request.describe();
    }
}
