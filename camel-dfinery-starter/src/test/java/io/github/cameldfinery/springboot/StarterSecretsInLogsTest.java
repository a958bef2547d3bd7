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
package io.github.cameldfinery.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot app on the starter, one token written literally in application-secrets.yaml and the other as a
 * Spring placeholder there, with Camel and the component logging at TRACE while it starts, sends an event and
 * exports: neither token is in the output.
 */
@SpringBootTest(classes = StarterTestApplication.class, properties = {
    "logging.level.org.apache.camel=TRACE", "logging.level.io.github.cameldfinery=TRACE",
    "logging.level.org.springframework.boot.context.properties=TRACE"})
@ActiveProfiles("secrets")
@ExtendWith(OutputCaptureExtension.class)
class StarterSecretsInLogsTest {

    /** As written in application-secrets.yaml. */
    static final String ACCESS_TOKEN = "acc-3e1d5b7a-starter";
    static final String BEARER_TOKEN = "bea-8c2f4a6e-starter";

    static {
        // Spring resolves ${NAME} from system properties as from environment variables.
        System.setProperty("STARTER_BEARER_TOKEN", BEARER_TOKEN);
    }

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = DfineryEmulatorExtension.withService("starter-shop", ACCESS_TOKEN,
            BEARER_TOKEN);

    @DynamicPropertySource
    static void emulator(DynamicPropertyRegistry registry) {
        registry.add("camel.component.dfinery.base-uri", () -> dfinery.baseUri().toString());
    }

    @Autowired
    ProducerTemplate template;

    @Test
    void noTokenInAnyLine(CapturedOutput output) {
        Exchange sent = template.send("direct:events", e -> e.getMessage().setBody(Map.of("event_name", "df_login",
                "event_datetime", "2026-11-27T10:00:00Z", "identity", Map.of("external_id", "starter-user"))));
        Exchange exported = template.send("dfinery:export?dataset=userProfiles", e -> { });

        assertThat(sent.getException()).isNull();
        assertThat(exported.getException()).isNull();
        assertThat(dfinery.service("starter-shop").stats().accepted()).as("both tokens were used")
                .containsEntry(io.github.cameldfinery.emulator.ApiKind.EVENT, 1L)
                .containsEntry(io.github.cameldfinery.emulator.ApiKind.EXPORT, 1L);
        assertThat(output.getAll()).as("logging at TRACE").contains("TRACE").contains("o.a.c.");
        assertThat(output.getAll().lines().filter(l -> l.contains(ACCESS_TOKEN) || l.contains(BEARER_TOKEN)))
                .as("lines with a token").isEmpty();
    }
}
