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
package io.github.cameldfinery.component.quota;

/** What the component does while its shared quota store cannot be reached. */
public enum QuotaStoreUnavailable {
    /**
     * Send nothing: each request fails at once with {@code DfineryQuotaStoreException} (refused locally), so the
     * route's error handler can park it. The default: no replica can overrun the quota the others count on.
     */
    FAIL,
    /**
     * Go on with a share of each limit counted in this JVM ({@code quotaLocalShare}, for example 0.33 with three
     * replicas) for at most {@code quotaLocalShareMaxTime}, then fail as with FAIL. The store is tried again every
     * second meanwhile; the server's rate-limit headers are followed all along.
     */
    LOCAL_SHARE
}
