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
package io.github.cameldfinery.redis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import io.github.cameldfinery.component.spi.DfineryExportBudget;

/**
 * The export calls of a service that may run at once (DFINERY: 5). On Redis ({@link RedisExportSlots}) the slots are
 * leases that all replicas share; {@link #inThisJvm()} counts them per JVM, for Bucket4j backends without leases.
 */
public interface ExportSlots {

    /** A slot for one export call, or null when {@code concurrency} calls of this service already run. */
    DfineryExportBudget.Permit tryTake(String serviceId, int concurrency);

    /** Slots counted in this JVM only. */
    static ExportSlots inThisJvm() {
        Map<String, Semaphore> running = new ConcurrentHashMap<>();
        return (serviceId, concurrency) -> {
            Semaphore slots = running.computeIfAbsent(serviceId, id -> new Semaphore(concurrency));
            return slots.tryAcquire() ? slots::release : null;
        };
    }
}
