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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.model.DfineryEvent;
import io.github.cameldfinery.component.model.DfineryIdentity;
import io.github.cameldfinery.component.testing.ScaledQuotaComponents;
import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.config.EmulatorConfig;
import io.github.cameldfinery.emulator.config.ServiceConfig;
import io.github.cameldfinery.emulator.junit.DfineryEmulatorExtension;
import io.github.cameldfinery.testsupport.ScaledQuota;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** One replica's Camel context, talking to the emulator's service "shop", and events to export back. */
final class Application {

    static final String SERVICE = "shop";
    /** DFINERY's event quota scaled down for the replicas' tests. */
    static final ScaledQuota QUOTA = new ScaledQuota(30, Duration.ofSeconds(2));

    private Application() {
    }

    /** An emulator with the service "shop". */
    static DfineryEmulatorExtension emulator() {
        return DfineryEmulatorExtension.withService(SERVICE, "imp", "exp");
    }

    /** An emulator with the service "shop", whose event quota is {@link #QUOTA}. */
    static DfineryEmulatorExtension quotaEmulator() {
        return new DfineryEmulatorExtension(new EmulatorConfig()
                .service(new ServiceConfig(SERVICE, "imp", "exp").rateLimit(ApiKind.EVENT, QUOTA.rateLimit())));
    }

    static CamelContext context(URI emulator) {
        CamelContext context = new DefaultCamelContext();
        context.addComponent("dfinery", component(emulator));
        return context;
    }

    /** A component for the emulator's service "shop". */
    static DfineryComponent component(URI emulator) {
        DfineryComponent component = new DfineryComponent();
        component.getConfiguration().setBaseUri(emulator.toString());
        component.getConfiguration().setServiceId(SERVICE);
        component.getConfiguration().setAccessToken("imp");
        component.getConfiguration().setBearerToken("exp");
        return component;
    }

    /** A replica's component: {@link #QUOTA} counted in the Redis at {@code redisUri} (if any), waits up to 20 s. */
    static DfineryComponent quotaComponent(URI emulator, String redisUri) {
        return quotaComponent(emulator, redisUri, QUOTA);
    }

    /** A replica's component: {@code quota} counted in the Redis at {@code redisUri} (if any), waits up to 20 s. */
    static DfineryComponent quotaComponent(URI emulator, String redisUri, ScaledQuota quota) {
        DfineryComponent component = ScaledQuotaComponents.scaled(component(emulator), quota, Duration.ofSeconds(20));
        if (redisUri != null) {
            component.setQuotaStoreUri(redisUri);
        }
        return component;
    }

    /**
     * The properties of docs/export.md's recipe for replicas, pointed at a test's emulator and Redis: the export
     * token, the shared quota store, cursor, claims (with this lease) and idempotent repository of delivered rows.
     */
    static Properties exportRecipe(URI emulator, String redisUri, String claimLease, int days, String cursorKey) {
        Properties properties = new Properties();
        properties.setProperty("camel.component.dfinery.base-uri", emulator.toString());
        properties.setProperty("camel.component.dfinery.service-id", SERVICE);
        properties.setProperty("camel.component.dfinery.bearer-token", "exp");
        properties.setProperty("camel.component.dfinery.quota-store-uri", redisUri);
        properties.setProperty("camel.beans.exportCursor",
                "#class:io.github.cameldfinery.redis.RedisStateRepository(\"" + redisUri + "\")");
        properties.setProperty("camel.beans.exportClaims", "#class:io.github.cameldfinery.redis.RedisExportClaims(\""
                + redisUri + "\", \"" + claimLease + "\")");
        properties.setProperty("camel.beans.delivered", "#class:io.github.cameldfinery.redis.RedisIdempotentRepository(\""
                + redisUri + "\", \"delivered:\", \"P31D\")");
        properties.setProperty("start-date", today().minusDays(days).toString());
        properties.setProperty("cursor-key", cursorKey);
        return properties;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** {@code perDay} events on each of the {@code days} closed days before today, sent to the emulator. */
    static void seed(URI emulator, int days, int perDay) throws Exception {
        List<DfineryEvent> events = new ArrayList<>();
        for (int d = days; d >= 1; d--) {
            Instant day = today().minusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int i = 0; i < perDay; i++) {
                events.add(DfineryEvent.builder("df_login").identity(DfineryIdentity.externalId("user-" + i))
                        .datetime(day.plusSeconds(60L * i)).build());
            }
        }
        try (CamelContext seeder = context(emulator)) {
            seeder.start();
            seeder.createProducerTemplate().sendBody("dfinery:event", events);
        }
    }
}
