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

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DFINERY's window notation, case-sensitive: {@code d} day, {@code H} hour, {@code m} minute, {@code s} second.
 * Months and years ({@code M}, {@code y}) have no fixed length and are not supported by the emulator.
 */
final class WindowLabel {

    private static final Pattern LABEL = Pattern.compile("(\\d+)([dHms])");

    private WindowLabel() {
    }

    static Duration parse(String text) {
        Matcher matcher = LABEL.matcher(text.trim());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            switch (matcher.group(2)) {
                case "d": return Duration.ofDays(amount);
                case "H": return Duration.ofHours(amount);
                case "m": return Duration.ofMinutes(amount);
                default: return Duration.ofSeconds(amount);
            }
        }
        try {
            return Duration.parse(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Window '" + text + "' is neither DFINERY notation (1d, 1H, 1m, 1s) "
                                               + "nor an ISO-8601 duration (PT1H)", e);
        }
    }

    static String format(Duration window) {
        long seconds = window.getSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "H";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
