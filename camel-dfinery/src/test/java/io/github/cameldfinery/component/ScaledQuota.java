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

import java.net.URI;
import java.time.Duration;

/** A component for the emulator's service "shop" with a scaled event quota, as the quota tests use it. */
final class ScaledQuota {

    private ScaledQuota() {
    }

    /** Quota {@code limit} per {@code window}, waiting up to {@code maxWait} for a reset; quick retries. */
    static DfineryComponent component(URI emulator, int limit, Duration window, Duration maxWait) {
        DfineryComponent component = new DfineryComponent();
        DfineryConfiguration config = component.getConfiguration();
        config.setBaseUri(emulator.toString());
        config.setServiceId("shop");
        config.setAccessToken("imp");
        config.setEventQuota(limit);
        config.setEventQuotaWindow(window.toMillis());
        config.setRateLimitMaxWait(maxWait.toMillis());
        config.setRetryDelay(5);
        config.setRetryMaxDelay(20);
        return component;
    }
}
