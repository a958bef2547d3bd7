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
package io.github.cameldfinery.emulator.config;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The value types of the DFINERY data-type table: String, Long, Double, Boolean, Datetime and the three array
 * types.
 */
public enum PropertyType {
    STRING("String"),
    LONG("Long"),
    DOUBLE("Double"),
    BOOLEAN("Boolean"),
    DATETIME("Datetime"),
    ARRAY_OF_STRING("Array of String"),
    ARRAY_OF_LONG("Array of Long"),
    ARRAY_OF_DOUBLE("Array of Double");

    private final String label;

    PropertyType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Accepts the documented labels ("Array of String") as well as enum names ("ARRAY_OF_STRING"). */
    @JsonCreator
    public static PropertyType parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (PropertyType type : values()) {
            if (type.name().equals(key)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown property type '" + text + "'; expected one of String, Long, Double, "
                                           + "Boolean, Datetime, Array of String, Array of Long, Array of Double");
    }
}
