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
package io.github.cameldfinery.examples;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.quota.QuotaGuard;
import org.apache.camel.main.Main;

/**
 * The offline-store flow on Camel Main with Java DSL routes. Runs against the embedded emulator unless the
 * DFINERY_* environment variables are set, prints a summary, and exits.
 */
public final class OfflineStoreApp {

    private OfflineStoreApp() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "target/offline-store-report.csv");
        try (DfinerySettings settings = DfinerySettings.from(System.getenv())) {
            Result result = run(settings, report);
            System.out.println(result.describe());
        }
    }

    /** Runs the flow to its end and returns what it did. */
    public static Result run(DfinerySettings settings, Path report) throws Exception {
        FlowSummary summary = new FlowSummary(report);
        Main main = new Main();
        // application.properties belongs to the YAML variant; this one is configured in code.
        main.setDefaultPropertyPlaceholderLocation("false");
        main.setOverrideProperties(settings.properties());
        main.configure().addRoutesBuilder(new OfflineStoreRoutes(summary));
        return runToEnd(main, summary, settings);
    }

    static Result runToEnd(Main main, FlowSummary summary, DfinerySettings settings) throws Exception {
        main.start();
        try {
            if (!summary.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The flow did not finish within 5 minutes");
            }
            StringBuilder quota = new StringBuilder();
            DfineryComponent component = main.getCamelContext().getComponent("dfinery", DfineryComponent.class);
            for (QuotaGuard.Snapshot snapshot : component.quotaGuards().snapshots()) {
                quota.append(quota.length() == 0 ? "" : ", ").append(snapshot.api()).append(' ')
                        .append(snapshot.used() == null ? "?" : snapshot.used()).append(" of ").append(snapshot.limit())
                        .append(" per ").append(snapshot.window().toString().substring(2).toLowerCase());
            }
            Long stored = settings.emulator() == null ? null
                    : settings.emulator().service(settings.serviceId()).stats().eventsStored();
            return new Result(settings.target(), summary, quota.toString(), stored);
        } finally {
            main.stop();
        }
    }

    /** What a run did. */
    public record Result(String target, FlowSummary summary, String quotaUsed, Long eventsInEmulator) {

        public String describe() {
            return String.join(System.lineSeparator(),
                    "Offline-store flow finished against " + target,
                    String.format("  records read     %d", summary.recordsRead()),
                    String.format("  requests sent    %d (identity %d, profile %d, event %d, retries %d)",
                            summary.requestsSent(), summary.requests("identity"), summary.requests("profile"),
                            summary.requests("event"), summary.retries()),
                    String.format("  events stored    %d%s", summary.eventsAccepted(), eventsInEmulator == null ? ""
                            : " (the emulator holds " + eventsInEmulator + ")"),
                    "  quota used       " + quotaUsed,
                    String.format("  rows exported    %d -> %s", summary.exportedRows().size(), summary.report()));
        }
    }

}
