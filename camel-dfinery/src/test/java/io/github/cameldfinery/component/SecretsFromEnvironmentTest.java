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
package io.github.cameldfinery.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import io.github.cameldfinery.component.error.DfineryAuthenticationException;
import io.github.cameldfinery.component.error.DfinerySecretException;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.github.cameldfinery.component.testing.TraceLogs;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens the component's options leave unset come from the environment ({@link DfinerySecrets}): the variables
 * {@code DFINERY_IMPORT_TOKEN} and {@code DFINERY_EXPORT_TOKEN}, or the files their {@code _FILE} variables name. An
 * option set on the component or the endpoint wins; the variable wins over its file; a file that cannot be read fails
 * the start naming the variable and the path, never the content; where a token came from is logged once at INFO by
 * the variable's name, and no log line at any level carries a token. The environment here is a fake one, given to
 * the component with {@link DfineryComponent#useEnvironment}; SecretsFromEnvironmentIT (camel-dfinery-redis) sets
 * real environment variables on a child JVM.
 */
class SecretsFromEnvironmentTest {

    static final String SERVICE = "shop";
    static final String ACCESS_TOKEN = "env-acc-4b9e27d1-SECRET";
    static final String BEARER_TOKEN = "env-bea-0c7f5a93-SECRET";
    static final String WRONG_TOKEN = "env-wrong-6d2a18f4-SECRET";

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig()
            .service(new ServiceConfig(SERVICE, ACCESS_TOKEN, BEARER_TOKEN)));

    @TempDir
    Path dir;

    @RegisterExtension
    final TraceLogs logs = new TraceLogs();
    final Map<String, String> environment = new HashMap<>();
    /** The variables the component asked the environment for. */
    final Set<String> asked = ConcurrentHashMap.newKeySet();
    CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    /** A component pointed at the emulator, with no token set, and the test's fake environment. */
    DfineryComponent component() {
        DfineryComponent component = new DfineryComponent();
        component.getConfiguration().setBaseUri(dfinery.baseUri().toString());
        component.getConfiguration().setServiceId(SERVICE);
        Function<String, String> fake = name -> {
            asked.add(name);
            return environment.get(name);
        };
        component.useEnvironment(fake);
        return component;
    }

    void start(DfineryComponent component, String eventUri) throws Exception {
        context = new DefaultCamelContext();
        context.addComponent("dfinery", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events").to(eventUri);
            }
        });
        context.start();
    }

    Exchange sendEvent() {
        return context.createProducerTemplate().send("direct:events",
                e -> e.getMessage().setBody(SampleEvents.login("env-user")));
    }

    Exchange export() {
        return context.createProducerTemplate().send("dfinery:export?dataset=userProfiles", e -> { });
    }

    Path file(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    List<String> infoLines() {
        return logs.events().stream().filter(e -> e.getLevel() == Level.INFO)
                .filter(e -> e.getLoggerName().equals(DfinerySecrets.class.getName()))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Every captured log line, with its stack trace. */
    List<String> logged() {
        List<String> texts = new ArrayList<>();
        for (ILoggingEvent event : logs.events()) {
            texts.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                texts.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        return texts;
    }

    @Test
    void tokensComeFromTheEnvironmentVariablesWhenTheOptionsAreUnset() throws Exception {
        environment.put(DfinerySecrets.ACCESS_TOKEN, ACCESS_TOKEN);
        environment.put(DfinerySecrets.BEARER_TOKEN, BEARER_TOKEN);
        start(component(), "dfinery:event");

        assertThat(sendEvent().getException()).isNull();
        assertThat(export().getException()).isNull();

        // The emulator counts an export once its body is written, which may be after the client has read it.
        await().untilAsserted(() -> assertThat(dfinery.service(SERVICE).stats().accepted())
                .containsEntry(ApiKind.EVENT, 1L).containsEntry(ApiKind.EXPORT, 1L));
        assertThat(infoLines()).as("where each token came from, once, by name").containsExactly(
                "The DFINERY accessToken is taken from the environment variable DFINERY_IMPORT_TOKEN",
                "The DFINERY bearerToken is taken from the environment variable DFINERY_EXPORT_TOKEN");
        assertThat(logs.events()).as("logging was captured at TRACE").anyMatch(e -> e.getLevel() == Level.TRACE);
        assertThat(logged()).noneMatch(text -> text.contains(ACCESS_TOKEN) || text.contains(BEARER_TOKEN));
        assertThat(context.getEndpoints()).allSatisfy(endpoint -> assertThat(endpoint.toString())
                .doesNotContain(ACCESS_TOKEN).doesNotContain(BEARER_TOKEN));
    }

    @Test
    void theComponentsOptionWinsAndTheEnvironmentIsNotRead() throws Exception {
        environment.put(DfinerySecrets.ACCESS_TOKEN, WRONG_TOKEN);
        environment.put(DfinerySecrets.BEARER_TOKEN, WRONG_TOKEN);
        DfineryComponent component = component();
        component.getConfiguration().setAccessToken(ACCESS_TOKEN);
        component.getConfiguration().setBearerToken(BEARER_TOKEN);
        start(component, "dfinery:event");

        assertThat(sendEvent().getException()).isNull();
        assertThat(export().getException()).isNull();

        assertThat(asked).as("variables looked up").isEmpty();
        assertThat(infoLines()).isEmpty();
    }

    @Test
    void anEndpointsTokenWinsOverTheEnvironment() throws Exception {
        environment.put(DfinerySecrets.ACCESS_TOKEN, WRONG_TOKEN);
        start(component(), "dfinery:event?accessToken=RAW(" + ACCESS_TOKEN + ")");

        assertThat(sendEvent().getException()).isNull();
        assertThat(dfinery.service(SERVICE).stats().accepted()).containsEntry(ApiKind.EVENT, 1L);
    }

    @Test
    void anEmptyOptionOrVariableCountsAsUnset() throws Exception {
        environment.put(DfinerySecrets.ACCESS_TOKEN, "");
        environment.put(DfinerySecrets.ACCESS_TOKEN + "_FILE", file("access", ACCESS_TOKEN.getBytes(
                StandardCharsets.UTF_8)).toString());
        DfineryComponent component = component();
        // As Spring Boot sets it from access-token: ${DFINERY_IMPORT_TOKEN:} when that variable is unset.
        component.getConfiguration().setAccessToken("");
        start(component, "dfinery:event");

        assertThat(sendEvent().getException()).isNull();
    }

    @Test
    void aFileIsReadAndItsTrailingWhitespaceAndLineEndsRemoved() throws Exception {
        Path access = file("access-token", (ACCESS_TOKEN + "\n").getBytes(StandardCharsets.UTF_8));
        Path bearer = file("bearer-token", (BEARER_TOKEN + " \t\r\n\n").getBytes(StandardCharsets.UTF_8));
        environment.put("DFINERY_IMPORT_TOKEN_FILE", access.toString());
        environment.put("DFINERY_EXPORT_TOKEN_FILE", bearer.toString());
        start(component(), "dfinery:event");

        assertThat(sendEvent().getException()).isNull();
        assertThat(export().getException()).isNull();

        // The emulator counts an export once its body is written, which may be after the client has read it.
        await().untilAsserted(() -> assertThat(dfinery.service(SERVICE).stats().accepted())
                .containsEntry(ApiKind.EVENT, 1L).containsEntry(ApiKind.EXPORT, 1L));
        assertThat(infoLines()).containsExactly(
                "The DFINERY accessToken is taken from the file named by the environment variable "
                + "DFINERY_IMPORT_TOKEN_FILE (" + access + ")",
                "The DFINERY bearerToken is taken from the file named by the environment variable "
                + "DFINERY_EXPORT_TOKEN_FILE (" + bearer + ")");
        assertThat(logged()).noneMatch(text -> text.contains(ACCESS_TOKEN) || text.contains(BEARER_TOKEN));
    }

    @Test
    void theVariableWinsOverItsFileWhichIsNotRead() throws Exception {
        environment.put(DfinerySecrets.ACCESS_TOKEN, ACCESS_TOKEN);
        environment.put("DFINERY_IMPORT_TOKEN_FILE", dir.resolve("never-read").toString());
        start(component(), "dfinery:event");

        assertThat(sendEvent().getException()).isNull();
        assertThat(logs.events()).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Both DFINERY_IMPORT_TOKEN and DFINERY_IMPORT_TOKEN_FILE are set: the DFINERY "
                                 + "accessToken is taken from DFINERY_IMPORT_TOKEN; the file is not read");
    }

    @Test
    void aFileThatCannotBeReadFailsTheStartNamingTheVariableAndThePathNeverTheContent() throws Exception {
        String content = "file-content-83e1c0b5-SECRET";
        Map<Path, String> cases = new HashMap<>();
        cases.put(dir.resolve("missing"), "no such file");
        cases.put(Files.createDirectory(dir.resolve("a-directory")), "a directory, not a file");
        cases.put(file("empty", " \n".getBytes(StandardCharsets.UTF_8)), "empty");
        cases.put(file("too-large", (content + " ").repeat(3000).getBytes(StandardCharsets.UTF_8)),
                "larger than 65536 bytes");
        byte[] latin1 = (content + "\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        cases.put(file("not-utf8", latin1), "not UTF-8 text");

        for (Map.Entry<Path, String> bad : cases.entrySet()) {
            environment.clear();
            environment.put("DFINERY_EXPORT_TOKEN_FILE", bad.getKey().toString());
            DfineryComponent component = component();
            CamelContext failing = new DefaultCamelContext();
            failing.addComponent("dfinery", component);

            assertThatThrownBy(failing::start).as(bad.getValue()).satisfies(thrown -> {
                DfinerySecretException error = ObjectHelper.getException(DfinerySecretException.class, thrown);
                assertThat(error).as("a DfinerySecretException in " + thrown).isNotNull();
                assertThat(error.getVariable()).isEqualTo("DFINERY_EXPORT_TOKEN_FILE");
                assertThat(error.getPath()).isEqualTo(bad.getKey().toString());
                assertThat(error.getMessage()).isEqualTo("Cannot read the secret file named by the environment "
                        + "variable DFINERY_EXPORT_TOKEN_FILE: " + bad.getKey() + " (" + bad.getValue() + ")");
            });
            failing.close();
        }
        assertThat(logged()).noneMatch(text -> text.contains(content));
    }

    @Test
    void withNothingSetTheMissingTokenErrorNamesTheOptionAndTheVariables() throws Exception {
        start(component(), "dfinery:event");

        Exchange sent = sendEvent();
        Exchange exported = export();

        assertThat(sent.getException()).isInstanceOf(DfineryAuthenticationException.class).hasMessage(
                "No DFINERY access token: set the accessToken option, or the environment variable "
                + "DFINERY_IMPORT_TOKEN (or DFINERY_IMPORT_TOKEN_FILE naming a file that holds it)");
        assertThat(exported.getException()).isInstanceOf(DfineryAuthenticationException.class).hasMessage(
                "No DFINERY bearer token: set the bearerToken option, or the environment variable "
                + "DFINERY_EXPORT_TOKEN (or DFINERY_EXPORT_TOKEN_FILE naming a file that holds it)");
        assertThat(dfinery.service(SERVICE).stats().requests(ApiKind.EVENT)).isZero();
        assertThat(dfinery.service(SERVICE).stats().requests(ApiKind.EXPORT)).isZero();
        assertThat(infoLines()).isEmpty();
    }

    @Test
    void theEnvironmentIsGivenBeforeTheComponentMakesEndpoints() throws Exception {
        start(component(), "dfinery:event");

        assertThatThrownBy(() -> context.getComponent("dfinery", DfineryComponent.class).useEnvironment(name -> null))
                .isInstanceOf(IllegalStateException.class);
    }
}
