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
package io.github.cameldfinery.benchmarks;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldfinery.component.mapping.EventMapper;
import io.github.cameldfinery.component.mapping.MessageHeaders;
import io.github.cameldfinery.component.model.DfineryEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * CPU cost per event of turning a batch into request bytes, without HTTP: typed events through the component, the
 * same typed events written by hand with a plain JsonGenerator (no checks: the floor), and Maps through Jackson's
 * ObjectMapper. Argument: batches per pass (default 2000); five passes, the last ones are the warm figures.
 */
public final class MappingCost {

    private static final MessageHeaders NO_HEADERS = new MessageHeaders(null, null);

    private MappingCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        CamelContext context = new DefaultCamelContext();
        EventMapper mapper = new EventMapper(null);
        ObjectMapper jackson = new ObjectMapper();
        for (int pass = 0; pass < 5; pass++) {
            long build = 0;
            long map = 0;
            long plain = 0;
            long buildMaps = 0;
            long serialize = 0;
            long sink = 0;
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                Object typed = Workload.typed(i);
                long t1 = System.nanoTime();
                Exchange exchange = new DefaultExchange(context);
                exchange.getMessage().setBody(typed);
                sink += mapper.toRequests(exchange.getMessage(), NO_HEADERS).size();
                long t2a = System.nanoTime();
                @SuppressWarnings("unchecked")
                List<DfineryEvent> events = (List<DfineryEvent>) typed;
                sink += Ingestion.writeTyped(events).length;
                long t2 = System.nanoTime();
                plain += t2 - t2a;
                Object maps = Workload.requestMap(i);
                long t3 = System.nanoTime();
                sink += jackson.writeValueAsBytes(maps).length;
                long t4 = System.nanoTime();
                build += t1 - t0;
                map += t2a - t1;
                buildMaps += t3 - t2;
                serialize += t4 - t3;
            }
            double events = rounds * 100.0;
            System.out.printf("pass %d: typed build %.0f ns/event, component mapping %.0f ns/event, plain generator "
                              + "%.0f ns/event | maps build %.0f ns/event, jackson %.0f ns/event (%d)%n", pass,
                    build / events, map / events, plain / events, buildMaps / events, serialize / events, sink % 10);
        }
    }
}
