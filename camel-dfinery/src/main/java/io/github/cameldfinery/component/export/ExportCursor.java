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
package io.github.cameldfinery.component.export;

import java.time.LocalDate;

import org.apache.camel.spi.StateRepository;

/** The next day an incremental event export starts at, kept in a Camel {@link StateRepository}. */
public final class ExportCursor {

    private final StateRepository<String, String> repository;
    private final String key;

    public ExportCursor(StateRepository<String, String> repository, String key) {
        this.repository = repository;
        this.key = key;
    }

    /** The stored next day, or {@code initial} when nothing is stored yet. */
    public LocalDate next(LocalDate initial) {
        String stored = repository.getState(key);
        return stored == null ? initial : LocalDate.parse(stored);
    }

    /** Moves the cursor; called only after every row before {@code next} was processed. */
    public void advance(LocalDate next) {
        repository.setState(key, next.toString());
    }

    public String key() {
        return key;
    }
}
