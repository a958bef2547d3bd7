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
package io.github.cameldfinery.component.testing;

import java.net.URI;
import java.time.Duration;

import io.github.cameldfinery.component.DfineryComponent;
import io.github.cameldfinery.component.DfineryConfiguration;
import io.github.cameldfinery.testsupport.ScaledQuota;

/** Components whose event quota is a {@link ScaledQuota}, as the quota tests of every module set them up. */
public final class ScaledQuotaComponents {

    private ScaledQuotaComponents() {
    }

    /** A component for the emulator's service "shop" (import token "imp") with the scaled event quota. */
    public static DfineryComponent forShop(URI emulator, ScaledQuota quota, Duration maxWait) {
        DfineryComponent component = new DfineryComponent();
        DfineryConfiguration config = component.getConfiguration();
        config.setBaseUri(emulator.toString());
        config.setServiceId("shop");
        config.setAccessToken("imp");
        return scaled(component, quota, maxWait);
    }

    /** Gives a component the scaled event quota, waiting up to {@code maxWait} for a reset, and quick retries. */
    public static DfineryComponent scaled(DfineryComponent component, ScaledQuota quota, Duration maxWait) {
        DfineryConfiguration config = component.getConfiguration();
        config.setEventQuota(quota.limit());
        config.setEventQuotaWindow(quota.window().toMillis());
        config.setRateLimitMaxWait(maxWait.toMillis());
        config.setRetryDelay(5);
        config.setRetryMaxDelay(20);
        return component;
    }
}
