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

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Options become starter properties typed as Camel Spring Boot's generated starters type them. */
class StarterOptionTest {

    private static JsonNode option(String json) throws Exception {
        return new ObjectMapper().readTree(json.replace('\'', '"'));
    }

    @Test
    void primitivesAreBoxedWithTheirDefault() throws Exception {
        StarterOption quota = StarterOption.of("eventQuota",
                option("{'type':'integer','javaType':'long','defaultValue':1000000,'description':'d'}"));
        assertThat(quota.type()).isEqualTo("Long");
        assertThat(quota.initializer()).isEqualTo("1000000L");
        assertThat(StarterOption.of("flag", option("{'type':'boolean','javaType':'boolean','description':'d'}"))
                .initializer()).isNull();
    }

    @Test
    void durationsAreTextInCamelsNotation() throws Exception {
        StarterOption window = StarterOption.of("window",
                option("{'type':'duration','javaType':'long','defaultValue':'1m30s','description':'d'}"));
        assertThat(window.type()).isEqualTo("String");
        assertThat(window.initializer()).isEqualTo("\"1m30s\"");
        assertThat(window.description()).startsWith("d A duration: ");
    }

    @Test
    void beansKeepTheirTypeAndSayIt() throws Exception {
        StarterOption repository = StarterOption.of("stateRepository", option("{'type':'object','javaType':"
                + "'org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String>','description':'Where.'}"));
        assertThat(repository.bean()).isTrue();
        assertThat(repository.rawType()).isEqualTo("org.apache.camel.spi.StateRepository");
        assertThat(repository.description())
                .isEqualTo("Where. The option is a org.apache.camel.spi.StateRepository<java.lang.String, java.lang.String> type.");
    }

    @Test
    void enumsKeepTheirType() throws Exception {
        StarterOption operation = StarterOption.of("operation", option("{'type':'enum','javaType':"
                + "'io.github.cameldfinery.component.api.DfineryIdentityOperation','defaultValue':'update','description':'d'}"));
        assertThat(operation.initializer()).isEqualTo("io.github.cameldfinery.component.api.DfineryIdentityOperation.update");
    }
}
