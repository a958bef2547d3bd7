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

/**
 * What the export consumer does with a window whose body is not the expected CSV, once the body proves it: the same
 * error at the same line when the window is exported again. The first time, the poll fails and the window is exported
 * again whatever the policy (counted as retry), since a body the network cut short breaks at a different place each
 * time. A body cut short is never a format error: it is a connection failure, and the window is exported again
 * under every policy.
 */
public enum DfineryExportFormatErrorPolicy {
    /** The poll fails with the exception; the cursor stays and the window is exported again on the next poll. */
    retry,
    /**
     * The same error twice: the window is skipped, its rows not delivered (logged at ERROR, counted), the cursor
     * moves on, and the consumer's readiness check is DOWN naming the window until the next window is delivered.
     */
    skip,
    /** The same error twice: the route is stopped; the cursor stays on the window. */
    stop
}
