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
package io.github.cameldfinery.examples;

import java.nio.file.Path;
import java.util.Map;

/**
 * The offline-store flow as XML DSL routes ({@code xml/offline-store.xml}) configured by
 * {@code application.properties}, on Camel Main; the embedded emulator unless the DFINERY_* variables are set.
 */
public final class XmlOfflineStoreApp {

    private XmlOfflineStoreApp() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "target/offline-store-xml-report.csv");
        try (DfinerySettings settings = DfinerySettings.from(System.getenv())) {
            System.out.println(run(settings, report).describe());
        }
    }

    public static OfflineStoreApp.Result run(DfinerySettings settings, Path report) throws Exception {
        return DeclarativeOfflineStore.run(settings, report, Map.of("camel.main.name", "offline-store-xml",
                "camel.main.routes-include-pattern", "classpath:xml/offline-store.xml"));
    }
}
