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
 * follows the server's count, with the rules of the limit in one place ({@code QuotaPolicy}); the rules of what is
 * stored (windows, the server's answers, the lease to probe: {@link
 * io.github.cameldfinery.component.quota.StoredRequestCount}; the export budget, calls per window and at once: {@link
 * io.github.cameldfinery.component.quota.StoredExportBudget}), the same over every store's values; the in-memory store,
 * and the fail-over to a local share while a shared store cannot be reached. It depends on neither HTTP nor meters:
 * what a response said comes in as a {@link io.github.cameldfinery.component.quota.ServerCount}, and meters watch the
 * guards as a {@link io.github.cameldfinery.component.quota.QuotaObserver}.
 */
package io.github.cameldfinery.component.quota;
