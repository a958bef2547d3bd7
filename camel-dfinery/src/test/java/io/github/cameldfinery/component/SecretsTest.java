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

import static io.github.cameldfinery.component.testing.SampleEvents.login;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.sun.net.httpserver.HttpServer;
import io.github.cameldfinery.component.error.DfineryException;
import io.github.cameldfinery.component.testing.TraceLogs;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.faults.Fault;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tokens never show in endpoint URIs, exception messages or log lines (captured at TRACE), nor follow a redirect. */
class SecretsTest extends DfineryTestSupport {

    static final String URI_TOKEN = "uri-token+with&odd=chars";

    @RegisterExtension
    final TraceLogs logs = new TraceLogs("jdk.internal.httpclient");

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:configured").to("dfinery:event");
                from("direct:inUri").to("dfinery:event?accessToken=RAW(" + URI_TOKEN + ")");
            }
        };
    }

    @Test
    void tokensStayOutOfUrisExceptionsAndLogs() {
        // What the context logged as it started holds the route that writes a token into its URI: the next test's
        // subject. This one looks at what sending logs.
        logs.events().clear();
        service().faults(ApiKind.EVENT).failNext(1, Fault.http500());
        List<String> texts = new ArrayList<>();

        Exchange ok = send("direct:configured", login("u1"));
        Exchange wrongToken = send("direct:inUri", login("u1"));
        Exchange invalid = send("direct:configured", "{\"event_name\":1}");

        assertThat(ok.getException()).isNull();
        assertThat(wrongToken.getException()).isInstanceOf(DfineryException.class);
        assertThat(invalid.getException()).isInstanceOf(DfineryException.class);
        for (Exchange exchange : List.of(ok, wrongToken, invalid)) {
            if (exchange.getException() != null) {
                texts.add(exchange.getException().toString());
                texts.add(((DfineryException) exchange.getException()).getResponseBody() + "");
                texts.add(String.valueOf(((DfineryException) exchange.getException()).getResponseHeaders()));
            }
            texts.add(exchange.getMessage().getHeaders().toString());
        }
        // getEndpointUri() is Camel's raw, programmatic URI (every component keeps secrets there); what Camel shows
        // and logs is toString() and the sanitized URI, and these must be masked.
        for (Endpoint endpoint : context.getEndpoints()) {
            texts.add(endpoint.toString());
            texts.add(org.apache.camel.util.URISupport.sanitizeUri(endpoint.getEndpointUri()));
            if (endpoint instanceof DfineryEndpoint) {
                texts.add(((DfineryEndpoint) endpoint).getConfiguration().toString());
                texts.add(endpoint.getEndpointBaseUri());
            }
        }
        for (ILoggingEvent event : logs.events()) {
            texts.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                texts.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }

        assertThat(logs.events()).as("logging was captured").isNotEmpty();
        assertThat(texts).noneMatch(text -> text.contains(IMPORT_TOKEN) || text.contains(URI_TOKEN)
                                            || text.contains("uri-token"));
        assertThat(texts).anyMatch(text -> text.contains("accessToken=xxxxxx"));
    }

    /**
     * Camel core logs every URI that holds a property placeholder, resolved, at DEBUG: a token written into such a
     * URI is printed in clear, whatever the placeholder. Component-level options never enter a URI.
     */
    @Test
    void aTokenInAUriWithAPlaceholderReachesTheLogComponentOptionsDoNot() {
        String inUri = "placeholder-token-SECRET";
        context.getPropertiesComponent().addOverrideProperty("emulator.uri", dfinery.baseUri().toString());
        context.getPropertiesComponent().addOverrideProperty("dfinery.access-token", inUri);

        send("dfinery:profile?baseUri={{emulator.uri}}", java.util.Map.of("df_push_optin", true),
                DfineryConstants.EXTERNAL_ID, "u1");
        List<String> componentLevel = logs.events().stream().map(ILoggingEvent::getFormattedMessage).toList();
        send("dfinery:identity?accessToken={{dfinery.access-token}}", null, DfineryConstants.EXTERNAL_ID, "u1");

        assertThat(componentLevel).anyMatch(line -> line.contains(dfinery.baseUri().toString()));
        assertThat(componentLevel).noneMatch(line -> line.contains(IMPORT_TOKEN));
        assertThat(logs.events()).anyMatch(e -> e.getLevel() == Level.DEBUG && e.getFormattedMessage().contains(inUri));
    }

    @Test
    void redirectsAreNotFollowed() throws IOException {
        List<String> tokensSeenElsewhere = new CopyOnWriteArrayList<>();
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", exchange -> {
            tokensSeenElsewhere.add(String.valueOf(exchange.getRequestHeaders().getFirst("access_token")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        HttpServer redirecting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        redirecting.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://127.0.0.2:" + elsewhere.getAddress().getPort() + "/steal");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        elsewhere.start();
        redirecting.start();
        try {
            Exchange exchange = template.send("dfinery:event?maxRetries=0&baseUri=http://127.0.0.1:"
                                              + redirecting.getAddress().getPort(), e -> e.getMessage().setBody(login("u1")));
            DfineryException error = exchange.getException(DfineryException.class);
            assertThat(error).isNotNull();
            assertThat(error.getHttpResponseCode()).isEqualTo(307);
            assertThat(tokensSeenElsewhere).isEmpty();
        } finally {
            redirecting.stop(0);
            elsewhere.stop(0);
        }
    }

    @Test
    void plainHttpToAnotherHostIsWarnedAbout() {
        context.getEndpoint("dfinery:event?baseUri=http://dfinery.example.com");
        context.getEndpoint("dfinery:profile?baseUri=http://127.0.0.1:9");

        List<ILoggingEvent> warnings = logs.events().stream().filter(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().contains("plain http")).toList();
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.getFormattedMessage())
                .contains("http://dfinery.example.com").contains("unencrypted"));
    }
}
