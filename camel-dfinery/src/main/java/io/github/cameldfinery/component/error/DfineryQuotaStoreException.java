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
package io.github.cameldfinery.component.error;

/**
 * The shared quota store ({@code quotaStore}, {@code quotaStoreUri}) could not be reached, so the component did not
 * send: a replica that cannot see the shared count would spend the other replicas' quota and run them all into 429s.
 * Refused locally like any other guard refusal ({@link #isRefusedLocally()} is true): nothing was sent, and sending
 * later may succeed. With {@code quotaStoreUnavailable=LOCAL_SHARE} this is thrown only once the local share has
 * been used for longer than {@code quotaLocalShareMaxTime}.
 */
public class DfineryQuotaStoreException extends DfineryRateLimitException {

    public DfineryQuotaStoreException(String message, Throwable cause) {
        super(message, null, null, cause);
    }
}
