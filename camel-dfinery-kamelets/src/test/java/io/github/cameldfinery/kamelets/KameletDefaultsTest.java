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
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The defaults a Kamelet declares are written by hand, beside the component's (dfinery.json) and the table of
 * docs/kamelets.md: a default changed in only one of the three places fails here. A Kamelet may choose its own
 * default only where the table says so (the export source polls once a minute).
 */
class KameletDefaultsTest {

    static final String[] KAMELETS = { "dfinery-event-sink", "dfinery-identity-sink", "dfinery-profile-sink",
                                       "dfinery-export-source" };
    /** The Kamelets' own defaults, not the component's: docs/kamelets.md lists them. */
    static final Map<String, String> OWN = Map.of("delay", "60000");
    static final Path DOC = Path.of("..", "docs", "kamelets.md");

    @Test
    void everyKameletDefaultIsTheComponentsAndTheDocumentedOne() throws Exception {
        JsonNode options = read(new ObjectMapper(), "META-INF/io/github/cameldfinery/component/dfinery.json").get("properties");
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> drift = new ArrayList<>();
        int checked = 0;
        for (String kamelet : KAMELETS) {
            JsonNode properties = read(new ObjectMapper(new YAMLFactory()), "kamelets/" + kamelet + ".kamelet.yaml")
                    .path("spec").path("definition").path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> property = it.next();
                JsonNode value = property.getValue().get("default");
                if (value == null) {
                    continue;
                }
                String name = property.getKey();
                String expected = OWN.getOrDefault(name, options.path(name).path("defaultValue").asText(null));
                if (!value.asText().equals(expected)) {
                    drift.add(kamelet + " " + name + " defaults to " + value.asText() + ", the component to " + expected);
                }
                String row = tableRow(doc, name);
                if (row != null && !row.contains("| `" + value.asText() + "` |")) {
                    drift.add(DOC + " gives another default for " + name + ": " + row);
                }
                checked++;
            }
        }
        assertThat(checked).as("Kamelet properties with a default").isPositive();
        assertThat(drift).as("defaults that differ").isEmpty();
    }

    /** The row of the doc's table that is about this property alone, or null. */
    private static String tableRow(String doc, String name) {
        for (String line : doc.split("\n")) {
            if (line.startsWith("| `" + name + "` |")) {
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
