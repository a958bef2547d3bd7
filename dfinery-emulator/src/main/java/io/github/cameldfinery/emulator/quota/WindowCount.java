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
package io.github.cameldfinery.emulator.quota;

/**
 * What one fixed rate-limit window of a service and API kind saw.
 *
 * @param startMillis when the window began, epoch milliseconds (windows are aligned to the epoch)
 * @param endMillis   when it ends (or ended), epoch milliseconds
 * @param limit       requests allowed in it
 * @param admitted    requests it admitted (they spent its budget)
 * @param rejected    requests it refused because the budget was spent (HTTP 429 or the configured answer)
 */
public record WindowCount(long startMillis, long endMillis, long limit, long admitted, long rejected) {
}
