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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.cameldfinery.examples.docs.MarkdownSnippets.Block;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/**
 * Every YAML route that the docs show or the project ships (the examples, the setups, the recipes the tests run) is
 * in Camel's canonical notation: Camel 4.22 warns at load time about the compact one ({@code - to: uri}), and a
 * recipe that a user copies should not start with a warning.
 */
class CanonicalYamlTest {

    static final String WARNING = "compact notation detected";

    @Test
    void everyYamlRouteLoadsWithoutTheCompactNotationWarning() throws Exception {
        Path root = MarkdownSnippets.root();
        Map<String, String> routes = new LinkedHashMap<>();
        for (Block block : MarkdownSnippets.blocks(root)) {
            if (block.language().equals("yaml") && block.text().startsWith("- ")) {
                routes.put(block.where(), block.text());
            }
        }
        for (Path file : yamlRouteFiles(root)) {
            routes.put(root.relativize(file).toString(), Files.readString(file));
        }
        assertThat(routes).as("YAML routes found").hasSizeGreaterThan(10);
        assertThat(warnsOnLoad("control", "- route:\n    from:\n      uri: direct:a\n      steps:\n        - to: log:a\n"))
                .as("the compact notation, as a control").isTrue();

        List<String> compact = new ArrayList<>();
        for (Map.Entry<String, String> route : routes.entrySet()) {
            if (warnsOnLoad(route.getKey(), route.getValue())) {
                compact.add(route.getKey());
            }
        }
        assertThat(compact).as("YAML routes in the compact notation").isEmpty();
    }

    /** Loads the routes into a context that is never started, and tells whether Camel printed the warning. */
    private static boolean warnsOnLoad(String name, String yaml) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setIgnoreMissingLocation(true);
            context.getPropertiesComponent().addInitialProperty("shop.warehouse", "warehouse");
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.fromString(name.replaceAll("[^A-Za-z0-9-]", "_") + ".yaml", yaml));
        } catch (Exception loadFailure) {
            // A fragment that needs beans or properties of its own may not load; the warning comes before that.
        } finally {
            System.setErr(err);
        }
        return printed.toString(StandardCharsets.UTF_8).contains(WARNING);
    }

    private static List<Path> yamlRouteFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".yaml") && !file.toString().contains("/target/")
                    && !file.getFileName().toString().endsWith(".kamelet.yaml") && isRoutes(file)).sorted().toList();
        }
    }

    private static boolean isRoutes(Path file) {
        try {
            return Files.readString(file).lines().filter(line -> !line.startsWith("#")).findFirst()
                    .filter(line -> line.startsWith("- ")).isPresent();
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
