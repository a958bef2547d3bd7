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

import org.apache.camel.health.HealthCheck;

/**
 * What the component's readiness checks share: group {@code camel}, readiness only, enabled until Camel's options say
 * otherwise. Written against camel-api's {@code HealthCheck} rather than camel-health's {@code AbstractHealthCheck},
 * which would make camel-health, optional for users, a dependency of the component.
 */
abstract class DfineryReadinessCheck implements HealthCheck {

    private volatile boolean enabled = true;

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }
}
