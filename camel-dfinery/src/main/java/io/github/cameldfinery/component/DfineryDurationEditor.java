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
package io.github.cameldfinery.component;

import java.beans.PropertyEditorSupport;

/**
 * Reads a duration written as text ({@code 30s}, {@code 1m}, {@code 250ms}, {@code 1h30m}, {@code PT30S}, or
 * milliseconds) into the milliseconds that the component's duration options hold.
 *
 * <p>Camel converts such text itself (URIs, properties, YAML, Spring Boot); a plain Spring XML {@code <bean>} does
 * not, and its {@code long} properties take digits only. Registered for {@code long} with Spring's
 * {@code CustomEditorConfigurer}, this editor lets Spring XML write durations as everywhere else; digits still mean
 * what they meant, so other {@code long} properties are unaffected. Text with a unit is read as the component reads
 * its options: text that is no duration ({@code abc}, {@code 12x}) is refused, and so is a negative duration
 * ({@code -5s}), where Camel's own reading gives 0. Spring's error names the property; the range of each option is
 * checked again when the component starts.
 */
public class DfineryDurationEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A duration must not be empty (" + OptionValues.DURATION_FORMS + ")");
        }
        String trimmed = text.trim();
        long millis;
        try {
            millis = OptionValues.parseDuration(trimmed);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (" + OptionValues.DURATION_FORMS + ")", e);
        }
        boolean digits = trimmed.matches("[+-]?\\d+");
        if (millis < 0 && !digits) {
            throw new IllegalArgumentException("a duration must be at least 0 ms, got '" + text + "'");
        }
        setValue(millis);
    }

    @Override
    public String getAsText() {
        Object value = getValue();
        return value == null ? "" : value.toString();
    }
}
