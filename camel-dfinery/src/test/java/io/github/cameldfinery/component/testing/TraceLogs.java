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
package io.github.cameldfinery.component.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Every logger at TRACE for one test, and what they logged: for tests that look for a secret in any log line. The
 * levels in force before the test come back after it.
 */
public final class TraceLogs implements BeforeEachCallback, AfterEachCallback {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<String> loggers = new ArrayList<>();
    private final Map<String, Level> levelsBefore = new HashMap<>();

    /** The root logger, Camel's and the component's, and {@code more} (a third-party logger that sets its own level). */
    public TraceLogs(String... more) {
        loggers.addAll(List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "org.apache.camel", "io.github.cameldfinery"));
        loggers.addAll(List.of(more));
    }

    @Override
    public void beforeEach(ExtensionContext test) {
        for (String name : loggers) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levelsBefore.put(name, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
        appender.list.clear();
        appender.start();
        root().addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext test) {
        root().detachAppender(appender);
        appender.stop();
        levelsBefore.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }

    /** What was logged during the test, in order. */
    public List<ILoggingEvent> events() {
        return appender.list;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
