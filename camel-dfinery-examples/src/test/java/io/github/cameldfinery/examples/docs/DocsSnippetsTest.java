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
package io.github.cameldfinery.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.state.StoredEvent;
import io.github.cameldfinery.examples.docs.MarkdownSnippets.Block;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the code blocks of README.md and docs/*.md, read from the Markdown, against the emulator: a snippet that
 * stops working fails the build. Every block is marked on the line before its fence, {@code <!-- snippet: name -->}
 * (run here under that name, or by the Spring Boot example's SpringBootSnippetsIT when the name starts with
 * {@code spring-boot/}) or {@code <!-- not run: reason -->}. Java snippets are compiled here, as
 * {@link JavaSnippets} says; Camel Main runs get the prelude of {@link SnippetApp}. Runs in its own surefire
 * execution, whose environment holds DFINERY_IMPORT_TOKEN and DFINERY_EXPORT_TOKEN and whose working directory is
 * target/docs-snippets, so that relative paths in the snippets land there.
 */
class DocsSnippetsTest {

    static final String SPRING_BOOT = "spring-boot/";
    /** Snippets that are files of camel-dfinery-setups, which its SetupSnippetsTest checks and the Invoker runs. */
    static final String SETUPS = "setups/";
    static final ObjectMapper JSON = new ObjectMapper();

    static List<Block> blocks;
    static Map<String, Block> named;
    static JavaSnippets javac;

    interface Scenario {
        void run(Block block) throws Exception;
    }

    final Map<String, Scenario> scenarios = new LinkedHashMap<>();

    @BeforeAll
    static void readTheDocs() throws Exception {
        assumeTrue(SnippetApp.IMPORT_TOKEN.equals(System.getenv("DFINERY_IMPORT_TOKEN")),
                "runs in the surefire execution docs-snippets, whose environment holds the tokens");
        blocks = MarkdownSnippets.blocks(MarkdownSnippets.root());
        named = new LinkedHashMap<>();
        for (Block block : blocks) {
            if (block.name() != null) {
                assertThat(named.put(block.name(), block)).as("a second snippet named " + block.name()).isNull();
            }
        }
        javac = new JavaSnippets(Path.of("").toAbsolutePath().resolve("compiled"));
    }

    DocsSnippetsTest() {
        scenarios.put("readme-dependencies", this::dependenciesOfTheProject);
        scenarios.put("readme-properties", this::tokensFromTheEnvironment);
        scenarios.put("readme-java-routes", this::readmeJavaRoutes);
        scenarios.put("readme-yaml-routes", this::readmeYamlRoutes);
        scenarios.put("component-properties", this::tokensFromTheEnvironment);
        scenarios.put("component-route", this::componentRoute);
        scenarios.put("component-tracking-plan", this::trackingPlan);
        scenarios.put("component-on-exception", this::onException);
        scenarios.put("component-service-ids", this::serviceIds);
        scenarios.put("component-endpoint-dsl", this::endpointDsl);
        scenarios.put("emulator-config", this::emulatorConfig);
        scenarios.put("emulator-test-support-dependency", this::dependenciesOfTheProject);
        scenarios.put("quota-contract-dependencies", this::dependenciesOfTheProject);
        scenarios.put("export-incremental", this::exportIncremental);
        scenarios.put("export-yaml", this::exportYaml);
        scenarios.put("export-file-cursor", this::exportFileCursor);
        scenarios.put("export-user-profiles", this::exportUserProfiles);
        scenarios.put("export-one-off", this::exportOneOff);
        scenarios.put("quota-throttle-java", this::throttleJava);
        scenarios.put("quota-throttle-yaml", this::throttleYaml);
        scenarios.put("quota-properties", this::quotaProperties);
        scenarios.put("quota-splitter", this::splitter);
        scenarios.put("quota-parking-java", this::parkingJava);
        scenarios.put("quota-parking-yaml", this::parkingYaml);
        scenarios.put("reliability-aggregate", this::aggregate);
        scenarios.put("setup-starter-dependency", this::dependenciesOfTheProject);
        scenarios.put("setup-emulator-dependency", this::dependenciesOfTheProject);
        scenarios.put("setup-junit-dependencies", this::junitDependencies);
        scenarios.put("setup-junit-recipe", this::junitRecipe);
        scenarios.put("setup-component-bean", this::componentBean);
    }

    /** The Spring Boot example's snippets, and the setups' files, which camel-dfinery-setups checks and runs. */
    static boolean runElsewhere(String name) {
        return name.startsWith(SPRING_BOOT) || name.startsWith(SETUPS);
    }

    @Test
    void everyCodeBlockIsRunOrSaysWhyNot() {
        List<String> unmarked = new ArrayList<>();
        int run = 0;
        int elsewhere = 0;
        for (Block block : blocks) {
            if (block.name() == null && block.reason() == null) {
                unmarked.add(block.where());
            } else if (block.name() != null && runElsewhere(block.name())) {
                elsewhere++;
            } else if (block.name() != null) {
                run++;
            }
        }
        System.out.printf("Docs snippets: %d code blocks in README.md and docs/: %d run here, %d by the Spring Boot "
                + "example or the setups, %d not run (the reason is beside each)%n", blocks.size(), run, elsewhere,
                blocks.size() - run - elsewhere);
        assertThat(unmarked).as("code blocks without <!-- snippet: name --> or <!-- not run: reason --> before them")
                .isEmpty();
        assertThat(new TreeSet<>(scenarios.keySet())).as("the snippets this test runs")
                .isEqualTo(new TreeSet<>(named.keySet().stream().filter(n -> !runElsewhere(n)).toList()));
    }

    @TestFactory
    Stream<DynamicTest> everyMarkedSnippetRuns() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Block block : blocks) {
            if (block.name() != null && !runElsewhere(block.name())) {
                tests.add(DynamicTest.dynamicTest(block.name() + " (" + block.where() + ")", () -> {
                    Scenario scenario = scenarios.get(block.name());
                    assertThat(scenario).as("a scenario for " + block.name()).isNotNull();
                    scenario.run(block);
                }));
            }
        }
        System.out.println("Docs snippets: running " + tests.size() + " snippets");
        return tests.stream();
    }

    // ---- dependencies

    private void dependenciesOfTheProject(Block block) throws Exception {
        Path root = MarkdownSnippets.root();
        String parent = Files.readString(root.resolve("pom.xml"));
        String version = first(parent, "<version>([^<]+)</version>");
        Matcher dependency = Pattern.compile("<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)"
                + "</artifactId>\\s*<version>([^<]+)</version>").matcher(block.text());
        int found = 0;
        while (dependency.find()) {
            found++;
            assertThat(dependency.group(1)).isEqualTo("io.github.cameldfinery");
            assertThat(dependency.group(3)).as("the project's version").isEqualTo(version);
            assertThat(artifactsOfTheReactor(root)).contains(dependency.group(2));
        }
        assertThat(found).as("dependencies in the snippet").isPositive();
    }

    private void junitDependencies(Block block) throws Exception {
        Path pom = MarkdownSnippets.root().resolve("camel-dfinery-examples/pom.xml");
        String ours = Files.readString(pom);
        Matcher dependency = Pattern.compile("<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(block.text());
        int found = 0;
        while (dependency.find()) {
            found++;
            if (!dependency.group(1).equals("io.github.cameldfinery")) {
                assertThat(ours).as("this module, where the recipe runs, uses " + dependency.group(2))
                        .contains("<artifactId>" + dependency.group(2) + "</artifactId>");
            }
        }
        assertThat(found).isPositive();
    }

    private static List<String> artifactsOfTheReactor(Path root) throws IOException {
        List<String> artifacts = new ArrayList<>();
        try (Stream<Path> poms = Files.walk(root, 3)) {
            for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
                String text = Files.readString(pom).replaceFirst("(?s)<parent>.*?</parent>", "");
                artifacts.add(first(text, "<artifactId>([^<]+)</artifactId>"));
            }
        }
        return artifacts;
    }

    // ---- properties: the tokens come from the environment, as the snippet says

    /**
     * Only the snippet configures the component: what DFINERY accepts (the emulator answers a wrong token with
     * 40201, a literal placeholder included) shows that the tokens came from the environment.
     */
    private void tokensFromTheEnvironment(Block block) throws Exception {
        assertThat(System.getenv("DFINERY_IMPORT_TOKEN")).as("set by the pom for this test").isEqualTo(SnippetApp.IMPORT_TOKEN);
        try (SnippetApp app = new SnippetApp().properties(block.text()).start()) {
            app.template().sendBody("dfinery:event", event("df_login", LocalDate.now(ZoneOffset.UTC), "env-user"));
            assertThat(app.service().events()).hasSize(1);
            if (block.text().contains("{{env:DFINERY_EXPORT_TOKEN}}")) {
                Exchange export = app.template().send("dfinery:export", e -> e.getMessage()
                        .setHeader("CamelDfineryExportFromDate", LocalDate.now(ZoneOffset.UTC).minusDays(1)));
                assertThat(export.getException()).as("an export with the token from the environment").isNull();
            }
        }
    }

    // ---- README

    private void readmeJavaRoutes(Block block) throws Exception {
        try (SnippetApp app = app()
                .bean("exportCursor", new MemoryStateRepository()).routes(javac.routes(block.text()))) {
            readmeRoutes(app.start(), app.template()::sendBodyAndHeaders);
        }
    }

    private void readmeYamlRoutes(Block block) throws Exception {
        try (SnippetApp app = app()
                .bean("exportCursor", new MemoryStateRepository()).property("camel.main.routes-include-pattern",
                        "file:" + yamlFile("readme-routes", block))) {
            noCompactNotationWarning(app);
            readmeRoutes(app, (uri, body, headers) -> app.template().sendBody(uri, event("df_purchase",
                    LocalDate.now(ZoneOffset.UTC), (String) headers.get("userId"))));
        }
    }

    interface Sender {
        void send(String uri, Object body, Map<String, Object> headers);
    }

    /** A purchase goes to DFINERY; the export writes yesterday's events into warehouse/events and moves on. */
    private void readmeRoutes(SnippetApp app, Sender purchases) throws Exception {
        Path warehouse = clean(Path.of("warehouse/events"));
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        app.template().sendBody("dfinery:event", event("df_purchase", yesterday, "member-1"));
        purchases.send("direct:purchases", null, Map.of("userId", "member-2", "orderId", "o-42"));

        assertThat(app.service().events()).extracting(e -> e.identity().get("external_id"))
                .contains("member-1", "member-2");
        Path file = warehouse.resolve(yesterday + ".ndjson");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(cursor(app)).isEqualTo(
                LocalDate.now(ZoneOffset.UTC).toString()));
        JsonNode row = JSON.readTree(Files.readAllLines(file).get(0));
        assertThat(row.get("df_external_id").asText()).isEqualTo("member-1");
        assertThat(row.get("df_event_log_id").asText()).isEqualTo(eventOf(app, "member-1").eventLogId());
    }

    // ---- component.md

    private void componentRoute(Block block) throws Exception {
        try (SnippetApp app = new SnippetApp().properties(named.get("component-properties").text())
                .routes(javac.routes(block.text())).start()) {
            app.template().sendBody("direct:purchases", event("df_purchase", LocalDate.now(ZoneOffset.UTC), "c-1"));
            assertThat(app.service().events()).hasSize(1);
        }
    }

    private void trackingPlan(Block block) throws Exception {
        Path plan = Files.writeString(clean(Path.of("tracking-plan")).resolve("plan.json"), block.text());
        try (SnippetApp app = app().start()) {
            Exchange unknown = app.template().send("dfinery:event?trackingPlanUri=file:" + plan.toAbsolutePath(),
                    e -> e.getMessage().setBody(event("df_login", LocalDate.now(ZoneOffset.UTC), "p-1")));
            assertThat(unknown.getException()).as("df_login is not in the plan").isNotNull()
                    .hasMessageContaining("df_login");
            Exchange known = app.template().send("dfinery:event?trackingPlanUri=file:" + plan.toAbsolutePath(),
                    e -> e.getMessage().setBody(event("df_purchase", LocalDate.now(ZoneOffset.UTC), "p-1")));
            assertThat(known.getException()).isNull();
        }
    }

    private void onException(Block block) throws Exception {
        Path rejected = clean(Path.of("rejected"));
        try (SnippetApp app = app().routes(javac.routes(block.text() + "from(\"direct:in\").to(\"dfinery:event\");"))
                .start()) {
            app.template().sendBody("direct:in", "{\"event_name\":\"df_purchase\"}");
            try (Stream<Path> files = Files.list(rejected)) {
                assertThat(files.count()).as("the invalid event is parked").isEqualTo(1);
            }
        }
    }

    private void serviceIds(Block block) throws Exception {
        try (SnippetApp app = new SnippetApp(new ServiceConfig("shop", SnippetApp.IMPORT_TOKEN, SnippetApp.EXPORT_TOKEN),
                new ServiceConfig("crm", SnippetApp.IMPORT_TOKEN, SnippetApp.EXPORT_TOKEN))
                .properties(named.get("readme-properties").text()).start()) {
            app.context().addRoutes(javac.routes(block.text()));
            app.template().sendBody("direct:any", event("df_login", LocalDate.now(ZoneOffset.UTC), "s-1"));
            assertThat(app.emulator.service("crm").events()).hasSize(1);
            assertThat(app.emulator.service("shop").events()).isEmpty();
        }
    }

    private void endpointDsl(Block block) throws Exception {
        Class<?> routes = javac.unit(block.text());
        try (SnippetApp app = app().routes((RouteBuilder) routes.getDeclaredConstructor().newInstance())
                .start()) {
            app.template().sendBody("direct:events", event("df_login", LocalDate.now(ZoneOffset.UTC), "d-1"));
            assertThat(app.service().events()).hasSize(1);
        }
    }

    // ---- emulator.md

    private void emulatorConfig(Block block) throws Exception {
        Path file = Files.writeString(clean(Path.of("emulator")).resolve("my-emulator.yaml"), block.text());
        EmulatorConfig config = EmulatorConfig.read(file).port(0);
        try (var emulator = io.github.cameldfinery.emulator.DfineryEmulator.start(config)) {
            assertThat(emulator.service("shop")).isNotNull();
        }
    }

    // ---- export.md

    private void exportIncremental(Block block) throws Exception {
        try (SnippetApp app = app().bean("exportCursor", new MemoryStateRepository())
                .bean("seenEvents", new MemoryIdempotentRepository())) {
            exportedToWarehouse(app, block, () -> app.context().addRoutes(javac.routes(block.text())));
        }
    }

    private void exportYaml(Block block) throws Exception {
        try (SnippetApp app = app().bean("exportCursor", new MemoryStateRepository())
                .property("camel.main.routes-include-pattern", "file:" + yamlFile("export", block))) {
            noCompactNotationWarning(app);
            exportedToWarehouse(app, block, () -> { });
        }
    }

    interface Step {
        void run() throws Exception;
    }

    /**
     * Events of the first day the consumer exports (the snippet's startDate, or 30 days back once that is older:
     * its first poll) arrive in warehouse/events/day.ndjson; the route polls again only after a minute.
     */
    private void exportedToWarehouse(SnippetApp app, Block block, Step routes) throws Exception {
        Path warehouse = clean(Path.of("warehouse/events"));
        if (!app.started()) {
            app.start();
        }
        LocalDate startDate = LocalDate.parse(first(block.text(), "startDate[=:]\\s*\"?(\\d{4}-\\d{2}-\\d{2})"));
        LocalDate lookback = LocalDate.now(ZoneOffset.UTC).minusDays(30);
        LocalDate day = startDate.isBefore(lookback) ? lookback : startDate;
        app.template().sendBody("dfinery:event", event("df_purchase", day, "w-1"));
        app.template().sendBody("dfinery:event", event("df_purchase", day, "w-2"));
        routes.run();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(lines(warehouse)).hasSize(2));
        try (Stream<Path> files = Files.list(warehouse)) {
            assertThat(files.toList()).containsExactly(warehouse.resolve(day + ".ndjson"));
        }
        assertThat(lines(warehouse)).extracting(line -> JSON.readTree(line).get("df_external_id").asText())
                .containsExactlyInAnyOrder("w-1", "w-2");
    }

    private void exportFileCursor(Block block) throws Exception {
        clean(Path.of("data"));
        try (SnippetApp app = app().routes(javac.routes(block.text())).start()) {
            assertThat(app.context().getRegistry().lookupByName("exportCursor")).isNotNull();
        }
    }

    private void exportUserProfiles(Block block) throws Exception {
        List<Exchange> crm = new CopyOnWriteArrayList<>();
        try (SnippetApp app = app().start()) {
            app.template().sendBody("dfinery:identity", Map.of("identity", Map.of("external_id", "vip-1")));
            app.service().audience("nwh3nu", List.of("vip-1"));
            app.context().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:crm").process(crm::add);
                }
            });
            app.context().addRoutes(javac.routes(block.text()));
            await().atMost(Duration.ofSeconds(30)).until(() -> !crm.isEmpty());
            assertThat(crm.get(0).getMessage().getBody(Map.class)).containsEntry("df_external_id", "vip-1");
        }
    }

    private void exportOneOff(Block block) throws Exception {
        try (SnippetApp app = app().routes(javac.routes(block.text())).start()) {
            app.template().sendBody("dfinery:event", event("df_purchase", LocalDate.now(ZoneOffset.UTC).minusDays(2), "r-1"));
            Exchange report = app.template().send("direct:report", e -> { });
            assertThat(report.getException()).isNull();
            assertThat(report.getMessage().getHeader("CamelDfineryExportRowCount")).isEqualTo(1L);
        }
    }

    // ---- quota.md

    private void throttleJava(Block block) throws Exception {
        try (SnippetApp app = app().routes(javac.routes(block.text())).start()) {
            sendsThree(app, "direct:events");
        }
    }

    private void throttleYaml(Block block) throws Exception {
        try (SnippetApp app = app().property("camel.main.routes-include-pattern",
                "file:" + yamlFile("throttle", block))) {
            noCompactNotationWarning(app);
            sendsThree(app, "direct:events");
        }
    }

    private void quotaProperties(Block block) throws Exception {
        try (SnippetApp app = app().properties(block.text()).start()) {
            assertThat(app.context().resolvePropertyPlaceholders("{{dfinery:event}}")).isEqualTo("1000000");
            assertThat(app.context().resolvePropertyPlaceholders("{{dfinery:event.window}}")).isEqualTo("60000");
        }
    }

    private void splitter(Block block) throws Exception {
        try (SnippetApp app = app().routes(javac.routes(block.text())).start()) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            app.template().sendBody("direct:batches", List.of(event("df_login", today, "a"), event("df_login", today, "b"),
                    event("df_purchase", today, "a")));
            assertThat(app.service().events()).hasSize(3);
            assertThat(app.service().stats().requests(io.github.cameldfinery.emulator.ApiKind.EVENT)).isEqualTo(2);
        }
    }

    private void parkingJava(Block block) throws Exception {
        clean(Path.of("data/parked"));
        try (SnippetApp app = app().routes(javac.routes(block.text())).start()) {
            sendsThree(app, "direct:events");
        }
    }

    private void parkingYaml(Block block) throws Exception {
        try (SnippetApp app = app().property("camel.main.routes-include-pattern",
                "file:" + yamlFile("parking", block))) {
            noCompactNotationWarning(app);
            sendsThree(app, "direct:events");
        }
    }

    private static void sendsThree(SnippetApp app, String uri) {
        for (int i = 0; i < 3; i++) {
            app.template().sendBody(uri, event("df_login", LocalDate.now(ZoneOffset.UTC), "t-" + i));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(app.service().events()).hasSize(3));
    }

    // ---- reliability.md

    private void aggregate(Block block) throws Exception {
        SnippetApp app = app().routes(javac.routes(block.text())).start();
        try {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (String user : List.of("a", "b", "a")) {
                app.template().sendBody("seda:events", io.github.cameldfinery.component.model.DfineryEvent
                        .builder("df_login").identity(io.github.cameldfinery.component.model.DfineryIdentity.externalId(user))
                        .datetime(today.atStartOfDay(ZoneOffset.UTC).toInstant()).build());
            }
            SedaEndpoint events = app.context().getEndpoint("seda:events", SedaEndpoint.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> events.getCurrentQueueSize() == 0
                    && app.context().getInflightRepository().size() == 0);
            app.context().getRouteController().stopAllRoutes();
            assertThat(app.service().events()).as("flushed on stop").hasSize(3);
            // Two requests (one per user) unless the snippet's 5 s completionTimeout ended user a's batch before its
            // second event arrived, as it can on a loaded machine; GracefulShutdownTest counts one per user.
            assertThat(app.service().stats().requests(io.github.cameldfinery.emulator.ApiKind.EVENT)).isBetween(2L, 3L);
        } finally {
            app.close();
        }
    }

    // ---- setup.md

    private void junitRecipe(Block block) throws Exception {
        Class<?> test = javac.unit(block.text());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(test)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        StringBuilder failures = new StringBuilder();
        summary.getFailures().forEach(f -> failures.append(f.getTestIdentifier().getDisplayName()).append(": ")
                .append(f.getException()).append('\n'));
        assertThat(summary.getTestsFailedCount()).as(failures.toString()).isZero();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    }

    private void componentBean(Block block) throws Exception {
        try (SnippetApp app = new SnippetApp(); var context = new org.apache.camel.impl.DefaultCamelContext()) {
            context.addRoutes(javac.routes(block.text()));
            DfineryComponent dfinery = context.getComponent("dfinery", DfineryComponent.class);
            assertThat(dfinery.getConfiguration().getRequestTimeout()).isEqualTo(30_000);
            dfinery.getConfiguration().setBaseUri(app.emulator.baseUri().toString());
            context.start();
            context.createProducerTemplate().sendBody("dfinery:event", event("df_login", LocalDate.now(ZoneOffset.UTC),
                    "bean-1"));
            assertThat(app.service().events()).hasSize(1);
        }
    }

    // ---- helpers

    /** The declared prelude of the route snippets: the README's properties (service and tokens), as users start. */
    private static SnippetApp app() throws Exception {
        return new SnippetApp().properties(named.get("readme-properties").text());
    }

    static Map<String, Object> event(String name, LocalDate day, String user) {
        return SampleEvents.eventMap(name, user, day + "T10:00:00Z");
    }

    private static StoredEvent eventOf(SnippetApp app, String user) {
        return app.service().events().stream().filter(e -> user.equals(e.identity().get("external_id"))).findFirst()
                .orElseThrow();
    }

    private static String cursor(SnippetApp app) {
        MemoryStateRepository repository = app.context().getRegistry().lookupByNameAndType("exportCursor",
                MemoryStateRepository.class);
        return repository.getState("dfinery-export/" + SnippetApp.SERVICE + "/events/all");
    }

    private static Path yamlFile(String name, Block block) throws IOException {
        return Files.writeString(clean(Path.of("yaml", name)).resolve(name + ".yaml"), block.text()).toAbsolutePath();
    }

    /** Starts the app and fails if Camel's YAML DSL warned about compact notation while loading its routes. */
    private static void noCompactNotationWarning(SnippetApp app) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            app.start();
        } finally {
            System.setErr(err);
            err.print(captured.toString(StandardCharsets.UTF_8));
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("compact notation");
    }

    private static List<String> lines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static Path clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static String first(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }
}
