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
package io.github.cameldfinery.emulator.validation;

import java.util.Set;

/**
 * An export filter over names: {@code all}, {@code include} (only the listed names) or {@code exclude} (all
 * but the listed names).
 */
public record NameFilter(Condition condition, Set<String> names) {

    /** The documented condition types. */
    public enum Condition {
        ALL, INCLUDE, EXCLUDE
    }

    public static NameFilter all() {
        return new NameFilter(Condition.ALL, Set.of());
    }

    public boolean accepts(String name) {
        switch (condition) {
            case INCLUDE: return names.contains(name);
            case EXCLUDE: return !names.contains(name);
            default: return true;
        }
    }
}
