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
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The downstream of an export replica in a JVM of its own: appends each row's {@code df_event_log_id} to a file the
 * test reads, and halts the JVM (as a kill would) after a given number of rows: between two rows of a window, with
 * its claim held and the cursor not moved.
 */
final class CrashingDownstream implements Processor, AutoCloseable {

    private final OutputStream file;
    private final int crashAfter;
    private final AtomicInteger rows = new AtomicInteger();

    /**
     * @param crashAfter rows after which the process halts; 0 never
     */
    CrashingDownstream(String path, int crashAfter) throws IOException {
        this.file = new FileOutputStream(path, true);
        this.crashAfter = crashAfter;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        String id = exchange.getMessage().getBody(Map.class).get("df_event_log_id").toString();
        synchronized (file) {
            file.write((id + "\n").getBytes(StandardCharsets.UTF_8));
            file.flush();
        }
        if (rows.incrementAndGet() == crashAfter) {
            Runtime.getRuntime().halt(137);
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
