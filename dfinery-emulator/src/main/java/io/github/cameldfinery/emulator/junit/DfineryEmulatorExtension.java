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
package io.github.cameldfinery.emulator.junit;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import io.github.cameldfinery.emulator.DfineryEmulator;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.state.EmulatedService;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link DfineryEmulator} on a free port for a test class ({@code static} field) or for each test
 * (instance field), and resets its state before each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService("svc", "import", "export");
 * }</pre>
 */
public final class DfineryEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private final EmulatorConfig config;
    private DfineryEmulator emulator;
    private boolean perTest;
    private boolean resetBeforeEach = true;

    public DfineryEmulatorExtension(EmulatorConfig config) {
        this.config = config.port(0);
    }

    /** An emulator with one service that has the standard names registered and the documented limits. */
    public static DfineryEmulatorExtension withService(String serviceId, String importToken, String exportToken) {
        return new DfineryEmulatorExtension(new EmulatorConfig()
                .service(new io.github.cameldfinery.emulator.config.ServiceConfig(serviceId, importToken, exportToken)));
    }

    /** Adjusts the configuration before the emulator starts. */
    public DfineryEmulatorExtension configure(Consumer<EmulatorConfig> customizer) {
        customizer.accept(config);
        return this;
    }

    /** Keeps state from one test to the next (by default it is reset before each test). */
    public DfineryEmulatorExtension keepStateBetweenTests() {
        this.resetBeforeEach = false;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = DfineryEmulator.start(config);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emulator == null) {
            perTest = true;
            emulator = DfineryEmulator.start(config);
        } else if (resetBeforeEach) {
            emulator.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            afterAll(context);
        }
    }

    public DfineryEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("The DFINERY emulator runs only while a test runs");
        }
        return emulator;
    }

    public URI baseUri() {
        return emulator().baseUri();
    }

    public EmulatedService service(String serviceId) {
        return emulator().service(serviceId);
    }

    /**
     * The events a service stored, one line each, without what the emulator made up itself (ids, arrival times): to
     * compare what two routes sent to two services.
     */
    public List<String> storedEvents(String serviceId) {
        return service(serviceId).events().stream()
                .map(e -> e.eventName() + " " + e.eventDatetime() + " " + e.identity() + " " + e.items() + " "
                          + e.properties())
                .toList();
    }

    /** The user profiles a service stored, one line each (identifiers and properties), as {@link #storedEvents}. */
    public List<String> storedProfiles(String serviceId) {
        return service(serviceId).profiles().stream().map(p -> p.identifiers() + " " + p.properties()).toList();
    }
}
