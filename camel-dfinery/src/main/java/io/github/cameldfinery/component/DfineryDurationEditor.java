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
import java.time.Duration;
import java.util.Locale;

import org.apache.camel.util.TimeUtils;

/**
 * Reads a duration written as text ({@code 30s}, {@code 1m}, {@code 250ms}, {@code 1h30m}, {@code PT30S}, or
 * milliseconds) into the milliseconds that the component's duration options hold.
 *
 * <p>Camel converts such text itself (URIs, properties, YAML, Spring Boot); a plain Spring XML {@code <bean>} does
 * not, and its {@code long} properties take digits only. Registered for {@code long} with Spring's
 * {@code CustomEditorConfigurer}, this editor lets Spring XML write durations as everywhere else; digits still mean
 * what they meant, so other {@code long} properties are unaffected.
 */
public class DfineryDurationEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A duration must not be empty: write it as 30s, 1m, 250ms or milliseconds");
        }
        String trimmed = text.trim();
        try {
            // Camel's TimeUtils reads ISO-8601 (PT30S) as 0: java.time reads it.
            setValue(trimmed.toUpperCase(Locale.ROOT).startsWith("P") ? Duration.parse(trimmed).toMillis()
                    : TimeUtils.toMilliSeconds(trimmed));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a duration: '" + text + "'; write it as 30s, 1m, 250ms or milliseconds",
                    e);
        }
    }

    @Override
    public String getAsText() {
        Object value = getValue();
        return value == null ? "" : value.toString();
    }
}
