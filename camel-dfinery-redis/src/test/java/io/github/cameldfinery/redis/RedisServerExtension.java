package io.github.cameldfinery.redis;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} process for a test class, on a free loopback port, with no persistence; stopped and
 * started again on demand (to test what happens while Redis is down) and killed after the class. Needs Debian's
 * {@code redis-server} on the PATH or in /usr/bin (the CI script installs it).
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

    private int port;
    private Process process;
    private Path log;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        log = Files.createTempFile("redis-" + port, ".log");
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        Files.deleteIfExists(log);
    }

    /** Starts the server on this extension's port and waits until it answers. */
    public void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder(binary(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--protected-mode", "yes")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Process started = process;
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .failFast("redis-server exited", () -> !started.isAlive())
                .until(this::answers);
    }

    /** Kills the server (as a crash would) and waits until it is gone. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
            process = null;
        }
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    private boolean answers() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("PING\r\n".getBytes());
            byte[] reply = new byte[7];
            return socket.getInputStream().read(reply) > 0 && new String(reply).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
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
