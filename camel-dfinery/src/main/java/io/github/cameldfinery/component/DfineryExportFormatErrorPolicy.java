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

/** What the export consumer does with a window whose body is not the expected CSV. */
public enum DfineryExportFormatErrorPolicy {
    /** The poll fails with the exception; the cursor stays and the window is exported again on the next poll. */
    retry,
    /** The window is recorded as skipped (logged at ERROR, counted, shown by the health check); the cursor moves on. */
    skip,
    /** The route is stopped; the cursor stays on the window. */
    stop
}
