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

import java.util.ArrayList;
import java.util.List;

import io.github.cameldfinery.component.api.ImportRequest;
import io.github.cameldfinery.component.mapping.EventMapper;
import org.apache.camel.Exchange;

/**
 * Splits an event message into the requests dfinery:event would send for it (one identity, at most 100 events and
 * 100 items each), as JSON in the API's own shape, so that a throttle placed after the split counts HTTP requests
 * rather than exchanges. Event ids are fixed here, so every retry of a piece sends the same ids.
 *
 * <pre>{@code
 * from("direct:events")
 *     .split(method(DfineryRequestSplitter.class, "split"))
 *         .throttle(constant("{{dfinery:event}}")).timePeriodMillis("{{dfinery:event.window}}")
 *         .to("dfinery:event");
 * }</pre>
 *
 * Identity and profile messages need no splitter: each element of a List is one request, so {@code split(body())}
 * does it.
 */
public class DfineryRequestSplitter {

    private final EventMapper mapper = new EventMapper(null);

    /** One JSON body per request; validation failures throw DfineryValidationException as the producer would. */
    public List<String> split(Exchange exchange) {
        List<ImportRequest> requests = mapper.toRequests(exchange.getMessage(), MessageHeaderReader.headers(exchange.getMessage()));
        List<String> bodies = new ArrayList<>(requests.size());
        for (ImportRequest request : requests) {
            bodies.add(request.bodyText());
        }
        return bodies;
    }
}
