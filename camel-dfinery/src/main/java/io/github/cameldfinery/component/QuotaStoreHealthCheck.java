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

import java.util.Map;

import io.github.cameldfinery.component.quota.QuotaGuards;
import io.github.cameldfinery.component.quota.QuotaStoreFailover;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness check {@code dfinery-quota-store}, registered while a shared quota store is configured: UP while the store
 * answers, UP with the details while this JVM runs on its local share, DOWN when requests fail because the store
 * cannot be reached. Looks at what the last calls found; while the store is down, it tries the store again (at most once
 * a second), so that it turns UP when the store is back even without traffic.
 */
final class QuotaStoreHealthCheck extends DfineryReadinessCheck {

    private final QuotaGuards guards;

    QuotaStoreHealthCheck(QuotaGuards guards) {
        this.guards = guards;
    }

    @Override
    public String getId() {
        return "dfinery-quota-store";
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        if (guards.storeStatus() == null) {
            return builder.up().build();
        }
        guards.checkStore();
        QuotaStoreFailover.Status status = guards.storeStatus();
        builder.detail("store", status.store());
        builder.detail("state", status.state().name());
        if (status.downSince() != null) {
            builder.detail("downSince", status.downSince().toString());
            builder.detail("lastFailure", status.lastFailure());
        }
        if (status.localShareEnds() != null) {
            builder.detail("localShareEnds", status.localShareEnds().toString());
        }
        if (status.state() == QuotaStoreFailover.State.FAILING) {
            builder.message("The shared DFINERY quota store cannot be reached; requests fail without being sent");
            return builder.down().build();
        }
        return builder.up().build();
    }
}
