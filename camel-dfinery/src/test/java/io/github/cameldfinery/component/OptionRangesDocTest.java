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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * docs/component.md's table of option values gives every number, duration and ratio option of the descriptor
 * (component and endpoint level) with the range the component applies ({@link OptionValues}), so neither can drift.
 */
class OptionRangesDocTest {

    static final String BEGIN = "<!-- option ranges: begin -->";
    static final String END = "<!-- option ranges: end -->";

    /** The table's rows by option: what the option takes and its range. */
    static Map<String, String[]> rows() throws Exception {
        String doc = Files.readString(ReferenceDocTest.DOC, StandardCharsets.UTF_8);
        String table = doc.substring(doc.indexOf(BEGIN) + BEGIN.length(), doc.indexOf(END));
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : table.split("\n")) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                rows.put(cells[1].trim().replace("`", ""), new String[] { cells[2].trim(), cells[3].trim() });
            }
        }
        return rows;
    }

    /** The descriptor's number and duration options, component-only ones included. */
    static Set<String> numericOptions() throws Exception {
        JsonNode json = DescriptorTest.descriptor();
        Set<String> options = new TreeSet<>();
        for (String section : new String[] { "componentProperties", "properties" }) {
            json.get(section).fields().forEachRemaining(option -> {
                String type = option.getValue().path("type").asText();
                if (type.equals("integer") || type.equals("number") || type.equals("duration")) {
                    options.add(option.getKey());
                }
            });
        }
        return options;
    }

    @Test
    void everyNumberAndDurationOptionIsInTheTableWithTheRangeTheComponentApplies() throws Exception {
        Map<String, String[]> rows = rows();
        Set<String> numeric = numericOptions();

        assertThat(rows.keySet()).as("options in the table").containsExactlyInAnyOrderElementsOf(numeric);
        List<String> ranged = new ArrayList<>();
        for (OptionValues.Range range : OptionValues.ranges()) {
            ranged.add(range.option());
            assertThat(rows).as(range.option()).containsKey(range.option());
            assertThat(rows.get(range.option())).as(range.option())
                    .containsExactly(range.kind().text(), range.requirement());
        }
        assertThat(ranged).as("options the component checks").containsExactlyInAnyOrderElementsOf(numeric);
    }

    @Test
    void durationsAreDurationsAndRatiosNumbersAsTheDescriptorSays() throws Exception {
        JsonNode json = DescriptorTest.descriptor();
        for (OptionValues.Range range : OptionValues.ranges()) {
            JsonNode option = json.get("properties").has(range.option()) ? json.get("properties").get(range.option())
                    : json.get("componentProperties").get(range.option());
            String expected = range.kind() == OptionValues.Kind.DURATION ? "duration"
                    : range.kind() == OptionValues.Kind.RATIO ? "number" : "integer";
            assertThat(option.path("type").asText()).as(range.option()).isEqualTo(expected);
            assertThat(option.path("javaType").asText()).as(range.option() + ": the Java type the range is read into")
                    .isIn(range.intType() ? List.of("int", "java.lang.Integer")
                            : List.of("long", "java.lang.Long", "double", "java.lang.Double"));
        }
    }
}
