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
package io.github.cameldfinery.component.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.Date;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldfinery.component.error.DfineryValidationException;

/** DFINERY's Datetime: UTC, written {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}. */
public final class Datetimes {

    private static final DateTimeFormatter API = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The first and the last second the API's four-digit year can write. */
    private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    private static final long LAST_SECOND = LocalDate.of(9999, 12, 31).atTime(23, 59, 59).toEpochSecond(ZoneOffset.UTC);
    static final String RANGE = "DFINERY's Datetime (yyyy-MM-dd'T'HH:mm:ss.SSS'Z') has four-digit years, "
                                + "0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z";

    private Datetimes() {
    }

    /**
     * {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}, written by hand: it is on every event's path. Only for instants known to
     * be in range (the clock's); a caller's value goes through {@link #toApi}.
     */
    public static String format(Instant instant) {
        if (!inRange(instant)) {
            throw new DfineryValidationException("datetime", instant + " is out of range: " + RANGE);
        }
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        char[] out = new char[24];
        put(out, 0, year, 4);
        out[4] = '-';
        put(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, t.getHour(), 2);
        out[13] = ':';
        put(out, 14, t.getMinute(), 2);
        out[16] = ':';
        put(out, 17, t.getSecond(), 2);
        out[19] = '.';
        put(out, 20, instant.getNano() / 1_000_000, 3);
        out[23] = 'Z';
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Converts a point in time to the API format: Instant, OffsetDateTime, ZonedDateTime, Date, Calendar, epoch
     * milliseconds, or an ISO-8601 string with {@code Z} or an offset. A time without a zone is refused: guessing
     * the zone would shift events by hours.
     */
    public static String toApi(Object value, String path) {
        return format(checked(toInstant(value, path), path));
    }

    private static boolean inRange(Instant instant) {
        return instant.getEpochSecond() >= FIRST_SECOND && instant.getEpochSecond() <= LAST_SECOND;
    }

    /** The instant, if the API can write it: a later or earlier one would be sent as {@code +10000-…}. */
    private static Instant checked(Instant instant, String path) {
        if (!inRange(instant)) {
            throw new DfineryValidationException(path, instant + " is out of range: " + RANGE);
        }
        return instant;
    }

    /**
     * As {@link #toApi(Object, String)} for a value at {@code parent.field}, the path built only for an error; a
     * string already in the API's canonical form is kept as it is.
     */
    public static String toApi(Object value, Supplier<String> parent, String field) {
        if (value instanceof Instant && inRange((Instant) value)) {
            return format((Instant) value);
        }
        if (value instanceof String && isCanonical((String) value)) {
            return (String) value;
        }
        return toApi(value, parent.get() + "." + field);
    }

    /**
     * The API form of a JSON value: text already in the API's canonical form is kept as it is (the common case:
     * typed events were formatted once already), anything else is converted.
     */
    public static String toApi(JsonNode node, String path) {
        if (node.isTextual() && isCanonical(node.textValue())) {
            return node.textValue();
        }
        return format(checked(toInstant(node, path), path));
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ} with a valid calendar date and time, checked without a parser. */
    public static boolean isCanonical(String text) {
        if (text.length() != 24 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
            || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            return false;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = digits(text, 20, 3);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
            || second < 0 || second > 59 || millis < 0) {
            return false;
        }
        return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    private static int digits(String text, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static Instant toInstant(Object value, String path) {
        if (value instanceof JsonNode) {
            JsonNode node = (JsonNode) value;
            if (node.isTextual()) {
                return parse(node.textValue(), path);
            }
            if (node.isIntegralNumber()) {
                if (!node.canConvertToLong()) {
                    throw new DfineryValidationException(path, "epoch millis " + node + " is out of range: " + RANGE);
                }
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
            if (text.endsWith("Z")) {
                return Instant.parse(text);
            }
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new DfineryValidationException(path, "'" + text + "' is not an ISO-8601 datetime with a zone "
                                                       + "(Z or an offset such as +09:00)");
        }
    }
}
