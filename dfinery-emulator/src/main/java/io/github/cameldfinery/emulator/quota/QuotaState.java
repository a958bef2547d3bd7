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
 * The state of one limit after a request.
 *
 * @param admitted    whether the request was within the limit
 * @param limit       requests allowed per window
 * @param used        requests spent in the current window
 * @param remaining   requests left in the current window
 * @param window      the window in DFINERY notation ({@code 1m}, {@code 1H})
 * @param resetMillis when the current window ends, epoch milliseconds
 */
public record QuotaState(boolean admitted, long limit, long used, long remaining, String window, long resetMillis) {
}
