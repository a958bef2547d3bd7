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

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.github.cameldfinery.component.api.DfineryConditionType;
import io.github.cameldfinery.component.api.DfineryExportDataset;
import io.github.cameldfinery.component.error.DfineryAuthenticationException;
import io.github.cameldfinery.component.error.DfineryExportFormatException;
import io.github.cameldfinery.component.export.ExportCursor;
import io.github.cameldfinery.component.export.ExportProgress;
import io.github.cameldfinery.component.export.ExportRequest;
import io.github.cameldfinery.component.export.ExportWindows;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;

/**
 * {@code from("dfinery:export")}. For events, each poll exports the closed day windows after the cursor, up to
 * yesterday (UTC), one call per window ({@link ExportWindows}); the cursor moves past a window only once the route has
 * processed every row of it ({@link ExportConsumerDelivery}), so delivery is at-least-once and a restart with a
 * persistent state repository neither skips nor repeats a day. For user profiles, each poll exports a snapshot.
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

    private final DfineryConfiguration config;
    private final ExportProgress progress = new ExportProgress(STALL_ON_STOP);
    private final ExportConsumerDelivery delivery;
    private ExportWindows windows;
    private Clock clock;
    private volatile ShutdownRunningTask shutdownRunningTask = ShutdownRunningTask.CompleteCurrentTaskOnly;

    public DfineryExportConsumer(DfineryEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.config = endpoint.getConfiguration();
        this.delivery = new ExportConsumerDelivery(this, config, progress);
    }

    @Override
    public DfineryEndpoint getEndpoint() {
        return (DfineryEndpoint) super.getEndpoint();
    }

    /** The consumer's health check: Camel's for polling consumers, and DOWN for readiness while a window is skipped. */
    @Override
    protected void doBuild() throws Exception {
        if (getHealthCheck() == null) {
            DfineryConsumerHealthCheck check = new DfineryConsumerHealthCheck(this, "consumer:" + getRouteId());
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
        progress.started();
        shutdownRunningTask = ShutdownRunningTask.CompleteCurrentTaskOnly;
        DfineryServices services = getEndpoint().services();
        clock = services.clock();
        if (config.getStateRepository() == null) {
            config.setStateRepository(new MemoryStateRepository());
        }
        // Beans from the registry (a Redis repository, claims) are started here, as Camel's EIPs start their
        // repositories; stopping them is left to their owner, as other endpoints may share them.
        ServiceHelper.startService(config.getStateRepository(), config.getExportClaims(), config.getIdempotentRepository());
        delivery.start(services.exportDelivery(config), services.metrics(), config.getIdempotentRepository() == null
                ? null : getEndpoint().getCamelContext().getExecutorServiceManager()
                        .newSingleThreadExecutor(this, "DfineryExportDeliveredRows"));
        ExportCursor cursor = new ExportCursor(config.getStateRepository(), cursorKey());
        LocalDate startDate = config.getStartDate() == null ? null : ExportRequest.date(config.getStartDate(), "startDate");
        windows = new ExportWindows(cursor, config.getExportClaims(), new ExportWindows.Settings(startDate,
                config.getWindowDays(), config.getMaxWindowsPerPoll(), config.getLookbackDays()), progress,
                services.metrics(), config.getServiceId());
        if (config.getDataset() == DfineryExportDataset.events) {
            ExportWindows polled = windows;
            services.metrics().exportCursorLag(config.getServiceId(), cursor.key(), polled::lagDays);
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        progress.abort("the export consumer stopped", true);
        // Stops the poll; a poll still waiting for an answer is interrupted.
        super.doStop();
        // Waits for a record in progress: the polling thread it belongs to has been stopped above.
        delivery.stop(recorder -> getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(recorder));
    }

    @Override
    protected void doResume() throws Exception {
        progress.resumed();
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
        progress.stopping();
        return false;
    }

    /**
     * 1 while a window is being exported, so a graceful stop waits for it to finish; 0 when none is, or when its
     * export call has had no answer for {@link #STALL_ON_STOP} (the stop then interrupts it). A body that stalls is
     * aborted by its own timer, which ends the window.
     */
    @Override
    public int getPendingExchangesSize() {
        return progress.pending() ? 1 : 0;
    }

    /** With {@code forced}, the shutdown timeout ran out: the body being read is aborted now. */
    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        progress.stopping();
        if (forced) {
            progress.abort("the shutdown timeout ran out before the window was read to its end", false);
        }
    }

    /** Whether the poll goes on with its next window: while running, or finishing the poll's windows on a stop. */
    private boolean nextWindowAllowed() {
        return isRunAllowed() && !progress.isStopping()
               || progress.isStopping() && !progress.isAborting()
                  && shutdownRunningTask == ShutdownRunningTask.CompleteAllTasks;
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
        int rows = config.getDataset() == DfineryExportDataset.userProfiles ? snapshot(today)
                : windows.poll(today, this::nextWindowAllowed, delivery);
        forceConsumerAsReady();
        return rows;
    }

    /** Exports and delivers a snapshot of the user profiles: the rows delivered, 0 when none were. */
    private int snapshot(LocalDate today) throws Exception {
        progress.windowStarted();
        try {
            ExportWindows.Outcome outcome = delivery.deliver(config.exportRequest(null, null, today));
            if (outcome.kind() == ExportWindows.Outcome.Kind.DELIVERED) {
                delivery.completed();
            }
            return outcome.rows();
        } finally {
            progress.windowEnded();
        }
    }

    /** The window last skipped for a format error, until a window is delivered; null when none. */
    DfineryExportFormatException skippedWindow() {
        return delivery.skippedWindow();
    }
}
