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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * The side of {@link KafkaIngestionBenchmark} without a broker: a Camel Main application like a replica (same
 * properties, same JVM options), whose route {@code direct:events} sets the event id key and sends to
 * {@code dfinery:event}. On the line {@code GO <first> <count>} it sends messages {@code first} to
 * {@code first + count - 1} one after the other from one thread, as a Kafka replica's consumer thread does, and says
 * {@code DONE <nanoseconds>}; it ends on the next line.
 */
public final class DirectSender {

    private DirectSender() {
    }

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]))) {
            properties.load(reader);
        }
        Main main = new Main();
        main.setOverrideProperties(properties);
        main.configure().withRoutesIncludePattern(args[1]);
        main.start();
        try {
            System.out.println("READY");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String[] go = in.readLine().split(" ");
            int first = Integer.parseInt(go[1]);
            int count = Integer.parseInt(go[2]);
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            long start = System.nanoTime();
            for (int n = first; n < first + count; n++) {
                template.sendBodyAndHeader("direct:events", BrokerRecipeSupport.message(n), "messageKey", "direct-" + n);
            }
            System.out.println("DONE " + (System.nanoTime() - start));
            System.out.flush();
            in.readLine();
        } finally {
            main.stop();
        }
    }
}
