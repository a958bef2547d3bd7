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
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JVM of its own on the tests' classpath: a replica, or a broker. Its standard output is kept line by line (a
 * replica says {@code READY} there), its standard error goes to a log file; {@link #kill()} ends it as a crash would
 * (SIGKILL).
 */
final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final PrintWriter input;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
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
        }, name + "-out");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with JVM options and arguments. */
    static ChildJvm start(String name, String mainClass, List<String> jvmOptions, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(List.of(args));
        // Kept after the test, for a failure's post-mortem: target/child-jvm-logs/<name>-<n>.log.
        Path logs = Files.createDirectories(Path.of("target", "child-jvm-logs"));
        Path log = Files.createTempFile(logs, name + "-", ".log");
        return new ChildJvm(name, new ProcessBuilder(command).redirectError(log.toFile()).start(), log);
    }

    /** In a child's {@code main}: says READY, then returns on the first line of standard input (or its end). */
    static String readyThenAwaitInput() throws IOException {
        System.out.println("READY");
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    void awaitReady() {
        awaitLine("READY", Duration.ofSeconds(90));
    }

    /** The first line of standard output that starts with {@code prefix}, once there is one. */
    String awaitLine(String prefix, Duration atMost) {
        try {
            untilLine(prefix, atMost);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no line " + prefix + " within " + atMost + " from " + this, e);
        }
        return line(prefix).orElseThrow();
    }

    private void untilLine(String prefix, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(20))
                .failFast(() -> {
                    if (!process.isAlive() && line(prefix).isEmpty()) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + ": " + this);
                    }
                })
                .until(() -> line(prefix).isPresent());
    }

    Optional<String> line(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
    }

    /** Writes a line to the child's standard input. */
    void tell(String line) {
        input.println(line);
    }

    /** Asks the child to end: it reads a line from its standard input. */
    void stop() {
        input.println("STOP");
        input.close();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the process at once, with no shutdown of anything in it (SIGKILL). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits for the process to end by itself (after {@link #stop()}), killing it if it does not within the time. */
    void awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws Exception {
        kill();
    }

    @Override
    public String toString() {
        String tail;
        try {
            List<String> logged = Files.readAllLines(log);
            tail = String.join("\n", logged.subList(Math.max(0, logged.size() - 40), logged.size()));
        } catch (IOException e) {
            tail = e.toString();
        }
        return name + " output " + lines + "\nlog tail:\n" + tail;
    }
}
