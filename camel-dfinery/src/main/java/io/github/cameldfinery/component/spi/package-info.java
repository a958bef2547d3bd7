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
 * What other modules implement to share the component's counts between replicas: a {@link
 * io.github.cameldfinery.component.spi.DfineryQuotaStore} (short values changed atomically, in which the component
 * keeps request counts and export budgets; found by URI scheme through a {@link
 * io.github.cameldfinery.component.spi.DfineryQuotaStoreFactory} or given as a bean) and {@link
 * io.github.cameldfinery.component.spi.DfineryExportClaims} (one replica exports a window). Implementations store; the
 * component decides. {@link io.github.cameldfinery.component.spi.DfineryExportBudget} is what the component hands its
 * export endpoints, made over a store's value.
 */
package io.github.cameldfinery.component.spi;
