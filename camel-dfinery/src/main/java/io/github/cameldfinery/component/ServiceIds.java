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

import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;

/**
 * Which DFINERY service a message goes to. The {@code CamelDfineryServiceId} header overrides the endpoint's
 * serviceId only when the route set it: the value a dfinery endpoint writes there (the service it called) is
 * information for the route, and the next dfinery endpoint does not take it as an instruction. So
 * {@code from("dfinery:export?serviceId=A").to("dfinery:profile?serviceId=B")} writes to B, while a
 * {@code setHeader("CamelDfineryServiceId", …)} in between still redirects a message.
 */
final class ServiceIds {

    /** The exchange property where a dfinery endpoint notes the value it wrote into the header. */
    static final String WRITTEN = "CamelDfineryServiceIdWritten";

    private ServiceIds() {
    }

    /** The service to call: a header the route set, else the endpoint's option; an error naming both when none. */
    static String resolve(Exchange exchange, String endpointServiceId) {
        String header = exchange.getMessage().getHeader(DfineryConstants.SERVICE_ID, String.class);
        boolean setByRoute = ObjectHelper.isNotEmpty(header) && !header.equals(exchange.getProperty(WRITTEN));
        String serviceId = setByRoute ? header : endpointServiceId;
        if (ObjectHelper.isEmpty(serviceId)) {
            throw new IllegalArgumentException("No DFINERY service id: set the serviceId option or the "
                                               + DfineryConstants.SERVICE_ID + " header");
        }
        return serviceId;
    }

    /** Tells the route which service was called, marked as written by a dfinery endpoint. */
    static void write(Exchange exchange, String serviceId) {
        exchange.getMessage().setHeader(DfineryConstants.SERVICE_ID, serviceId);
        exchange.setProperty(WRITTEN, serviceId);
    }
}
