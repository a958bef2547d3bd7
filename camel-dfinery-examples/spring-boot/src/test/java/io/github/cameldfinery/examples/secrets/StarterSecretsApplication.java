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
package io.github.cameldfinery.examples.secrets;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot app with the starter, in a JVM of its own for StarterSecretsFromEnvironmentIT: configured by its
 * arguments and environment only; it sends one event, exports the user profiles once, says {@code DONE} with the
 * outcome of each, and stops.
 */
@SpringBootApplication
public class StarterSecretsApplication {

    public static void main(String[] args) {
        try (ConfigurableApplicationContext spring = SpringApplication.run(StarterSecretsApplication.class, args)) {
            ProducerTemplate template = spring.getBean(CamelContext.class).createProducerTemplate();
            Exchange sent = template.send("dfinery:event", e -> e.getMessage().setBody(DfineryEvent.builder("df_login")
                    .identity(DfineryIdentity.externalId("starter-env-user")).build()));
            Exchange exported = template.send("dfinery:export?dataset=userProfiles", e -> { });
            System.out.println("DONE sent=" + outcome(sent) + " exported=" + outcome(exported));
        }
        System.exit(0);
    }

    private static String outcome(Exchange exchange) {
        return exchange.getException() == null ? "ok" : exchange.getException().toString();
    }
}
