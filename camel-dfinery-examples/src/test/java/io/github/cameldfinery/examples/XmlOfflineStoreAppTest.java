package io.github.cameldfinery.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XML DSL offline-store flow (routes loaded by Camel Main), configured by application.properties, on the emulator. */
class XmlOfflineStoreAppTest {

    @Test
    void xmlDslFlowDoesWhatTheJavaFlowDoes(@TempDir Path dir) throws Exception {
        try (DfinerySettings settings = DfinerySettings.from(Map.of())) {
            OfflineStoreApp.Result result = XmlOfflineStoreApp.run(settings, dir.resolve("report.csv"));

            FlowAssertions.assertFlow(result.summary(), settings.emulator().service(settings.serviceId()));
            assertThat(result.describe()).contains("rows exported    674");
        }
    }
}
