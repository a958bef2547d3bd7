package io.github.cameldfinery.component.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldfinery.component.error.DfineryValidationException;

/** DFINERY's Datetime: UTC, written {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}. */
public final class Datetimes {

    private static final DateTimeFormatter API = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Datetimes() {
    }

    public static String format(Instant instant) {
        return API.format(instant);
    }

    /**
     * Converts a point in time to the API format: Instant, OffsetDateTime, ZonedDateTime, Date, Calendar, epoch
     * milliseconds, or an ISO-8601 string with {@code Z} or an offset. A time without a zone is refused: guessing
     * the zone would shift events by hours.
     */
    public static String toApi(Object value, String path) {
        Instant instant = toInstant(value, path);
        return format(instant);
    }

    static Instant toInstant(Object value, String path) {
        if (value instanceof JsonNode) {
            JsonNode node = (JsonNode) value;
            if (node.isTextual()) {
                return parse(node.textValue(), path);
            }
            if (node.isIntegralNumber()) {
                return Instant.ofEpochMilli(node.longValue());
            }
            throw new DfineryValidationException(path, "must be a datetime (ISO-8601 string with zone, or epoch millis)");
        }
        if (value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant();
        }
        if (value instanceof ZonedDateTime) {
            return ((ZonedDateTime) value).toInstant();
        }
        if (value instanceof Date) {
            return ((Date) value).toInstant();
        }
        if (value instanceof Calendar) {
            return ((Calendar) value).toInstant();
        }
        if (value instanceof Long || value instanceof Integer) {
            return Instant.ofEpochMilli(((Number) value).longValue());
        }
        if (value instanceof CharSequence) {
            return parse(value.toString(), path);
        }
        if (value == null) {
            throw new DfineryValidationException(path, "required");
        }
        throw new DfineryValidationException(path, "a " + value.getClass().getSimpleName() + " has no time zone or "
                                                   + "is not a point in time; use Instant, OffsetDateTime, ZonedDateTime, "
                                                   + "Date, epoch millis or an ISO-8601 string with a zone");
    }

    private static Instant parse(String text, String path) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new DfineryValidationException(path, "'" + text + "' is not an ISO-8601 datetime with a zone "
                                                       + "(Z or an offset such as +09:00)");
        }
    }
}
