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

import java.util.Map;

import io.github.cameldfinery.component.error.DfineryExportFormatException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * The export consumer's check {@code consumer:<route id>}, which Camel's consumers repository runs for the route, as
 * for every polling consumer, and the component's healthCheckConsumerEnabled turns off: Camel's for polling consumers
 * (DOWN while polls fail), and for readiness also DOWN while a window skipped under exportFormatErrorPolicy=skip
 * stands, that is until the next window is delivered. A skipped window's rows are not delivered, which whoever watches
 * the application must see; liveness stays as Camel's, as a restart would not bring them back.
 */
final class DfineryConsumerHealthCheck extends ScheduledPollConsumerHealthCheck {

    /** The detail naming the skipped window. */
    static final String SKIPPED_WINDOW = "dfinery.export.skipped.window";

    private final DfineryExportConsumer consumer;

    DfineryConsumerHealthCheck(DfineryExportConsumer consumer, String id) {
        super(consumer, id);
        this.consumer = consumer;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result result = super.call(options);
        DfineryExportFormatException skipped = consumer.skippedWindow();
        HealthCheck.Kind kind = (HealthCheck.Kind) options.getOrDefault(CHECK_KIND, HealthCheck.Kind.ALL);
        if (skipped == null || kind == HealthCheck.Kind.LIVENESS || result.getState() != State.UP) {
            return result;
        }
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).down();
        builder.details(result.getDetails());
        builder.detail(SKIPPED_WINDOW, skipped.getWindow());
        builder.message("Skipped " + skipped.getWindow() + " (exportFormatErrorPolicy=skip), its rows not delivered, "
                        + "until the next window is delivered: " + skipped.getProblem() + " at line " + skipped.getLine());
        builder.error(skipped);
        return builder.build();
    }
}
