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
package io.github.cameldfinery.examples.springboot.snippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.DfineryConfiguration;
import io.github.cameldfinery.emulator.DfineryEmulator;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.testsupport.RedisServerExtension;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the application.yaml snippets of README.md and docs/*.md, those marked {@code <!-- snippet: spring-boot/name -->}
 * (the examples module's DocsSnippetsTest runs the others and checks that every block is marked), in a new Spring
 * Boot app on the starter, against the emulator. The declared prelude: the emulator's base URI and REDIS_URI (the
 * test's redis-server) come as command-line arguments; the app's configuration files are the snippet, after the
 * application.yaml of setup.md (service and token) for the snippets that add to it. Runs in its own failsafe
 * execution (a real redis-server), whose environment holds DFINERY_IMPORT_TOKEN (see the pom).
 */
class SpringBootSnippetsIT {

    static final Pattern MARKED = Pattern.compile("<!-- snippet: (spring-boot/[a-z0-9-]+) -->\\R```[a-z]*\\R(.*?)```",
            Pattern.DOTALL);
    static final String IMPORT_TOKEN = "snippet-import-token";
    static final String BASE = "spring-boot/setup-application-yaml";

    @RegisterExtension
    static RedisServerExtension redis = new RedisServerExtension();

    interface Scenario {
        void run(ConfigurableApplicationContext app, DfineryEmulator emulator) throws Exception;
    }

    final Map<String, Scenario> scenarios = new LinkedHashMap<>();

    SpringBootSnippetsIT() {
        scenarios.put("spring-boot/setup-application-yaml", (app, emulator) -> {
            DfineryConfiguration config = configuration(app);
            assertThat(config.getServiceId()).as("${DFINERY_SERVICE_ID:gateway} without the variable").isEqualTo("gateway");
            assertThat(config.getRateLimitMaxWait()).as("1m").isEqualTo(60_000);
            // the emulator takes only the token of the environment, which the component read itself
            sendsAnEvent(app, emulator);
        });
        scenarios.put("spring-boot/setup-replicas-yaml", (app, emulator) -> {
            assertThat(component(app).getQuotaStoreUri()).isEqualTo(redis.uri());
            assertThat(component(app).getQuotaLocalShare()).isEqualTo(0.33);
            sendsAnEvent(app, emulator);
        });
        scenarios.put("spring-boot/quota-shared-store-yaml", (app, emulator) -> {
            assertThat(component(app).getQuotaStoreUri()).isEqualTo(redis.uri());
            assertThat(component(app).getQuotaLocalShareMaxTime()).as("5m").isEqualTo(300_000);
            sendsAnEvent(app, emulator);
        });
    }

    @TestFactory
    Stream<DynamicTest> everyApplicationYamlSnippetRuns() throws IOException {
        assumeTrue(IMPORT_TOKEN.equals(System.getenv("DFINERY_IMPORT_TOKEN")),
                "runs in the failsafe execution docs-snippets, whose environment holds the token");
        Map<String, String> snippets = snippets();
        assertThat(new TreeSet<>(snippets.keySet())).as("the spring-boot/ snippets of the docs")
                .isEqualTo(new TreeSet<>(scenarios.keySet()));
        System.out.println("Docs snippets: running " + snippets.size() + " application.yaml snippets on Spring Boot");
        List<DynamicTest> tests = new ArrayList<>();
        snippets.forEach((name, yaml) -> tests.add(DynamicTest.dynamicTest(name, () -> run(name,
                name.equals(BASE) ? List.of(yaml) : List.of(snippets.get(BASE), yaml)))));
        return tests.stream();
    }

    private void run(String name, List<String> yamls) throws Exception {
        List<String> imports = new ArrayList<>();
        for (String yaml : yamls) {
            Path file = Files.createDirectories(Path.of("target", "docs-snippets"))
                    .resolve(name.replace('/', '-') + "-" + imports.size() + ".yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            imports.add("file:" + file.toAbsolutePath());
        }
        try (DfineryEmulator emulator = DfineryEmulator.start(new EmulatorConfig().port(0)
                .service(new ServiceConfig("gateway", IMPORT_TOKEN, "snippet-export-token")))) {
            List<String> args = new ArrayList<>(List.of("--spring.config.name=no-application-yaml",
                    "--spring.config.import=" + String.join(",", imports), "--server.port=0",
                    "--camel.component.dfinery.base-uri=" + emulator.baseUri(), "--REDIS_URI=" + redis.uri()));
            try (ConfigurableApplicationContext app = SpringApplication.run(SnippetApplication.class,
                    args.toArray(new String[0]))) {
                scenarios.get(name).run(app, emulator);
            }
        }
    }

    private static void sendsAnEvent(ConfigurableApplicationContext app, DfineryEmulator emulator) {
        app.getBean(CamelContext.class).createProducerTemplate().sendBody("dfinery:event", Map.of(
                "event_name", "df_login", "event_datetime", LocalDate.now(ZoneOffset.UTC) + "T10:00:00Z",
                "identity", Map.of("external_id", "yaml-user")));
        assertThat(emulator.service("gateway").events()).hasSize(1);
    }

    private static DfineryComponent component(ConfigurableApplicationContext app) {
        return app.getBean(CamelContext.class).getComponent("dfinery", DfineryComponent.class);
    }

    private static DfineryConfiguration configuration(ConfigurableApplicationContext app) {
        return component(app).getConfiguration();
    }

    private static Map<String, String> snippets() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("README.md")) || !Files.isDirectory(root.resolve("docs"))) {
            root = root.getParent();
        }
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        Map<String, String> snippets = new LinkedHashMap<>();
        for (Path doc : files) {
            Matcher marked = MARKED.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (marked.find()) {
                snippets.put(marked.group(1), marked.group(2));
            }
        }
        return snippets;
    }
}
