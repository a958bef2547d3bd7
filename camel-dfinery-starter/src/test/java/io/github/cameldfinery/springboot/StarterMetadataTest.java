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
package io.github.cameldfinery.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;

/**
 * The starter's configuration metadata (what IDEs complete, written by spring-boot-configuration-processor from the
 * compiled DfineryComponentConfiguration) lists every component option of the descriptor with its type, default and
 * description, and nothing else but Camel's starter switches: a property that drifts from its option fails here.
 */
class StarterMetadataTest {

    static final String PREFIX = "camel.component.dfinery.";
    static final Map<String, String> TYPES = Map.of("boolean", "java.lang.Boolean", "duration", "java.lang.String",
            "string", "java.lang.String");

    @Test
    void everyComponentOptionIsAPropertyWithItsTypeDefaultAndDescription() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode descriptor = read(json, "META-INF/io/github/cameldfinery/component/dfinery.json").get("componentProperties");
        Map<String, JsonNode> metadata = new HashMap<>();
        for (JsonNode property : starterMetadata(json).get("properties")) {
            metadata.put(property.get("name").asText(), property);
        }

        Set<String> expected = new HashSet<>(Set.of(PREFIX + "enabled", PREFIX + "customizer.enabled"));
        descriptor.fields().forEachRemaining(entry -> {
            String key = PREFIX + StringHelper.camelCaseToDash(entry.getKey());
            JsonNode option = entry.getValue();
            expected.add(key);
            assertThat(metadata).as("a property for the option " + entry.getKey()).containsKey(key);
            JsonNode property = metadata.get(key);
            assertThat(property.path("description").asText()).as("the description of " + key)
                    .startsWith(option.get("description").asText());
            assertThat(property.path("type").asText().replace(" ", "").replace('$', '.')).as("the type of " + key)
                    .isEqualTo(expectedType(option).replace(" ", ""));
            assertThat(defaultOf(property)).as("the default of " + key).isEqualTo(defaultOf(option));
        });
        assertThat(metadata.keySet()).as("properties without an option").containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theSwitchesAreDescribedAsInCamelsStarters() throws Exception {
        Map<String, JsonNode> metadata = new HashMap<>();
        for (JsonNode property : starterMetadata(new ObjectMapper()).get("properties")) {
            metadata.put(property.get("name").asText(), property);
        }
        assertThat(metadata.get(PREFIX + "enabled").path("description").asText())
                .isEqualTo("Whether to enable auto configuration of the dfinery component. This is enabled by default.");
        assertThat(metadata.get(PREFIX + "enabled").path("defaultValue").asBoolean(false)).isTrue();
        assertThat(metadata.get(PREFIX + "customizer.enabled").path("description").asText())
                .contains("camel.component.customizer.enabled");
    }

    /** The type Camel Spring Boot's starters give an option: boxed primitives, the option's own enum and bean types. */
    private static String expectedType(JsonNode option) {
        String type = option.get("type").asText();
        String javaType = option.get("javaType").asText();
        switch (type) {
            case "integer":
                return javaType.endsWith("long") || javaType.endsWith("Long") ? "java.lang.Long" : "java.lang.Integer";
            case "number":
                return "java.lang.Double";
            case "enum":
            case "object":
                return javaType;
            default:
                return TYPES.get(type);
        }
    }

    /** Spring's metadata writes an enum constant in lower case with dashes, and Camel's descriptor as declared. */
    private static String defaultOf(JsonNode entry) {
        JsonNode value = entry.get("defaultValue");
        return value == null ? null : value.asText().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** This starter's metadata file: Camel Spring Boot's own jar has one by the same name. */
    private static JsonNode starterMetadata(ObjectMapper json) throws Exception {
        for (URL url : Collections.list(StarterMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode metadata = json.readTree(in);
                if (metadata.path("groups").findValuesAsText("name").contains("camel.component.dfinery")) {
                    return metadata;
                }
            }
        }
        throw new AssertionError("no configuration metadata for camel.component.dfinery on the classpath");
    }

    private static JsonNode read(ObjectMapper json, String resource) throws Exception {
        try (InputStream in = StarterMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return json.readTree(in);
        }
    }
}
