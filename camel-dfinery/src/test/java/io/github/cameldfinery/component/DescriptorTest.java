package io.github.cameldfinery.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The generated JSON descriptor, which tooling reads, documents every option and header. */
class DescriptorTest {

    static JsonNode descriptor() throws Exception {
        try (InputStream in = DescriptorTest.class.getResourceAsStream("/META-INF/io/github/cameldfinery/component/dfinery.json")) {
            assertThat(in).as("generated descriptor on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyOptionAndHeaderHasADescription() throws Exception {
        JsonNode json = descriptor();
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            assertThat(json.get(section).size()).as(section).isPositive();
            json.get(section).fields().forEachRemaining(entry -> assertThat(entry.getValue().path("description").asText())
                    .as(section + "." + entry.getKey()).isNotBlank().doesNotContain("{@code").doesNotContain("{code"));
        }
    }

    @Test
    void tokensAreSecretsAndDurationsAreDurations() throws Exception {
        JsonNode properties = descriptor().get("properties");
        for (String token : new String[] { "accessToken", "bearerToken" }) {
            assertThat(properties.get(token).get("secret").asBoolean()).as(token).isTrue();
        }
        for (String duration : new String[] { "connectTimeout", "requestTimeout", "retryDelay", "retryMaxDelay",
                                              "rateLimitMaxWait", "eventQuotaWindow", "exportQuotaWindow" }) {
            assertThat(properties.get(duration).get("type").asText()).as(duration).isEqualTo("duration");
        }
        assertThat(properties.get("api").get("enum")).extracting(JsonNode::asText)
                .containsExactly("event", "identity", "profile", "export");
    }
}
