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

import java.time.LocalDate;
import java.util.List;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.testing.SampleEvents;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.emulator.state.EmulatedService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Camel context whose dfinery component points at an emulator started for the test class. */
abstract class DfineryTestSupport extends CamelTestSupport {

    static final String SERVICE = "shop";
    static final String OTHER_SERVICE = "blog";
    static final String IMPORT_TOKEN = "imp-7f3a9c-SECRET";
    static final String EXPORT_TOKEN = "exp-51d2e8-SECRET";
    /** The sample events' datetime, short for the JSON bodies and events the tests write. */
    static final String T = SampleEvents.DATETIME;

    @RegisterExtension
    static DfineryEmulatorExtension dfinery = new DfineryEmulatorExtension(new EmulatorConfig()
            .service(new ServiceConfig(SERVICE, IMPORT_TOKEN, EXPORT_TOKEN))
            .service(new ServiceConfig(OTHER_SERVICE, IMPORT_TOKEN, EXPORT_TOKEN)));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DfineryComponent component = new DfineryComponent();
        DfineryConfiguration config = component.getConfiguration();
        config.setBaseUri(dfinery.baseUri().toString());
        config.setServiceId(SERVICE);
        config.setAccessToken(IMPORT_TOKEN);
        config.setBearerToken(EXPORT_TOKEN);
        config.setRetryDelay(5);
        config.setRetryMaxDelay(20);
        context.addComponent("dfinery", component);
        return context;
    }

    /** Today (UTC) on the component's clock, which chooses the export windows. */
    LocalDate today() {
        return ExportTestData.today(context);
    }

    /** {@link ExportTestData#spread} before {@link #today()}. */
    List<DfineryEvent> spread(int days, int perDay) {
        return ExportTestData.spread(today(), days, perDay);
    }

    static EmulatedService service() {
        return dfinery.service(SERVICE);
    }

    /** Sends and returns the exchange, failed or not, instead of throwing. */
    Exchange send(String uri, Object body) {
        return template.send(uri, exchange -> exchange.getMessage().setBody(body));
    }

    Exchange send(String uri, Object body, String header, Object value) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(header, value);
        });
    }
}
