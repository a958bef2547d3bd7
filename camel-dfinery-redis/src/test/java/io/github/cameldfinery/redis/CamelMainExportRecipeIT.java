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
package io.github.cameldfinery.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.state.StoredEvent;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/** The export recipe for replicas of docs/export.md, as Camel Main properties and a YAML route, on a real Redis. */
class CamelMainExportRecipeIT extends ReplicasTestSupport {

    static final int DAYS = 4;
    static final int PER_DAY = 5;

    final List<String> warehouse = new CopyOnWriteArrayList<>();
    final String cursorKey = "recipe-" + UUID.randomUUID();

    Main replica() throws Exception {
        Properties properties = Application.exportRecipe(dfinery.baseUri(), redis.uri(), "PT10M", DAYS, cursorKey);
        Main main = new Main();
        main.setOverrideProperties(properties);
        main.configure().withRoutesIncludePattern("classpath:routes/replica-export.yaml");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:warehouse").process(e -> warehouse.add(e.getMessage().getBody(Map.class)
                        .get("df_event_log_id").toString()));
            }
        });
        main.start();
        return main;
    }

    @Test
    void twoReplicasFromPropertiesDeliverEachEventOnce() throws Exception {
        Application.seed(dfinery.baseUri(), DAYS, PER_DAY);
        Main first = replica();
        Main second = replica();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> warehouse.size() >= DAYS * PER_DAY);
        } finally {
            first.stop();
            second.stop();
        }
        assertThat(warehouse).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                dfinery.service(Application.SERVICE).events().stream().map(StoredEvent::eventLogId).toList());
        assertThat(dfinery.service(Application.SERVICE).stats().requests(ApiKind.EXPORT)).isEqualTo(DAYS);
    }
}
