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
