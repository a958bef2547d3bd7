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

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.cameldfinery.component.error.DfineryRateLimitException;
import io.github.cameldfinery.component.metrics.DfineryMetrics;
import io.github.cameldfinery.component.spi.DfineryExportBudget;

/**
 * One export call, made the same way by the export consumer and the export producer: a slot of the service's export
 * budget, the call, and its CSV body, read by the caller ({@link #read}) or handed out open ({@link #open}). The slot
 * is given back when the body is closed, read to its end or aborted, or at once when the call fails. Every call is
 * recorded in the meters ({@link DfineryMetrics#export}) with its outcome, the rows the caller counted and the bytes
 * read.
 */
public final class ExportDelivery {

    private final ExportClient client;
    private final Function<String, DfineryExportBudget> budgets;
    private final DfineryMetrics metrics;

    /**
     * @param budgets the export budget of each service
     */
    public ExportDelivery(ExportClient client, Function<String, DfineryExportBudget> budgets, DfineryMetrics metrics) {
        this.client = client;
        this.budgets = budgets;
        this.metrics = metrics;
    }

    /** Reads an export's body; counts the rows it reads in {@code rows}, for the meters. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(ExportBodyStream body, RowCount rows) throws Exception;
    }

    /** The rows a reader has read so far; a streamed body, which is not parsed, counts none. */
    public static final class RowCount {
        private long rows;

        public void set(long rows) {
            this.rows = rows;
        }

        public long get() {
            return rows;
        }
    }

    /**
     * Makes the call and reads its body with {@code reader}; the body is closed when the reader returns or throws.
     *
     * @throws DfineryRateLimitException refused locally (nothing sent) when the service's budget is spent for now
     */
    public <T> T read(String serviceId, String token, ExportRequest request, ExportProgress progress,
                      BodyReader<T> reader) throws Exception {
        ExportBodyStream body = call(serviceId, token, request, progress, opened -> () -> { });
        RowCount rows = new RowCount();
        progress.reading(body);
        try {
            T result = reader.read(body, rows);
            metrics.export(serviceId, request.dataset().name(), "success", rows.get(), body.bytes());
            return result;
        } catch (Exception e) {
            metrics.export(serviceId, request.dataset().name(), DfineryMetrics.kind(e), rows.get(), body.bytes());
            throw e;
        } finally {
            progress.doneReading();
            body.abort("the export call ended");
        }
    }

    /**
     * Makes the call and hands its body out open: whoever takes it closes it. The call is recorded once the body is
     * closed, with the bytes read by then, as failed when the body broke off.
     *
     * @throws DfineryRateLimitException refused locally (nothing sent) when the service's budget is spent for now
     */
    public ExportBodyStream open(String serviceId, String token, ExportRequest request) {
        return call(serviceId, token, request, ExportProgress.NONE, opened -> () -> {
            ExportBodyStream body = opened.get();
            if (body != null) {
                String outcome = body.brokeOff() ? DfineryMetrics.kind(body.connectionFailure()) : "success";
                metrics.export(serviceId, request.dataset().name(), outcome, 0, body.bytes());
            }
        });
    }

    /**
     * The call under a slot of the budget. {@code whenClosed} makes what runs after the slot is given back when the
     * body closes, from the body once it is handed out (null before: a failure answer's body is closed inside the
     * call, which is recorded as failed here).
     */
    private ExportBodyStream call(String serviceId, String token, ExportRequest request, ExportProgress progress,
                                  Function<AtomicReference<ExportBodyStream>, Runnable> whenClosed) {
        DfineryExportBudget budget = budgets.apply(serviceId);
        DfineryExportBudget.Permit permit = budget.tryAcquire();
        if (permit == null) {
            throw DfineryRateLimitException.refusedLocally("The export quota of " + budget.limit() + " calls per "
                    + budget.window() + " (or the concurrency limit) of service " + serviceId + " is spent; "
                    + "next call possible at " + budget.nextSlot(), budget.nextSlot());
        }
        // Given back once: by the body when it is closed, or here when there is none.
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                permit.close();
            }
        };
        AtomicReference<ExportBodyStream> opened = new AtomicReference<>();
        Runnable afterClose = whenClosed.apply(opened);
        progress.calling();
        ExportBodyStream body;
        try {
            body = client.open(request, serviceId, token, () -> {
                release.run();
                afterClose.run();
            });
        } catch (RuntimeException e) {
            release.run();
            metrics.export(serviceId, request.dataset().name(), DfineryMetrics.kind(e), 0, 0);
            throw e;
        } finally {
            progress.answered();
        }
        opened.set(body);
        return body;
    }
}
