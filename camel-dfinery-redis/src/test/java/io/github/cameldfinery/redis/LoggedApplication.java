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

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.spi.StateRepository;

/**
 * A Camel Main application in a JVM of its own for SecretsInLogsIT: its configuration is the properties file given
 * as the only argument (tokens, quota store, YAML routes); it sends one event, reads one exported row, stops, and
 * says {@code DONE}. Everything it logs goes to its standard error, which the test reads.
 */
public final class LoggedApplication {

    private LoggedApplication() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch row = new CountDownLatch(1);
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + args[0]);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:rows").process(e -> row.countDown());
            }
        });
        main.start();
        try {
            main.getCamelContext().createProducerTemplate().sendBody("direct:events",
                    DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("logged-user")).build());
            boolean exported = row.await(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
            if (exported) {
                awaitTheCursor(main);
            }
            System.out.println("DONE exported=" + exported);
        } finally {
            main.stop();
        }
    }

    /**
     * The window's cursor, where the application keeps one: stopping before it is written would make the test race
     * the export. On a loaded machine a stop may rightly abort a window whose body stalls (ExportShutdownIT), and the
     * test is about secrets, not stops.
     */
    @SuppressWarnings("unchecked")
    private static void awaitTheCursor(Main main) {
        StateRepository<String, String> cursor = main.getCamelContext().getRegistry()
                .lookupByNameAndType("exportCursor", StateRepository.class);
        String key = main.getCamelContext().getPropertiesComponent().resolveProperty("cursor-key").orElse(null);
        if (cursor != null && key != null) {
            await().atMost(Duration.ofSeconds(60)).until(() -> cursor.getState(key) != null);
        }
    }
}
