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
package io.github.cameldfinery.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * A Kamelet property left unset leaves the component's value in force: every property that the component also
 * takes at component level (dfinery.json's componentProperties) is passed to the endpoint as an optional
 * placeholder {@code {{?name}}}, declares no default and is not required, so that
 * {@code camel.component.dfinery.base-uri} (and every other {@code camel.component.dfinery.*}) reaches the Kamelets'
 * endpoints. A property without a component-level counterpart may keep a default of the endpoint's own, or one of
 * the Kamelet's own that docs/kamelets.md lists ({@link #OWN}). The description and the doc's table name the
 * component's property.
 */
class KameletDefaultsTest {

    static final String[] KAMELETS = { "dfinery-event-sink", "dfinery-identity-sink", "dfinery-profile-sink",
                                       "dfinery-export-source" };
    /**
     * The Kamelets' own defaults: the export source polls once a minute, where the endpoint's scheduler alone would
     * poll every 500 ms and the component has no poll delay to fall back on.
     */
    static final Map<String, String> OWN = Map.of("delay", "60000");
    static final Path DOC = Path.of("..", "docs", "kamelets.md");
    static final String PREFIX = "camel.component.dfinery.";

    @Test
    void aPropertyWithAComponentLevelCounterpartIsOptionalAndHasNoDefault() throws Exception {
        JsonNode descriptor = read(new ObjectMapper(), "META-INF/io/github/cameldfinery/component/dfinery.json");
        JsonNode componentOptions = descriptor.get("componentProperties");
        JsonNode endpointOptions = descriptor.get("properties");
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Set<String> wrong = new LinkedHashSet<>();
        int componentLevel = 0;
        for (String kamelet : KAMELETS) {
            JsonNode kameletYaml = read(new ObjectMapper(new YAMLFactory()), "kamelets/" + kamelet + ".kamelet.yaml");
            JsonNode definition = kameletYaml.path("spec").path("definition");
            Map<String, String> passed = new LinkedHashMap<>();
            parameters(kameletYaml.path("spec").path("template"), passed);
            List<String> required = new ArrayList<>();
            definition.path("required").forEach(r -> required.add(r.asText()));

            for (Iterator<Map.Entry<String, JsonNode>> it = definition.path("properties").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> property = it.next();
                String name = property.getKey();
                JsonNode spec = property.getValue();
                JsonNode value = spec.get("default");
                String row = tableRow(doc, name);
                if (row == null) {
                    wrong.add(DOC + " has no row of its own for " + name);
                }
                if (componentOptions.has(name)) {
                    componentLevel++;
                    String option = PREFIX + dashed(name);
                    if (!("{{?" + name + "}}").equals(passed.get(name))) {
                        wrong.add(kamelet + " passes " + name + " as " + passed.get(name) + ", not {{?" + name + "}}");
                    }
                    if (value != null) {
                        wrong.add(kamelet + " " + name + " defaults to " + value.asText() + ", over " + option);
                    }
                    if (required.contains(name)) {
                        wrong.add(kamelet + " requires " + name + ", which " + option + " can give");
                    }
                    if (!spec.path("description").asText().contains(option)) {
                        wrong.add(kamelet + " " + name + ": the description does not name " + option);
                    }
                    if (row != null && !row.contains("`" + option + "`")) {
                        wrong.add(DOC + " does not name " + option + " for " + name + ": " + row);
                    }
                } else if (value != null) {
                    String expected = OWN.getOrDefault(name, endpointOptions.path(name).path("defaultValue").asText(null));
                    if (!value.asText().equals(expected)) {
                        wrong.add(kamelet + " " + name + " defaults to " + value.asText() + ", expected " + expected);
                    }
                    if (row != null && !row.contains("`" + value.asText() + "`")) {
                        wrong.add(DOC + " gives another default for " + name + ": " + row);
                    }
                }
            }
            for (Map.Entry<String, String> parameter : passed.entrySet()) {
                if (!definition.path("properties").has(parameter.getKey())) {
                    wrong.add(kamelet + " passes " + parameter.getKey() + "=" + parameter.getValue()
                              + ", which no property of the Kamelet sets");
                }
            }
        }
        assertThat(componentLevel).as("Kamelet properties with a component-level counterpart").isPositive();
        assertThat(wrong).as("properties that would hide the component's value").isEmpty();
    }

    /** The endpoint parameters the template passes, wherever in the template they are. */
    private static void parameters(JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("parameters") && field.getValue().isObject()) {
                    field.getValue().fields().forEachRemaining(p -> into.put(p.getKey(), p.getValue().asText()));
                } else {
                    parameters(field.getValue(), into);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> parameters(element, into));
        }
    }

    /** rateLimitMaxWait as rate-limit-max-wait, the way application properties spell it. */
    static String dashed(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    /** The row of the doc's table that is about this property alone ("| `name` |" or "| `name` (secret) |"), or null. */
    private static String tableRow(String doc, String name) {
        for (String line : doc.split("\n")) {
            if (line.startsWith("| `" + name + "` |") || line.startsWith("| `" + name + "` (")) {
                return line;
            }
        }
        return null;
    }

    private static JsonNode read(ObjectMapper mapper, String resource) throws Exception {
        try (InputStream in = KameletDefaultsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return mapper.readTree(in);
        }
    }
}
