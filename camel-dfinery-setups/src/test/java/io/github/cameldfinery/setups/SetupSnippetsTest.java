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
package io.github.cameldfinery.setups;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The docs' setup snippets are the setups' own files: a code block marked {@code <!-- snippet: setups/P/R -->} in
 * README.md or docs/ is region R of setup P (the lines between {@code region: R} and {@code endregion: R} in any of
 * its files, every occurrence, without their common indentation), or, for R {@code pom.xml}, the setup's whole pom
 * without those markers. The setups take every version from the build: {@code @name@} is the build's property
 * {@code name} (the Invoker filters the poms with them; here Surefire gives them as {@code setups.name}). The
 * Invoker plugin builds and runs those files, so what the docs show is what was run.
 */
class SetupSnippetsTest {

    static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: setups/([a-z0-9.-]+)/([a-z0-9.-]+) -->\\R```[a-z]*\\R(.*?)```", Pattern.DOTALL);
    static final Path SETUPS = Path.of("src/it");
    static final Pattern BUILD_PROPERTY = Pattern.compile("@([A-Za-z0-9.-]+)@");

    @Test
    void everySetupSnippetIsItsSetupsFile() throws IOException {
        Map<String, String> shown = new LinkedHashMap<>();
        for (Path doc : documents()) {
            Matcher snippet = SNIPPET.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (snippet.find()) {
                String name = snippet.group(1) + "/" + snippet.group(2);
                String region = filtered(region(snippet.group(1), snippet.group(2)));
                assertThat(snippet.group(3)).as(doc.getFileName() + ": setups/" + name + " differs from its setup")
                        .isEqualTo(region);
                shown.put(name, doc.getFileName().toString());
            }
        }
        Set<String> setups = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(SETUPS)) {
            dirs.filter(Files::isDirectory).forEach(dir -> setups.add(dir.getFileName().toString()));
        }
        Set<String> shownSetups = shown.keySet().stream().map(name -> name.substring(0, name.indexOf('/')))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(shownSetups).as("the setups the docs show").isEqualTo(setups);
    }

    /** Every occurrence of the region in the setup's files, in file order, a blank line between them. */
    static String region(String setup, String name) throws IOException {
        if (name.equals("pom.xml")) {
            return Files.readAllLines(SETUPS.resolve(setup).resolve(name), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.contains("region: ")).map(line -> line + "\n").collect(Collectors.joining());
        }
        List<String> parts = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SETUPS.resolve(setup))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> part = null;
            for (String line : lines) {
                if (line.contains("endregion: " + name + " ") || line.endsWith("endregion: " + name)) {
                    assertThat(part).as("endregion without region in " + file).isNotNull();
                    parts.add(dedent(part));
                    part = null;
                } else if (line.contains("region: " + name + " ") || line.endsWith("region: " + name)) {
                    part = new ArrayList<>();
                } else if (part != null) {
                    part.add(line);
                }
            }
        }
        assertThat(parts).as("region " + name + " in " + SETUPS.resolve(setup)).isNotEmpty();
        return String.join("\n", parts);
    }

    static String dedent(List<String> lines) {
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return text.toString();
    }

    static List<Path> documents() throws IOException {
        Path root = Path.of("..");
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(doc -> doc.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    /** Every {@code @name@} of the setups' poms is a property the build gives. */
    @Test
    void everyVersionOfTheSetupsComesFromTheBuild() throws IOException {
        List<Path> poms;
        try (Stream<Path> files = Files.list(SETUPS)) {
            poms = files.map(dir -> dir.resolve("pom.xml")).filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(poms).isNotEmpty();
        for (Path pom : poms) {
            Matcher property = BUILD_PROPERTY.matcher(Files.readString(pom, StandardCharsets.UTF_8));
            while (property.find()) {
                assertThat(System.getProperty("setups." + property.group(1)))
                        .as(pom + ": @" + property.group(1) + "@ needs the system property setups."
                                + property.group(1) + " (camel-dfinery-setups/pom.xml, Surefire)")
                        .isNotBlank();
            }
        }
    }

    /** The text as the Invoker filters it: {@code @name@} becomes the build's property {@code name}. */
    static String filtered(String text) {
        Matcher property = BUILD_PROPERTY.matcher(text);
        StringBuilder filtered = new StringBuilder();
        while (property.find()) {
            String value = System.getProperty("setups." + property.group(1));
            property.appendReplacement(filtered, Matcher.quoteReplacement(value == null ? property.group() : value));
        }
        return property.appendTail(filtered).toString();
    }
}
