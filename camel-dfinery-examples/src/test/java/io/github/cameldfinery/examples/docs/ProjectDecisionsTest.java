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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Code that follows one of the project's decisions on the API's open questions cites it as docs/emulator.md numbers
 * and names it: "project decision N (name)", or "project decisions N (name), M (name) and K (name)".
 */
class ProjectDecisionsTest {

    static final Pattern DOCUMENTED = Pattern.compile("(?m)^(\\d+)\\. \\*\\*(.+?)\\.\\*\\*");
    static final Pattern ANY_CITATION = Pattern.compile("(?i)(\\w+\\s+)?decisions?\\s+\\d");
    static final String NAME = "\\(((?:[^()]|\\([^()]*\\))*)\\)";
    static final Pattern CITATION = Pattern.compile(
            "project decisions? ((?:\\d+ " + NAME + ")(?:(?:, | and )\\d+ " + NAME + ")*)");
    static final Pattern ONE = Pattern.compile("(\\d+) " + NAME);

    @Test
    void everyDecisionCodeCitesIsDocumentedUnderItsNumberAndName() throws IOException {
        Map<String, String> documented = documented();
        assertThat(documented).as("the numbered project decisions in docs/emulator.md").hasSizeGreaterThan(9);
        List<String> citations = new ArrayList<>();
        for (Path source : sources()) {
            String text = prose(Files.readString(source, StandardCharsets.UTF_8));
            String file = MarkdownSnippets.root().relativize(source).toString();
            List<int[]> cited = new ArrayList<>();
            Matcher citation = CITATION.matcher(text);
            while (citation.find()) {
                cited.add(new int[] {citation.start(), citation.end()});
                Matcher one = ONE.matcher(citation.group(1));
                while (one.find()) {
                    assertThat(documented).as(file + ": project decision " + one.group(1)).containsKey(one.group(1));
                    assertThat(one.group(2)).as(file + ": the name of project decision " + one.group(1))
                            .isEqualTo(documented.get(one.group(1)));
                    citations.add(file + ": " + one.group());
                }
            }
            Matcher any = ANY_CITATION.matcher(text);
            while (any.find()) {
                int at = any.start(any.group(1) == null ? 0 : 1);
                assertThat(cited.stream().anyMatch(range -> range[0] <= at && at < range[1]))
                        .as(file + ": '" + text.substring(at, Math.min(text.length(), at + 60))
                                + "' is no 'project decision N (name)'")
                        .isTrue();
            }
        }
        assertThat(citations).as("the citations found").isNotEmpty();
    }

    /** Number to name, lower case, from the numbered list under "Project decisions". */
    static Map<String, String> documented() throws IOException {
        String doc = Files.readString(MarkdownSnippets.root().resolve("docs/emulator.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("### Project decisions");
        assertThat(start).as("docs/emulator.md has a section 'Project decisions'").isNotNegative();
        int end = doc.indexOf("\n#", start + 1);
        Matcher item = DOCUMENTED.matcher(doc.substring(start, end < 0 ? doc.length() : end));
        Map<String, String> documented = new LinkedHashMap<>();
        while (item.find()) {
            documented.put(item.group(1), item.group(2).toLowerCase(Locale.ROOT));
        }
        return documented;
    }

    /** Every Java source of every module, this test aside (it names the pattern it looks for). */
    static List<Path> sources() throws IOException {
        Path self = Path.of("src/test/java", ProjectDecisionsTest.class.getName().replace('.', '/') + ".java")
                .toAbsolutePath();
        try (Stream<Path> files = Files.walk(MarkdownSnippets.root())) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("/src/"))
                    .filter(file -> !file.toString().contains("/target/"))
                    .filter(file -> !file.equals(self))
                    .sorted().toList();
        }
    }

    /** Comments read as prose: the line breaks and leading stars or slashes of a comment become one space. */
    static String prose(String source) {
        return source.replaceAll("\\s*\\R\\s*(\\*(?!/)|//)?\\s*", " ");
    }
}
