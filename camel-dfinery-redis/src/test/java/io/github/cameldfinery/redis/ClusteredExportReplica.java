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

import java.io.File;
import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * Camel's own way to run an export on one replica at a time, in a JVM of its own: the route runs only on the leader of
 * a {@link FileLockClusterService} (a lock file on a shared file system, no server), with its cursor and idempotent
 * repository in files beside it. Arguments: emulator base URI, shared directory, start date, downstream file, rows
 * after which the process halts (0 never). Runs until killed.
 */
public final class ClusteredExportReplica {

    private ClusteredExportReplica() {
    }

    public static void main(String[] args) throws Exception {
        File shared = new File(args[1]);
        try (CrashingDownstream downstream = new CrashingDownstream(args[3], Integer.parseInt(args[4]));
             CamelContext context = new DefaultCamelContext()) {
            context.addComponent("dfinery", Application.component(URI.create(args[0])));
            FileLockClusterService cluster = new FileLockClusterService();
            cluster.setRoot(new File(shared, "cluster").getPath());
            cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
            cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
            context.addService(cluster);
            context.getRegistry().bind("cursor", FileStateRepository.fileStateRepository(new File(shared, "cursor")));
            context.getRegistry().bind("delivered",
                    FileIdempotentRepository.fileIdempotentRepository(new File(shared, "delivered"), 100_000));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() throws Exception {
                    from("dfinery:export?stateRepository=#cursor&delay=20&maxWindowsPerPoll=1&startDate=" + args[2])
                            .routePolicy(ClusteredRoutePolicy.forNamespace("dfinery-export"))
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
