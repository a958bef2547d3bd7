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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.testing.SampleEvents;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One replica of an application that sends events, in a JVM of its own: its component counts the scaled quota in
 * the shared Redis. Arguments: emulator base URI, Redis URI, replica name, events to send. On GO it sends each event
 * as its own exchange, all at once, and prints {@code DONE ok=<n> failed=<n> <failure types>}.
 */
public final class QuotaReplica {

    private QuotaReplica() {
    }

    public static void main(String[] args) throws Exception {
        URI emulator = URI.create(args[0]);
        String name = args[2];
        int events = Integer.parseInt(args[3]);
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("dfinery", Application.quotaComponent(emulator, args[1]));
            context.start();
            // Work starts on GO, so that every replica is up before the first window.
            ReplicaProcess.readyThenAwaitInput();
            List<CompletableFuture<Exchange>> sent = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String user = name + "-" + i;
                sent.add(context.createProducerTemplate().asyncSend("dfinery:event",
                        e -> e.getMessage().setBody(SampleEvents.login(user))));
            }
            int ok = 0;
            Map<String, Integer> failures = new TreeMap<>();
            for (CompletableFuture<Exchange> future : sent) {
                Exception failure = future.get(120, TimeUnit.SECONDS).getException();
                if (failure == null) {
                    ok++;
                } else {
                    failures.merge(failure.getClass().getSimpleName() + ": " + failure.getMessage(), 1, Integer::sum);
                }
            }
            System.out.println("DONE ok=" + ok + " failed=" + (events - ok) + " " + failures);
        }
    }
}
