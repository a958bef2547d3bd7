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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fenced code blocks of README.md and docs/*.md, each with the marker on the line before its fence:
 * {@code <!-- snippet: name -->} (a test runs it) or {@code <!-- not run: reason -->}.
 */
final class MarkdownSnippets {

    static final Pattern RUN = Pattern.compile("<!-- snippet: ([a-z0-9/.-]+) -->");
    static final Pattern NOT_RUN = Pattern.compile("<!-- not run: (\\S.*\\S) -->");

    /** A code block: where it is, its fence's info string, its text, and its marker (name or reason, or neither). */
    record Block(Path file, int line, String language, String text, String name, String reason) {

        String where() {
            return file.getFileName() + ":" + line;
        }
    }

    private MarkdownSnippets() {
    }

    /** The project root: the directory above the working directory that holds README.md and docs/. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no README.md with docs/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static List<Path> documents(Path root) throws IOException {
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    static List<Block> blocks(Path root) throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (Path file : documents(root)) {
            blocks.addAll(blocks(file, Files.readAllLines(file, StandardCharsets.UTF_8)));
        }
        return blocks;
    }

    static List<Block> blocks(Path file, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) {
                continue;
            }
            String language = line.substring(3).trim();
            StringBuilder text = new StringBuilder();
            int start = i;
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            String marker = start > 0 ? lines.get(start - 1).trim() : "";
            Matcher run = RUN.matcher(marker);
            Matcher notRun = NOT_RUN.matcher(marker);
            blocks.add(new Block(file, start + 1, language, text.toString(), run.matches() ? run.group(1) : null,
                    notRun.matches() ? notRun.group(1) : null));
        }
        return blocks;
    }
}
