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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * The packages of the component form layers: the generated endpoint builder (dsl) over the component package, then
 * pipeline, quota, export and mapping, then http, validation and metrics, then the SPI that other modules implement
 * (spi), then api, error and model. No cycle, so each concern has one obvious place.
 * Read from the compiled classes with the JDK's jdeps.
 */
class PackageDependencyTest {

    static final String ROOT = "io.github.cameldfinery.component";

    /** Package to the packages of the component it uses, from the compiled main classes. */
    static Map<String, Set<String>> graph() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package",
                "-filter:none", "--ignore-missing-deps", Path.of("target/classes").toString());
        assertThat(status).as(out.toString()).isZero();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 3 && words[1].equals("->") && words[0].startsWith(ROOT) && words[2].startsWith(ROOT)
                && !words[0].equals(words[2])) {
                graph.computeIfAbsent(words[0], p -> new TreeSet<>()).add(words[2]);
            }
        }
        return graph;
    }

    @Test
    void packagesHaveNoCycle() {
        Map<String, Set<String>> graph = graph();
        assertThat(graph).as("jdeps found the component's packages").containsKey(ROOT);
        for (String start : graph.keySet()) {
            assertThat(cycleFrom(start, graph, new ArrayList<>())).as("cycle through " + start).isEmpty();
        }
    }

    @Test
    void theSharedVocabularyDependsOnNothingElse() {
        Map<String, Set<String>> graph = graph();
        for (String leaf : List.of(ROOT + ".api", ROOT + ".error", ROOT + ".model")) {
            assertThat(graph.getOrDefault(leaf, Set.of())).as(leaf).isEmpty();
        }
        assertThat(graph.getOrDefault(ROOT + ".spi", Set.of())).as("what a store implements needs only the API kinds")
                .isSubsetOf(ROOT + ".api");
        graph.forEach((from, to) -> {
            // The generated endpoint builder is a layer above the component: it names the component's option types.
            if (!from.equals(ROOT) && !from.equals(ROOT + ".dsl")) {
                assertThat(to).as(from + " must not reach back into the component package").doesNotContain(ROOT);
            }
        });
    }

    /**
     * The producers and the consumer take what the component shares from one object, DfineryServices, and the
     * pipeline holds its quota guards: none of them calls back into the component.
     */
    @Test
    void producersConsumerAndPipelineTakeTheirServicesWithoutCallingBackIntoTheComponent() {
        Map<String, Set<String>> classes = classGraph();
        for (String user : List.of("DfineryProducer", "DfineryExportProducer", "DfineryExportConsumer")) {
            assertThat(classes.get(ROOT + "." + user)).as(user + " uses")
                    .contains(ROOT + ".DfineryServices").doesNotContain(ROOT + ".DfineryComponent");
        }
        String pipeline = ROOT + ".pipeline.ImportPipeline";
        assertThat(classes.get(pipeline)).as("ImportPipeline uses").contains(ROOT + ".pipeline.ImportGuards");
        assertThat(classes.keySet()).as("callbacks of the pipeline").noneMatch(c -> c.startsWith(pipeline + "$"));
    }

    /** Class to the classes of the component it uses, from the compiled main classes. */
    static Map<String, Set<String>> classGraph() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:class",
                "-filter:none", "--ignore-missing-deps", Path.of("target/classes").toString());
        assertThat(status).as(out.toString()).isZero();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 3 && words[1].equals("->") && words[0].startsWith(ROOT) && words[2].startsWith(ROOT)) {
                graph.computeIfAbsent(words[0], c -> new TreeSet<>()).add(words[2]);
            }
        }
        return graph;
    }

    private static List<String> cycleFrom(String node, Map<String, Set<String>> graph, List<String> path) {
        if (path.contains(node)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            List<String> cycle = cycleFrom(next, graph, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        return List.of();
    }
}
