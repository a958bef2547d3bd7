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
package io.github.cameldfinery.component.quota;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a store keeps for one service's export budget, as the text of its value: {@code used;windowEnd;slots}, where
 * slots are {@code holder=leaseUntil} pairs separated by commas, the instants in epoch milliseconds.
 *
 * @param used      calls made in the window that ends at {@code windowEnd}
 * @param slots     the calls running now: who holds each slot, and until when unless extended
 */
record ExportState(int used, Instant windowEnd, Map<String, Instant> slots) {

    ExportState {
        slots = new TreeMap<>(slots);
    }

    String encode() {
        StringBuilder text = new StringBuilder().append(used).append(';').append(StateText.millis(windowEnd)).append(';');
        slots.forEach((holder, until) -> text.append(holder).append('=').append(until.toEpochMilli()).append(','));
        return text.toString();
    }

    /** Nothing stored for null; a text of another shape counts as nothing stored. */
    static ExportState decode(String text) {
        String[] parts = text == null ? null : text.split(";", -1);
        if (parts == null || parts.length != 3) {
            return new ExportState(0, null, Map.of());
        }
        try {
            Map<String, Instant> slots = new TreeMap<>();
            for (String slot : parts[2].split(",")) {
                int at = slot.indexOf('=');
                if (at > 0) {
                    slots.put(slot.substring(0, at), Instant.ofEpochMilli(Long.parseLong(slot.substring(at + 1))));
                }
            }
            return new ExportState(Integer.parseInt(parts[0]), StateText.instant(parts[1]), slots);
        } catch (NumberFormatException e) {
            return new ExportState(0, null, Map.of());
        }
    }
}
