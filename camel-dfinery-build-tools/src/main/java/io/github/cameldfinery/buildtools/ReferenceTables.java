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
package io.github.cameldfinery.buildtools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The options and headers tables of the reference docs, written between two markers of a Markdown page from the
 * component's descriptor. Usage: {@code ReferenceTables <descriptor> <page>}.
 */
public final class ReferenceTables {

    /** Where the generated tables begin. */
    public static final String BEGIN = "<!-- generated from dfinery.json: begin -->";
    /** Where they end. */
    public static final String END = "<!-- generated from dfinery.json: end -->";

    private static final String OPTIONS_HEAD = "| Option | Group | Type | Default | Description |\n|---|---|---|---|---|\n";

    private ReferenceTables() {
    }

    /**
     * Rewrites the tables of a page.
     *
     * @param args the descriptor (see {@link Descriptor#read(String)}) and the Markdown page
     * @throws IOException when either cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ReferenceTables <descriptor> <page>");
        }
        Path page = Path.of(args[1]);
        Descriptor.write(page, update(Files.readString(page, StandardCharsets.UTF_8), Descriptor.read(args[0])));
    }

    /**
     * A page with its tables replaced by the descriptor's.
     *
     * @param page the page's text, with both markers
     * @param descriptor the component's descriptor
     * @return the page's new text
     */
    public static String update(String page, Descriptor descriptor) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the page has no " + BEGIN + " ... " + END + " section");
        }
        return page.substring(0, begin + BEGIN.length()) + tables(descriptor) + page.substring(end);
    }

    /**
     * The tables: endpoint options, component-only options and headers.
     *
     * @param descriptor the component's descriptor
     * @return Markdown
     */
    public static String tables(Descriptor descriptor) {
        Map<String, JsonNode> endpoint = descriptor.section("properties");
        StringBuilder out = new StringBuilder("\n\n### Endpoint options\n\n");
        out.append("Every option except `api` can also be set on the component (`camel.component.dfinery.<option>`, ")
                .append("kebab-case in properties files) as the default for all endpoints.\n\n").append(OPTIONS_HEAD);
        endpoint.forEach((name, option) -> row(name, option, out));
        out.append("\n### Component-only options\n\n").append(OPTIONS_HEAD);
        descriptor.section("componentProperties").forEach((name, option) -> {
            if (!endpoint.containsKey(name)) {
                row(name, option, out);
            }
        });
        out.append("\n### Headers\n\n| Header | Direction | Type | Description |\n|---|---|---|---|\n");
        descriptor.section("headers").forEach((name, header) -> out.append("| `").append(name).append("` | ")
                .append(direction(name, header)).append(" | `").append(simple(header.path("javaType").asText()))
                .append("` | ").append(escape(header.path("description").asText())).append(" |\n"));
        return out.append("\n").toString();
    }

    /** Camel's descriptor does not say which way a header goes: results are written, everything else is read. */
    private static String direction(String name, JsonNode header) {
        if ("CamelDfineryServiceId".equals(name)) {
            return "in/out";
        }
        boolean result = header.path("description").asText().startsWith("The result")
                         || name.startsWith("CamelDfineryRateLimit") || name.endsWith("Count") || name.endsWith("Ids");
        return result ? "out" : "in";
    }

    private static void row(String name, JsonNode option, StringBuilder out) {
        String type = option.path("type").asText();
        if (option.has("enum")) {
            StringBuilder values = new StringBuilder();
            option.get("enum").forEach(v -> values.append(values.length() == 0 ? "" : ", ").append(v.asText()));
            type = "enum: " + values;
        }
        out.append("| `").append(name).append("` | ").append(option.path("group").asText())
                .append(option.path("secret").asBoolean() ? " (secret)" : "").append(" | ").append(type).append(" | ")
                .append(option.has("defaultValue") ? "`" + option.get("defaultValue").asText() + "`" : "").append(" | ")
                .append(escape(option.path("description").asText())).append(" |\n");
    }

    private static String simple(String javaType) {
        return javaType.replace("java.lang.", "").replace("java.util.", "").replace("java.time.", "")
                .replace("io.github.cameldfinery.component.", "");
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
