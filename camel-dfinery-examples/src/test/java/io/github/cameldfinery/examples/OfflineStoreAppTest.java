package io.github.cameldfinery.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.github.cameldfinery.emulator.state.EmulatedService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java DSL offline-store flow end to end on the embedded emulator: the summary matches what DFINERY holds. */
class OfflineStoreAppTest {

    @Test
    void summaryMatchesTheEmulatorAndTheExport(@TempDir Path dir) throws Exception {
        try (DfinerySettings settings = DfinerySettings.from(Map.of())) {
            OfflineStoreApp.Result result = OfflineStoreApp.run(settings, dir.resolve("report.csv"));

            EmulatedService service = settings.emulator().service(settings.serviceId());
            FlowSummary summary = result.summary();
            FlowAssertions.assertFlow(summary, service);
            assertThat(result.describe()).contains("records read     698").contains("events stored    351 (the emulator holds 351)")
                    .contains("rows exported    674");
        }
    }
}
