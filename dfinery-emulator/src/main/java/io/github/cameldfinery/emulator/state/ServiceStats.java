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
package io.github.cameldfinery.emulator.state;

import java.util.Map;

import io.github.cameldfinery.emulator.ApiKind;
import io.github.cameldfinery.emulator.quota.QuotaState;

/**
 * What one service has seen so far.
 *
 * @param requests      requests received per API kind, whatever their outcome
 * @param accepted      requests answered with success per API kind
 * @param rejections    rejected requests per import code or export message
 * @param eventsStored  events stored (after deduplication)
 * @param duplicates    events not stored because their event_log_id was seen before
 * @param profiles      live unified profiles
 * @param merges        profiles merged into another
 * @param deletes       profiles deleted
 * @param faults        injected faults per API kind
 * @param quota         the rate-limit state per API kind
 * @param exportsInFlight exports being streamed right now
 * @param peakConcurrentExports the most exports that ran at once
 */
public record ServiceStats(Map<ApiKind, Long> requests, Map<ApiKind, Long> accepted, Map<String, Long> rejections,
                           long eventsStored, long duplicates, long profiles, long merges, long deletes,
                           Map<ApiKind, Long> faults, Map<ApiKind, QuotaState> quota, int exportsInFlight,
                           int peakConcurrentExports) {

    public long rejections(String code) {
        return rejections.getOrDefault(code, 0L);
    }

    public long requests(ApiKind kind) {
        return requests.getOrDefault(kind, 0L);
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }
}
