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
package io.github.cameldfinery.emulator.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.state.EmulatedService;

/** The HTTP side of the emulator, on the JDK's built-in server: one handler per documented endpoint. */
public final class EmulatorServer {

    private final HttpServer server;
    /** With close-delimited export bodies, the front on the configured port; null otherwise. */
    private final CloseDelimitedFront front;
    private final ExecutorService executor;
    private final LongAdder unknownServiceRequests = new LongAdder();

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK
        // and every request waits ~40 ms. The property is read once, when the JDK server's config loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    public EmulatorServer(EmulatorConfig config, Map<String, EmulatedService> services) throws IOException {
        // Strict parsing: duplicate keys and NaN are not JSON the API would take.
        ObjectMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        boolean closeDelimited = config.exportBodyFraming() == EmulatorConfig.BodyFraming.CLOSE;
        // With a front, the JDK server listens on a free port behind it.
        this.server = HttpServer.create(new InetSocketAddress(config.host(), closeDelimited ? 0 : config.port()), 1024);
        this.front = closeDelimited ? new CloseDelimitedFront(config.host(), config.port(), server.getAddress()) : null;
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        for (ImportOperation operation : ImportOperation.values()) {
            server.createContext(operation.path, new ImportHandler(operation, services::get, config, mapper,
                    unknownServiceRequests::increment));
        }
        for (ExportOperation operation : ExportOperation.values()) {
            server.createContext(operation.path, new ExportHandler(operation, services::get, config, mapper,
                    unknownServiceRequests::increment));
        }
        server.createContext(AdminHandler.PREFIX, new AdminHandler(services, unknownServiceRequests::sum, mapper));
    }

    public void start() {
        server.start();
        if (front != null) {
            front.start();
        }
    }

    public int port() {
        return front != null ? front.port() : server.getAddress().getPort();
    }

    public long unknownServiceRequests() {
        return unknownServiceRequests.sum();
    }

    public void stop() {
        if (front != null) {
            front.stop();
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "dfinery-emulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
