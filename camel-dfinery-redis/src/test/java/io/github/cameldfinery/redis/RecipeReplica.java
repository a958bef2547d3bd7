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

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * One replica of docs/export.md's recipe for replicas, in a JVM of its own: Camel Main with the properties file
 * given as first argument and the YAML route named by the fourth (a classpath resource); its
 * {@code direct:warehouse} appends each row's df_event_log_id to the file given as second argument. With a third
 * argument n above 0, the n-th row stays in the warehouse: the replica says {@code IN_FLIGHT <id>} and waits there
 * until it is killed.
 */
public final class RecipeReplica {

    private RecipeReplica() {
    }

    public static void main(String[] args) throws Exception {
        int holdAt = Integer.parseInt(args[2]);
        AtomicInteger rows = new AtomicInteger();
        try (OutputStream file = new FileOutputStream(args[1], true)) {
            Main main = new Main();
            main.setPropertyPlaceholderLocations("file:" + args[0]);
            main.configure().withRoutesIncludePattern("classpath:" + args[3]);
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:warehouse").process(e -> {
                        String id = e.getMessage().getBody(Map.class).get("df_event_log_id").toString();
                        if (rows.incrementAndGet() == holdAt) {
                            System.out.println("IN_FLIGHT " + id);
                            new CountDownLatch(1).await();
                        }
                        synchronized (file) {
                            file.write((id + "\n").getBytes(StandardCharsets.UTF_8));
                            file.flush();
                        }
                    });
                }
            });
            main.start();
            ReplicaProcess.readyThenAwaitInput();
            main.stop();
        }
    }
}
