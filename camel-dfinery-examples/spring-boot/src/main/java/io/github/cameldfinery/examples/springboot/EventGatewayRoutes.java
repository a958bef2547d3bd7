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

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldfinery.component.DfineryConstants;
import io.github.cameldfinery.component.error.DfineryException;
import io.github.cameldfinery.component.error.DfineryValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /events} takes one event or a list (the component's JSON forms) and forwards it to dfinery:event,
 * throttled to the quota. Bad input is answered 400 with the field at fault; when DFINERY fails for good, what was
 * sent is parked on disk (answered 202) to be sent again later, so nothing is lost and nothing is stored twice.
 */
@Component
public class EventGatewayRoutes extends RouteBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void configure() {
        restConfiguration().component("platform-http");

        onException(DfineryValidationException.class).handled(true)
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .process(e -> {
                    DfineryValidationException error = e.getProperty(Exchange.EXCEPTION_CAUGHT, DfineryValidationException.class);
                    e.getMessage().setBody(JSON.writeValueAsString(Map.of("error", "invalid event",
                            "field", String.valueOf(error.getField()), "rule", String.valueOf(error.getRule()))));
                });

        // Park the requests as they were sent, with the event_log_ids they carried: after a timeout DFINERY may have
        // stored them, and a resend with the same ids is then a no-op. The original message has no ids yet (they
        // are given when it is sent), so it is parked only when nothing was sent at all.
        onException(DfineryException.class).handled(true).useOriginalMessage()
                .process(e -> {
                    List<String> sent = e.getProperty(Exchange.EXCEPTION_CAUGHT, DfineryException.class)
                            .getUnstoredRequests();
                    e.getMessage().setBody(sent.isEmpty() ? List.of(e.getMessage().getBody(String.class)) : sent);
                })
                .split(body())
                    .to("file:{{gateway.parked-dir}}"
                        + "?fileName=${date:now:yyyyMMddHHmmssSSS}-${exchangeId}-${exchangeProperty.CamelSplitIndex}.json")
                .end()
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(constant("{\"parked\":true}"));

        rest("/events").post().consumes("application/json").produces("application/json").to("direct:events");

        from("direct:events").routeId("events-to-dfinery")
                .convertBodyTo(String.class)
                .throttle(constant("{{dfinery:event}}")).timePeriodMillis("{{dfinery:event.window}}")
                    .correlationExpression(constant("{{camel.component.dfinery.service-id}}")).asyncDelayed()
                .to("dfinery:event")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .process(e -> {
                    List<?> ids = e.getMessage().getHeader(DfineryConstants.EVENT_LOG_IDS, List.class);
                    e.getMessage().setBody(JSON.writeValueAsString(Map.of("accepted", ids.size(), "event_log_ids", ids)));
                });

        // Parked requests go out again once a minute; a park-and-resend loop never drops an event, and the
        // event_log_ids inside them keep DFINERY from storing one twice.
        from("file:{{gateway.parked-dir}}?delay={{gateway.resend-delay}}&moveFailed=.failed").routeId("resend-parked")
                .autoStartup("{{gateway.resend-auto-startup:true}}")
                .convertBodyTo(String.class)
                .to("dfinery:event");
    }
}
