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
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first route users write, {@code from("dfinery:export…").to("file:…")}, writes the rows as NDJSON (one JSON
 * object per line) and moves the cursor on, so that the next poll exports the next day, not the same one again.
 */
class ExportToFileTest extends DfineryTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path warehouse;

    final MemoryStateRepository cursor = new MemoryStateRepository();
    final PollCounter polls = new PollCounter();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:seed").to("dfinery:event");
            }
        };
    }

    @Override
    public boolean isUseRouteBuilder() {
        return true;
    }

    @Test
    void rowsBecomeAnNdjsonFilePerDayAndTheCursorMovesOn() throws Exception {
        template.sendBody("direct:seed", spread(3, 4));
        LocalDate start = today().minusDays(3);
        context.getRegistry().bind("exportCursor", cursor);
        context.getRegistry().bind("polls", polls);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export?startDate=" + start + "&stateRepository=#exportCursor&cursorKey=warehouse&delay=100"
                     + "&pollStrategy=#polls")
                    .to("file:" + warehouse + "?fileName=${header.CamelDfineryExportFromDate}.ndjson&fileExist=Append");
            }
        });

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(cursor.getState("warehouse"))
                .isEqualTo(today().toString()));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int d = 3; d >= 1; d--) {
            Path file = warehouse.resolve(today().minusDays(d) + ".ndjson");
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines).as(file.toString()).hasSize(4);
            for (String line : lines) {
                rows.add(JSON.readValue(line, new TypeReference<Map<String, String>>() { }));
            }
        }
        assertThat(rows).extracting(r -> r.get("df_event_log_id")).containsExactlyInAnyOrderElementsOf(
                service().events().stream().filter(e -> e.eventDatetime().compareTo(today().toString()) < 0)
                        .map(StoredEvent::eventLogId).toList());
        assertThat(rows).allSatisfy(r -> assertThat(r).containsKeys("event_name", "df_external_id"));
        long calls = service().stats().requests(ApiKind.EXPORT);
        polls.awaitTwoMore();
        assertThat(service().stats().requests(ApiKind.EXPORT)).as("no window exported again").isEqualTo(calls)
                .isEqualTo(3L);
    }

    @Test
    void aBareFileEndpointWritesOneJsonLinePerRow() throws Exception {
        template.sendBody("direct:seed", spread(1, 3));

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dfinery:export").to("file:" + warehouse);
            }
        });

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(files()).hasSize(3));
        for (Path file : files()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).endsWith("}\n");
            assertThat(JSON.readTree(text).get("event_name").asText()).isEqualTo("df_purchase");
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.list(warehouse)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
