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
