package io.github.cameldfinery.emulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.github.cameldfinery.emulator.config.EmulatorConfig;

/**
 * Runs the emulator standalone: {@code java -jar dfinery-emulator-standalone.jar [--port N] [--host H]
 * [--config file.yaml]}. Without {@code --config}, one demo service is configured (see the README).
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        EmulatorConfig config = null;
        Integer port = null;
        String host = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config": config = EmulatorConfig.read(Path.of(value(args, ++i, "--config"))); break;
                case "--port": port = Integer.parseInt(value(args, ++i, "--port")); break;
                case "--host": host = value(args, ++i, "--host"); break;
                case "--help":
                    System.out.println("Usage: [--port N (default 8089)] [--host H (default 127.0.0.1)] [--config file.yaml]");
                    return;
                default: throw new IllegalArgumentException("Unknown argument '" + args[i] + "'; try --help");
            }
        }
        if (config == null) {
            config = EmulatorConfig.demo().port(8089);
        }
        if (port != null) {
            config.port(port);
        }
        if (host != null) {
            config.host(host);
        }
        DfineryEmulator emulator = DfineryEmulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        System.out.println("DFINERY emulator listening on " + emulator.baseUri() + " with services "
                           + emulator.services().keySet() + "; stats at " + emulator.baseUri() + "/_emulator/stats");
        stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
