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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.DfineryEmulator;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.RateLimit;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.state.EmulatedService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Quota use with scaled windows (limit per window, window in seconds): the throttle alone against the throttle
 * plus the component's guard, each with a restart of the application in the middle of a window. Arguments: limit
 * (default 50), window seconds (default 2), windows of work (default 6).
 */
public final class QuotaUse {

    private QuotaUse() {
    }

    public static void main(String[] args) throws Exception {
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Duration window = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 2);
        int windows = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        System.out.println("| Setup | Requests | 429s | Windows | Quota used (all but the last window) | Most in one window |");
        System.out.println("|---|---|---|---|---|---|");
        for (boolean guard : new boolean[] { false, true }) {
            try (DfineryEmulator emulator = DfineryEmulator.start(new EmulatorConfig().requestLogSize(100_000)
                    .service(new ServiceConfig("bench", "imp", "exp").rateLimit(ApiKind.EVENT, new RateLimit(limit, window))))) {
                int total = limit * windows;
                // Start just after a window opens, so that the restart falls in the middle of that window.
                long windowMillis = window.toMillis();
                Thread.sleep(windowMillis - System.currentTimeMillis() % windowMillis + 100);
                // First run: a third of a window's worth, then a restart; the second run sends the rest.
                run(emulator, limit, window, guard, limit / 3);
                run(emulator, limit, window, guard, total - limit / 3);
                EmulatedService service = emulator.service("bench");
                Map<Long, Long> perWindow = service.recentRequests().stream()
                        .filter(r -> r.kind() == ApiKind.EVENT && !"40401".equals(r.code()))
                        .collect(Collectors.groupingBy(r -> r.receivedAt().toEpochMilli() / window.toMillis(),
                                TreeMap::new, Collectors.counting()));
                List<Long> counts = new ArrayList<>(perWindow.values());
                double used = counts.subList(0, counts.size() - 1).stream().mapToLong(Long::longValue).sum()
                              / (double) (limit * (counts.size() - 1));
                System.out.printf("| throttle %s | %d | %d | %d | %.0f%% | %d |%n", guard ? "+ guard" : "only",
                        service.stats().requests(ApiKind.EVENT), service.stats().rejections("40401"), counts.size(),
                        used * 100, counts.stream().mapToLong(Long::longValue).max().orElse(0));
            }
        }
    }

    static void run(DfineryEmulator emulator, int limit, Duration window, boolean guard, int messages) throws Exception {
        CamelContext context = new DefaultCamelContext();
        DfineryComponent dfinery = new DfineryComponent();
        dfinery.getConfiguration().setBaseUri(emulator.baseUri().toString());
        dfinery.getConfiguration().setServiceId("bench");
        dfinery.getConfiguration().setAccessToken("imp");
        dfinery.getConfiguration().setEventQuota(limit);
        dfinery.getConfiguration().setEventQuotaWindow(window.toMillis());
        dfinery.getConfiguration().setQuotaGuard(guard);
        dfinery.getConfiguration().setRateLimitMaxWait(window.toMillis() * 2);
        dfinery.getConfiguration().setMaxRetries(0);
        context.addComponent("dfinery", dfinery);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:events")
                        .throttle(constant("{{dfinery:event}}")).timePeriodMillis("{{dfinery:event.window}}")
                        .correlationExpression(constant("bench")).asyncDelayed()
                        .to("dfinery:event");
            }
        });
        context.start();
        var template = context.createProducerTemplate();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            DfineryEvent event = DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("u" + i % 10))
                    .datetime("2026-11-27T10:15:30.123Z").build();
            sent.add(template.asyncSend("direct:events", e -> e.getMessage().setBody(event)));
        }
        for (CompletableFuture<Exchange> future : sent) {
            future.join();
        }
        context.stop();
    }
}
