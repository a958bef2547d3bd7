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
