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
package io.github.cameldfinery.testsupport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} process for a test class, on a free loopback port, with no persistence, for tests of
 * replicas that share state on Redis (alone, or beside the emulator's {@code DfineryEmulatorExtension}). It can be
 * stopped (as a crash: SIGKILL) and started again on the same port, to test what happens while Redis is away, and is
 * killed after the class. Needs {@code redis-server} on the PATH or in /usr/bin (Debian's package {@code redis-server}).
 *
 * <pre>{@code
 * @RegisterExtension
 * static RedisServerExtension redis = new RedisServerExtension();
 * ... new RedisQuotaStore(redis.uri()) ...
 * }</pre>
 *
 * <p>{@link #withPassword(String)} starts it with {@code requirepass}, as a production Redis would be; {@link #uri()}
 * then still carries no password, for tests that give it another way.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

    /**
     * How long a client of {@link #uri()} waits to connect and for each command: Lettuce's default of 2 seconds is
     * too short for a test machine under heavy load, where a replica once timed out connecting to a Redis that ran.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String READY = "Ready to accept connections";

    private int port;
    private Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final String password;

    /** A server without a password. */
    public RedisServerExtension() {
        this(null);
    }

    private RedisServerExtension(String password) {
        this.password = password;
    }

    /** A server that requires {@code password} ({@code requirepass}), also after a restart. */
    public static RedisServerExtension withPassword(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("A Redis password must not be empty");
        }
        return new RedisServerExtension(password);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /** Starts the server on this extension's port, unless it runs, and returns once it accepts connections. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        output.clear();
        List<String> command = new ArrayList<>(List.of(binary(), "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"));
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Process started = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    if (line.contains(READY)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("redis-server exited: " + output));
        }, "redis-server-" + port);
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stop();
            throw new IllegalStateException("redis-server did not start on port " + port + ": " + output, e);
        }
    }

    /** Kills the server (as a crash would) and waits until it is gone. */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
            process = null;
        }
    }

    /**
     * {@code redis://127.0.0.1:<port>?timeout=10000ms}: see {@link #TIMEOUT}. Without the password, if the server has
     * one: see {@link #password()}.
     */
    public String uri() {
        return uri(TIMEOUT);
    }

    /** This server's URI with another timeout, for tests of what a short one does while Redis is away. */
    public String uri(Duration timeout) {
        return "redis://127.0.0.1:" + port + "?timeout=" + timeout.toMillis() + "ms";
    }

    public int port() {
        return port;
    }

    /** The password the server requires; null when it requires none. */
    public String password() {
        return password;
    }

    private static String binary() {
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return "redis-server";
    }
}
