package io.github.cameldfinery.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * docs/component.md lists every option and header of the generated descriptor, so the reference cannot drift.
 * Run with {@code -Ddfinery.docs.update=true} to rewrite the generated tables after changing an option.
 */
class ReferenceDocTest {

    static final Path DOC = Path.of("..", "docs", "component.md");
    static final String BEGIN = "<!-- generated from dfinery.json: begin -->";
    static final String END = "<!-- generated from dfinery.json: end -->";

    @Test
    void referenceListsEveryOptionAndHeader() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String generated = tables(DescriptorTest.descriptor());
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("marker in " + DOC).isPositive();
        String current = doc.substring(begin + BEGIN.length(), end);
        if (Boolean.getBoolean("dfinery.docs.update")) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + generated + doc.substring(end));
            return;
        }
        assertThat(current).as("docs/component.md is out of date with the descriptor; rerun this test with "
                               + "-Ddfinery.docs.update=true").isEqualTo(generated);
        JsonNode json = DescriptorTest.descriptor();
        for (String section : new String[] { "properties", "headers" }) {
            json.get(section).fieldNames().forEachRemaining(name -> assertThat(current).contains("| `" + name + "` |"));
        }
    }

    static String tables(JsonNode json) {
        StringBuilder out = new StringBuilder("\n\n### Endpoint options\n\n");
        out.append("Every option except `api` can also be set on the component (`camel.component.dfinery.<option>`, ")
                .append("kebab-case in properties files) as the default for all endpoints.\n\n");
        out.append("| Option | Group | Type | Default | Description |\n|---|---|---|---|---|\n");
        rows(json.get("properties"), out, true);
        out.append("\n### Component-only options\n\n| Option | Group | Type | Default | Description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = json.get("componentProperties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!json.get("properties").has(entry.getKey())) {
                row(entry.getKey(), entry.getValue(), out, true);
            }
        }
        out.append("\n### Headers\n\n| Header | Direction | Type | Description |\n|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = json.get("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode header = entry.getValue();
            String direction = header.path("description").asText().startsWith("The result")
                               || entry.getKey().startsWith("CamelDfineryRateLimit")
                               || entry.getKey().endsWith("Count") || entry.getKey().endsWith("Ids") ? "out" : "in";
            if ("CamelDfineryServiceId".equals(entry.getKey())) {
                direction = "in/out";
            }
            out.append("| `").append(entry.getKey()).append("` | ").append(direction).append(" | `")
                    .append(simple(header.path("javaType").asText())).append("` | ")
                    .append(escape(header.path("description").asText())).append(" |\n");
        }
        return out.append("\n").toString();
    }

    private static void rows(JsonNode properties, StringBuilder out, boolean withGroup) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            row(entry.getKey(), entry.getValue(), out, withGroup);
        }
    }

    private static void row(String name, JsonNode option, StringBuilder out, boolean withGroup) {
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
