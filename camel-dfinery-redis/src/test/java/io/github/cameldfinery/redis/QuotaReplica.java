package io.github.cameldfinery.redis;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
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
            context.addComponent("dfinery", ScaledQuota.component(emulator, args[1]));
            context.start();
            // Work starts on GO, so that every replica is up before the first window.
            ReplicaProcess.readyThenAwaitInput();
            List<CompletableFuture<Exchange>> sent = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String user = name + "-" + i;
                sent.add(context.createProducerTemplate().asyncSend("dfinery:event", e -> e.getMessage().setBody(
                        DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId(user)).build())));
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
