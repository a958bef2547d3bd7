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
package io.github.cameldfinery.redis;

import java.net.URI;
import java.time.Duration;

import io.github.cameldfinery.component.DfineryComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One replica of an application that exports events, in a JVM of its own: shared cursor, claims on windows, export
 * budget and idempotent repository, all on one Redis. Arguments: emulator base URI, Redis URI, cursor key, start
 * date, the file this replica's downstream appends delivered event ids to, and the number of rows after which the
 * process crashes (halts, as a kill would; 0 never). Runs until killed.
 */
public final class ExportReplica {

    static final int EXPORT_QUOTA = 20;

    private ExportReplica() {
    }

    public static void main(String[] args) throws Exception {
        String redisUri = args[1];
        try (CrashingDownstream downstream = new CrashingDownstream(args[4], Integer.parseInt(args[5]));
             CamelContext context = new DefaultCamelContext()) {
            DfineryComponent component = Application.component(URI.create(args[0]));
            component.setQuotaStoreUri(redisUri);
            component.getConfiguration().setExportQuota(EXPORT_QUOTA);
            context.addComponent("dfinery", component);
            context.getRegistry().bind("cursor", new RedisStateRepository(redisUri));
            context.getRegistry().bind("claims", new RedisExportClaims(redisUri, Duration.ofSeconds(2)));
            context.getRegistry().bind("delivered", new RedisIdempotentRepository(redisUri, "delivered:", Duration.ofDays(31)));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("dfinery:export?stateRepository=#cursor&exportClaims=#claims&delay=20&maxWindowsPerPoll=1"
                         + "&cursorKey=" + args[2] + "&startDate=" + args[3])
                            .idempotentConsumer(simple("${body[df_event_log_id]}")).idempotentRepository("delivered")
                            .process(downstream)
                            .delay(20);
                }
            });
            context.start();
            ReplicaProcess.readyThenAwaitInput();
        }
    }
}
