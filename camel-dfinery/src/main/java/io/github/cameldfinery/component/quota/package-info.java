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
/**
 * Keeping within DFINERY's request limits: a guard per service and import API kind that counts every request and
 * follows the server's count, with the rules of the limit in one place ({@code QuotaPolicy}) whatever store keeps the
 * count; the in-memory store, the fail-over to a local share while a shared store cannot be reached, and the export
 * budget (calls per window, calls at once).
 */
package io.github.cameldfinery.component.quota;
