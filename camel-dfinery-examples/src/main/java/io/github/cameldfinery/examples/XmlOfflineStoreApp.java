package io.github.cameldfinery.examples;

import java.nio.file.Path;
import java.util.Properties;

import org.apache.camel.Processor;
import org.apache.camel.main.Main;

/**
 * The offline-store flow as XML DSL routes ({@code xml/offline-store.xml}) configured by
 * {@code application.properties}, on Camel Main; the embedded emulator unless the DFINERY_* variables are set.
 */
public final class XmlOfflineStoreApp {

    private XmlOfflineStoreApp() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "target/offline-store-xml-report.csv");
        try (DfinerySettings settings = DfinerySettings.from(System.getenv())) {
            System.out.println(run(settings, report).describe());
        }
    }

    public static OfflineStoreApp.Result run(DfinerySettings settings, Path report) throws Exception {
        FlowSummary summary = new FlowSummary(report);
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:application.properties");
        Properties properties = new Properties();
        properties.putAll(settings.properties());
        properties.setProperty("camel.main.name", "offline-store-xml");
        properties.setProperty("camel.main.routes-include-pattern", "classpath:xml/offline-store.xml");
        main.setOverrideProperties(properties);
        main.bind("summary", summary);
        main.bind("posMapping", new PosMapping());
        main.bind("startExport", (Processor) exchange -> exchange.getContext().getRouteController()
                .startRoute("export-report"));
        return OfflineStoreApp.runToEnd(main, summary, settings);
    }
}
