package io.github.cameldfinery.emulator.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** DFINERY's Datetime ({@code yyyy-MM-dd'T'HH:mm:ss(.SSS)Z}, UTC, literal Z) and Date ({@code yyyy-MM-dd}). */
public final class Datetimes {

    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Datetimes() {
    }

    /** The instant, or null when the text is not a documented Datetime. */
    public static Instant parseDatetime(String text) {
        if (text == null || !DATETIME.matcher(text).matches()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The date, or null when the text is not a documented Date. */
    public static LocalDate parseDate(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
