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
package io.github.cameldfinery.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docs/brokers.md shows the recipes' routes as the files the ITs of this module run: each block marked
 * {@code <!-- not run: … runs this file: <path> -->} is that file, word for word.
 */
class BrokersDocTest {

    static final Path ROOT = Path.of("..");
    static final Pattern FILE_BLOCK = Pattern.compile(
            "<!-- not run: [^>]*runs this file: (\\S+) -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theRecipesShownAreTheFilesTheTestsRun() throws Exception {
        String doc = Files.readString(ROOT.resolve("docs/brokers.md"));
        Map<String, String> shown = new LinkedHashMap<>();
        Matcher block = FILE_BLOCK.matcher(doc);
        while (block.find()) {
            shown.put(block.group(1), block.group(2));
        }
        assertThat(shown.keySet()).as("recipe files shown").contains(
                "camel-dfinery-brokers/src/test/resources/recipes/kafka-to-dfinery.yaml",
                "camel-dfinery-brokers/src/test/resources/recipes/jms-to-dfinery.yaml",
                "camel-dfinery-brokers/src/test/resources/recipes/dfinery-export-to-kafka.yaml");
        for (Map.Entry<String, String> file : shown.entrySet()) {
            assertThat(file.getValue()).as(file.getKey()).isEqualTo(Files.readString(ROOT.resolve(file.getKey())));
        }
    }
}
