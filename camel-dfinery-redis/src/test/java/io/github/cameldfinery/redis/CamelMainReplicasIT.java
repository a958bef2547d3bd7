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

import static io.github.cameldfinery.redis.Application.QUOTA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.quota.QuotaStoreUnavailable;
import io.github.cameldfinery.component.testing.SampleEvents;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/**
 * Two replicas configured as Camel Main applications are, with a YAML route and nothing but
 * {@code camel.component.dfinery.*} properties: they share the quota through {@code quota-store-uri}.
 */
class CamelMainReplicasIT extends QuotaReplicasTestSupport {

    Main replica() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("camel.component.dfinery.base-uri", dfinery.baseUri().toString());
        properties.setProperty("camel.component.dfinery.service-id", Application.SERVICE);
        properties.setProperty("camel.component.dfinery.access-token", "imp");
        properties.setProperty("camel.component.dfinery.event-quota", Integer.toString(QUOTA.limit()));
        properties.setProperty("camel.component.dfinery.event-quota-window", "2s");
        properties.setProperty("camel.component.dfinery.rate-limit-max-wait", "20s");
        properties.setProperty("camel.component.dfinery.quota-store-uri", redis.uri());
        properties.setProperty("camel.component.dfinery.quota-store-unavailable", "LOCAL_SHARE");
        properties.setProperty("camel.component.dfinery.quota-local-share", "0.5");
        properties.setProperty("camel.component.dfinery.quota-local-share-max-time", "1m");
        Main main = new Main();
        main.setOverrideProperties(properties);
        main.configure().withRoutesIncludePattern("classpath:routes/replica-events.yaml");
        main.start();
        return main;
    }

    @Test
    void replicasFromPropertiesShareTheQuotaInRedis() throws Exception {
        Main first = replica();
        Main second = replica();
        try {
            DfineryComponent component = first.getCamelContext().getComponent("dfinery", DfineryComponent.class);
            assertThat(component.getQuotaStoreUnavailable()).isEqualTo(QuotaStoreUnavailable.LOCAL_SHARE);
            assertThat(component.getQuotaLocalShare()).isEqualTo(0.5);
            assertThat(component.getQuotaLocalShareMaxTime()).isEqualTo(60_000);
            assertThat(component.quotaGuards().store().describe()).isEqualTo("redis://127.0.0.1:" + redis.port());

            List<CompletableFuture<Exchange>> sent = new ArrayList<>();
            // Cold JVMs answer their first requests slowly: started at a window's beginning, they cannot spill
            // over a reset the way a request sent just before the hold of the last 500 ms could.
            QUOTA.awaitWindowStart();
            for (int i = 0; i < 60; i++) {
                for (Main replica : List.of(first, second)) {
                    DfineryEvent event = SampleEvents.login("u" + i);
                    sent.add(replica.getCamelContext().createProducerTemplate()
                            .asyncSend("direct:events", e -> e.getMessage().setBody(event)));
                }
            }
            for (CompletableFuture<Exchange> exchange : sent) {
                assertThat(exchange.get(60, TimeUnit.SECONDS).getException()).isNull();
            }
        } finally {
            first.stop();
            second.stop();
        }
        assertThat(dfinery.service(Application.SERVICE).stats().eventsStored()).isEqualTo(120);
        // Not started at a window's beginning: no claim on the first window's use, only on the limit.
        QUOTA.assertKept(dfinery.service(Application.SERVICE), 4);
    }
}
