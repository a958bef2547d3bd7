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

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.github.cameldfinery.component.export.ExportBodies;
import io.github.cameldfinery.component.export.ExportClient;
import io.github.cameldfinery.component.http.DfineryHttpClient;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side a running component shares with its endpoints: one JDK client per distinct connect timeout, proxy and
 * HTTP version, so connections are reused, on the component's threads. Made when the component starts; closing it
 * closes the clients it made.
 */
final class HttpConnections {

    private static final Logger LOG = LoggerFactory.getLogger(HttpConnections.class);

    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private final ExecutorService senders;
    private final ExecutorService clientThreads;
    private final ScheduledExecutorService timer;
    private final Set<CompletableFuture<?>> inFlight;
    private final ExportBodies exportBodies;

    /**
     * @param senders       the threads that send requests and handle their answers
     * @param clientThreads the JDK clients' own threads
     * @param timer         request deadlines and the read-progress checks of export bodies
     * @param inFlight      the import answers awaited, which the component fails when it stops
     * @param exportBodies  the open export bodies, which the component aborts when it stops
     */
    HttpConnections(ExecutorService senders, ExecutorService clientThreads, ScheduledExecutorService timer,
                    Set<CompletableFuture<?>> inFlight, ExportBodies exportBodies) {
        this.senders = senders;
        this.clientThreads = clientThreads;
        this.timer = timer;
        this.inFlight = inFlight;
        this.exportBodies = exportBodies;
    }

    /** The import side of an endpoint with these options. */
    DfineryHttpClient http(DfineryConfiguration config) {
        return new DfineryHttpClient(httpClient(config), senders, timer, inFlight, config.getBaseUri(),
                Duration.ofMillis(config.getRequestTimeout()));
    }

    /** The export side of an endpoint with these options. */
    ExportClient exportClient(DfineryConfiguration config) {
        return new ExportClient(http(config), timer, exportBodies, Duration.ofMillis(config.getExportReadTimeout()));
    }

    /** The client for this configuration: the injected one, or a shared one per connect timeout and proxy. */
    private HttpClient httpClient(DfineryConfiguration config) {
        if (config.getHttpClient() != null) {
            return config.getHttpClient();
        }
        String key = config.getConnectTimeout() + "|" + config.getProxyHost() + "|" + config.getProxyPort() + "|"
                     + config.getHttpVersion();
        return clients.computeIfAbsent(key, k -> {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .executor(clientThreads)
                    .version(config.getHttpVersion())
                    .connectTimeout(Duration.ofMillis(config.getConnectTimeout()))
                    // Never follow a redirect: it would carry the token to wherever the redirect points.
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (ObjectHelper.isNotEmpty(config.getProxyHost())) {
                builder.proxy(ProxySelector.of(new InetSocketAddress(config.getProxyHost(), config.getProxyPort())));
            }
            return builder.build();
        });
    }

    /**
     * Closes the clients it made, on JDKs where HttpClient can be closed (21 on), so their selector threads end now;
     * on 17 a thread ends once its client is no longer referenced, which the stopped producers ensure.
     */
    void close() {
        for (HttpClient client : clients.values()) {
            if (client instanceof AutoCloseable) {
                try {
                    HttpClient.class.getMethod("shutdownNow").invoke(client);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    LOG.debug("Could not close an HTTP client", e);
                }
            }
        }
        clients.clear();
    }
}
