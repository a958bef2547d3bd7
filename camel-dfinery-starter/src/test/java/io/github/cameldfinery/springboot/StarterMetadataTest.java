package io.github.cameldfinery.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;

/**
 * The starter's configuration metadata (what IDEs complete) lists every option of the component's descriptor with its
 * description, and nothing else but Camel's starter switches. When it fails, run
 * camel-dfinery-starter/generate-configuration.py.
 */
class StarterMetadataTest {

    static final String PREFIX = "camel.component.dfinery.";

    @Test
    void everyComponentOptionIsAPropertyWithItsDescription() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode descriptor = read(json, "META-INF/io/github/cameldfinery/component/dfinery.json").get("componentProperties");
        Map<String, String> metadata = new HashMap<>();
        for (JsonNode property : starterMetadata(json).get("properties")) {
            metadata.put(property.get("name").asText(), property.path("description").asText(""));
        }

        Set<String> expected = new HashSet<>(Set.of(PREFIX + "enabled", PREFIX + "customizer.enabled"));
        descriptor.fields().forEachRemaining(option -> {
            if (option.getKey().equals("configuration")) {
                return;
            }
            String key = PREFIX + StringHelper.camelCaseToDash(option.getKey());
            expected.add(key);
            assertThat(metadata).as("a property for the option " + option.getKey()).containsKey(key);
            assertThat(metadata.get(key)).as("the description of " + key)
                    .startsWith(option.getValue().get("description").asText());
        });
        assertThat(metadata.keySet()).as("properties without an option").containsExactlyInAnyOrderElementsOf(expected);
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
