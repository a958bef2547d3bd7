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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldfinery.buildtools.Descriptor;
import io.github.cameldfinery.buildtools.ReferenceTables;
import org.junit.jupiter.api.Test;

/**
 * docs/component.md lists every option and header of the generated descriptor, with its default and description, so
 * the reference cannot drift: the build writes the tables (process-classes), and this fails on a table edited by
 * hand or written from another descriptor.
 */
class ReferenceDocTest {

    static final Path DOC = Path.of("..", "docs", "component.md");

    @Test
    void referenceListsEveryOptionAndHeader() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Descriptor descriptor = Descriptor.read("classpath:META-INF/io/github/cameldfinery/component/dfinery.json");
        String tables = doc.substring(doc.indexOf(ReferenceTables.BEGIN) + ReferenceTables.BEGIN.length(),
                doc.indexOf(ReferenceTables.END));
        assertThat(tables).as(DOC + " is out of date with the descriptor: build camel-dfinery (mvn process-classes)")
                .isEqualTo(ReferenceTables.tables(descriptor));
        JsonNode json = DescriptorTest.descriptor();
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            json.get(section).fields().forEachRemaining(option -> assertThat(tables)
                    .contains("| `" + option.getKey() + "` |")
                    .contains(option.getValue().path("description").asText()));
        }
    }
}
