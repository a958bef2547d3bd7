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
package io.github.cameldfinery.examples.springboot;

import java.util.ArrayList;
import java.util.List;

import io.github.cameldfinery.emulator.DfineryEmulator;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An existing Spring Boot app that receives events over HTTP and forwards them to DFINERY. Configured only through
 * {@code camel.component.dfinery.*} in application.yaml; without DFINERY_IMPORT_TOKEN it starts a DFINERY emulator
 * in the same process and points the component at it.
 */
@SpringBootApplication
public class EventGatewayApplication {

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        if (System.getenv("DFINERY_IMPORT_TOKEN") == null) {
            DfineryEmulator emulator = DfineryEmulator.start(new EmulatorConfig()
                    .service(new ServiceConfig("gateway", "local-import-token", "local-export-token")));
            arguments.add("--camel.component.dfinery.base-uri=" + emulator.baseUri());
            arguments.add("--camel.component.dfinery.service-id=gateway");
            arguments.add("--camel.component.dfinery.access-token=local-import-token");
            System.out.println("No DFINERY_IMPORT_TOKEN: using an embedded DFINERY emulator at " + emulator.baseUri());
        }
        SpringApplication.run(EventGatewayApplication.class, arguments.toArray(new String[0]));
    }
}
