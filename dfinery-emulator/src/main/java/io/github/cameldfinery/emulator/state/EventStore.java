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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** Events of one service by UTC event date, deduplicated on event_log_id. Callers hold the service lock. */
final class EventStore {

    private final TreeMap<LocalDate, List<EventRecord>> byDay = new TreeMap<>();
    private final Set<String> seenIds = new HashSet<>();
    private long stored;
    private long duplicates;

    /** Stores the event unless {@code deduplicate} is on and its id was seen; returns whether it was stored. */
    boolean add(EventRecord record, boolean deduplicate) {
        if (!seenIds.add(record.event.eventLogId()) && deduplicate) {
            duplicates++;
            return false;
        }
        LocalDate day = record.event.eventInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(record);
        stored++;
        return true;
    }

    /** The events of {@code [from, to]}, in date order and, within a day, in arrival order. */
    List<EventRecord> between(LocalDate from, LocalDate to) {
        List<EventRecord> result = new ArrayList<>();
        byDay.subMap(from, true, to, true).values().forEach(result::addAll);
        return result;
    }

    List<EventRecord> all() {
        List<EventRecord> result = new ArrayList<>();
        byDay.values().forEach(result::addAll);
        return result;
    }

    long stored() {
        return stored;
    }

    long duplicates() {
        return duplicates;
    }

    void clear() {
        byDay.clear();
        seenIds.clear();
        stored = 0;
        duplicates = 0;
    }
}
