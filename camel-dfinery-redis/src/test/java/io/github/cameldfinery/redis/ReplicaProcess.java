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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A replica in a JVM of its own: a {@code main} class of the tests started with the tests' classpath. It says
 * {@code READY} on its standard output once its Camel context runs, starts work on {@code GO} from its standard
 * input, and ends with a {@code DONE …} line; {@link #kill()} ends it as a crash would (SIGKILL).
 */
final class ReplicaProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final PrintWriter input;
    private final Path log;

    private ReplicaProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("EXIT " + e);
            }
        }, "replica-" + name + "-out");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with {@code args}; its log goes to a file named after the replica. */
    static ReplicaProcess start(String name, Class<?> mainClass, String... args) throws IOException {
        return start(name, mainClass, List.of(), Map.of(), args);
    }

    /** Starts {@code mainClass} with extra JVM options (system properties) and environment variables. */
    static ReplicaProcess start(String name, Class<?> mainClass, List<String> jvmOptions, Map<String, String> environment,
            String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("replica-" + name + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().putAll(environment);
        return new ReplicaProcess(name, builder.start(), log);
    }

    /** In a replica's {@code main}: says READY, then returns on the first line of standard input (or its end). */
    static String readyThenAwaitInput() throws IOException {
        System.out.println("READY");
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    void awaitReady() {
        await().atMost(Duration.ofSeconds(60)).failFast(name + " exited: " + this, () -> !process.isAlive())
                .until(() -> lines.contains("READY"));
    }

    void go() {
        input.println("GO");
    }

    /** The replica's {@code DONE} line, once it has one. */
    String awaitDone(Duration atMost) {
        await().atMost(atMost).failFast(name + " exited without DONE: " + this,
                () -> !process.isAlive() && lines.stream().noneMatch(l -> l.startsWith("DONE")))
                .until(() -> lines.stream().anyMatch(l -> l.startsWith("DONE")));
        return lines.stream().filter(l -> l.startsWith("DONE")).findFirst().orElseThrow();
    }

    /** Everything the process wrote: its standard output, then its standard error (where its log goes). */
    String output() throws IOException {
        return String.join("\n", lines) + "\n" + Files.readString(log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the process at once, with no shutdown of anything in it (SIGKILL). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        kill();
        Files.deleteIfExists(log);
    }

    @Override
    public String toString() {
        String tail;
        try {
            List<String> logged = Files.readAllLines(log);
            tail = String.join("\n", logged.subList(Math.max(0, logged.size() - 30), logged.size()));
        } catch (IOException e) {
            tail = e.toString();
        }
        return name + " output " + lines + "\nlog tail:\n" + tail;
    }
}
