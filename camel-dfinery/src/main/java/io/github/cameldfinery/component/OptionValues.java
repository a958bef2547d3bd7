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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The range of every number, duration and ratio option of the component, and the strict reading of the text given
 * for them.
 *
 * <p>Why this exists: Camel binds a duration option (a {@code long} with {@code javaType = "java.time.Duration"})
 * through its type converter, whose {@code TimeUtils} reads text it does not understand as 0: {@code abc}, {@code 12x}
 * and {@code -5s} (a sign before a unit) all become 0 ms, and the context starts with no backoff, no wait, or an
 * export body aborted at once. The component's configurers therefore read the raw text here first ({@link
 * CheckedOptionsConfigurer}): a text that is no duration or number, or a value out of range, fails the binding, naming
 * the option and the text, and only a checked value reaches Camel's conversion. Values set by Java or by a Spring XML
 * bean are checked with the same ranges when the component starts and when an endpoint is made.
 */
final class OptionValues {

    /** How a duration may be written, for messages. */
    static final String DURATION_FORMS = "use 250ms, 30s, 1m or ISO-8601 PT30S";

    /** Camel's notation: days, hours, minutes, seconds, milliseconds, each optional, in that order. */
    private static final Pattern UNITS = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] UNIT_MILLIS = { 86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L };
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");

    /** What an option holds. */
    enum Kind {
        DURATION("duration"), WHOLE("whole number"), RATIO("number");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** As the docs' table names it. */
        String text() {
            return text;
        }
    }

    /**
     * One option's range.
     *
     * @param option   the option's name
     * @param kind     what it holds
     * @param min      the least value (milliseconds for a duration)
     * @param max      the greatest value
     * @param intType  whether the option is a Java {@code int}
     * @param getter   its value in a configuration, for values set without text; null for options of the component
     *                 itself or Camel's scheduler
     */
    record Range(String option, Kind kind, long min, long max, boolean intType, Function<DfineryConfiguration, Number> getter) {

        /** The requirement, as messages and the docs' table say it. */
        String requirement() {
            switch (kind) {
                case DURATION:
                    return "at least " + min + " ms";
                case RATIO:
                    return "more than 0 and at most 1";
                default:
                    long typeMax = intType ? Integer.MAX_VALUE : Long.MAX_VALUE;
                    long typeMin = intType ? Integer.MIN_VALUE : Long.MIN_VALUE;
                    if (min == typeMin && max == typeMax) {
                        return "any whole number";
                    }
                    return max == typeMax ? "at least " + min : "between " + min + " and " + max;
            }
        }
    }

    private static final Map<String, Range> RANGES;

    static {
        List<Range> ranges = new ArrayList<>();
        // Durations of the configuration (component and endpoint level).
        ranges.add(duration("connectTimeout", 1, DfineryConfiguration::getConnectTimeout));
        ranges.add(duration("requestTimeout", 1, DfineryConfiguration::getRequestTimeout));
        ranges.add(duration("retryDelay", 0, DfineryConfiguration::getRetryDelay));
        ranges.add(duration("retryMaxDelay", 0, DfineryConfiguration::getRetryMaxDelay));
        ranges.add(duration("rateLimitMaxWait", 0, DfineryConfiguration::getRateLimitMaxWait));
        ranges.add(duration("exportQuotaWindow", 1, DfineryConfiguration::getExportQuotaWindow));
        ranges.add(duration("exportReadTimeout", 1, DfineryConfiguration::getExportReadTimeout));
        ranges.add(duration("eventQuotaWindow", 1, DfineryConfiguration::getEventQuotaWindow));
        ranges.add(duration("identityQuotaWindow", 1, DfineryConfiguration::getIdentityQuotaWindow));
        ranges.add(duration("profileQuotaWindow", 1, DfineryConfiguration::getProfileQuotaWindow));
        // Counts and sizes of the configuration.
        ranges.add(whole("maxRetries", 0, Integer.MAX_VALUE, DfineryConfiguration::getMaxRetries));
        ranges.add(whole("maxRequestSize", 0, Integer.MAX_VALUE, DfineryConfiguration::getMaxRequestSize));
        ranges.add(whole("windowDays", 1, Integer.MAX_VALUE, DfineryConfiguration::getWindowDays));
        ranges.add(whole("maxWindowsPerPoll", 1, Integer.MAX_VALUE, DfineryConfiguration::getMaxWindowsPerPoll));
        ranges.add(whole("lookbackDays", 1, Integer.MAX_VALUE, DfineryConfiguration::getLookbackDays));
        ranges.add(whole("batchSize", 1, Integer.MAX_VALUE, DfineryConfiguration::getBatchSize));
        ranges.add(whole("exportQuota", 1, Integer.MAX_VALUE, DfineryConfiguration::getExportQuota));
        ranges.add(whole("exportConcurrency", 1, Integer.MAX_VALUE, DfineryConfiguration::getExportConcurrency));
        ranges.add(whole("proxyPort", 1, 65_535, DfineryConfiguration::getProxyPort));
        ranges.add(new Range("eventQuota", Kind.WHOLE, 1, Long.MAX_VALUE, false, DfineryConfiguration::getEventQuota));
        ranges.add(new Range("identityQuota", Kind.WHOLE, 1, Long.MAX_VALUE, false, DfineryConfiguration::getIdentityQuota));
        ranges.add(new Range("profileQuota", Kind.WHOLE, 1, Long.MAX_VALUE, false, DfineryConfiguration::getProfileQuota));
        // The component's own.
        ranges.add(whole("requestThreads", 1, Integer.MAX_VALUE, null));
        ranges.add(duration("quotaLocalShareMaxTime", 1, null));
        ranges.add(new Range("quotaLocalShare", Kind.RATIO, 0, 1, false, null));
        // Camel's scheduler options of the export consumer: Camel gives 0 and negative values a meaning of its own.
        ranges.add(whole("backoffErrorThreshold", Integer.MIN_VALUE, Integer.MAX_VALUE, null));
        ranges.add(whole("backoffIdleThreshold", Integer.MIN_VALUE, Integer.MAX_VALUE, null));
        ranges.add(whole("backoffMultiplier", Integer.MIN_VALUE, Integer.MAX_VALUE, null));
        ranges.add(new Range("delay", Kind.WHOLE, Long.MIN_VALUE, Long.MAX_VALUE, false, null));
        ranges.add(new Range("initialDelay", Kind.WHOLE, Long.MIN_VALUE, Long.MAX_VALUE, false, null));
        ranges.add(new Range("repeatCount", Kind.WHOLE, Long.MIN_VALUE, Long.MAX_VALUE, false, null));
        Map<String, Range> byKey = new LinkedHashMap<>();
        for (Range range : ranges) {
            byKey.put(key(range.option()), range);
        }
        RANGES = Collections.unmodifiableMap(byKey);
    }

    private OptionValues() {
    }

    private static Range duration(String option, long min, Function<DfineryConfiguration, Number> getter) {
        return new Range(option, Kind.DURATION, min, Long.MAX_VALUE, false, getter);
    }

    private static Range whole(String option, long min, long max, Function<DfineryConfiguration, Number> getter) {
        return new Range(option, Kind.WHOLE, min, max, true, getter);
    }

    /** Option names as Camel may hand them to a configurer: any case, kebab-case from properties files. */
    private static String key(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Every range, in the order of the docs' table. */
    static List<Range> ranges() {
        return List.copyOf(RANGES.values());
    }

    /** The range of an option, or null when it has none (text, enums, beans, booleans). */
    static Range range(String option) {
        return option == null ? null : RANGES.get(key(option));
    }

    /**
     * The value an option is given, checked: text is read strictly (a duration as {@link #parseDuration}, a whole
     * number as digits with an optional sign, a ratio as a decimal) and handed on as the Java value, so that Camel's
     * conversion never reads it again; a number or a {@link Duration} is checked against the range. A bean reference
     * ({@code #name}) and values of other types are handed on as they are.
     *
     * @throws IllegalArgumentException naming the option and the text, when the text cannot be read or the value is
     *                                  out of range
     */
    static Object checked(Range range, Object value) {
        if (value instanceof String) {
            String text = (String) value;
            if (text.startsWith("#")) {
                return value;
            }
            return read(range, text);
        }
        if (value instanceof Duration) {
            if (range.kind() == Kind.DURATION) {
                long millis = millis((Duration) value, range, value.toString());
                check(range, BigDecimal.valueOf(millis), millis + " ms");
            }
            return value;
        }
        if (value instanceof Number) {
            check(range, new BigDecimal(value.toString()), value + (range.kind() == Kind.DURATION ? " ms" : ""));
        }
        return value;
    }

    private static Object read(Range range, String text) {
        String trimmed = text.trim();
        switch (range.kind()) {
            case DURATION: {
                long millis;
                try {
                    millis = parseDuration(trimmed);
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw new IllegalArgumentException(range.option() + ": '" + text + "' is not a duration ("
                                                       + DURATION_FORMS + ")", e);
                }
                check(range, BigDecimal.valueOf(millis), "'" + text + "'");
                return Duration.ofMillis(millis);
            }
            case RATIO: {
                if (!DECIMAL.matcher(trimmed).matches()) {
                    throw new IllegalArgumentException(range.option() + ": '" + text + "' is not a number (write it as "
                                                       + "0.33, for example)");
                }
                BigDecimal decimal = new BigDecimal(trimmed);
                check(range, decimal, "'" + text + "'");
                return decimal.doubleValue();
            }
            default: {
                if (!WHOLE.matcher(trimmed).matches()) {
                    throw new IllegalArgumentException(range.option() + ": '" + text + "' is not a whole number");
                }
                BigInteger whole = new BigInteger(trimmed);
                check(range, new BigDecimal(whole), "'" + text + "'");
                return range.intType() ? (Object) whole.intValue() : (Object) whole.longValue();
            }
        }
    }

    private static void check(Range range, BigDecimal value, String given) {
        if (range.kind() == Kind.RATIO) {
            if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException(range.option() + ": must be " + range.requirement() + ", got " + given);
            }
            return;
        }
        long typeMin = range.intType() ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long typeMax = range.intType() ? Integer.MAX_VALUE : Long.MAX_VALUE;
        String unit = range.kind() == Kind.DURATION ? " ms" : "";
        String requirement;
        if (value.compareTo(BigDecimal.valueOf(typeMax)) > 0) {
            requirement = "at most " + typeMax + unit;
        } else if (value.compareTo(BigDecimal.valueOf(typeMin)) < 0) {
            requirement = "at least " + typeMin + unit;
        } else if (value.compareTo(BigDecimal.valueOf(range.min())) < 0 || value.compareTo(BigDecimal.valueOf(range.max())) > 0) {
            requirement = range.requirement();
        } else {
            return;
        }
        throw new IllegalArgumentException(range.option() + ": must be " + requirement + ", got " + given);
    }

    private static long millis(Duration duration, Range range, String given) {
        try {
            return duration.toMillis();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(range.option() + ": '" + given + "' is too long", e);
        }
    }

    /**
     * Reads a duration as the component takes it: milliseconds as digits ({@code 1500}), Camel's notation
     * ({@code 250ms}, {@code 30s}, {@code 1m}, {@code 1h30m}, {@code 2d}; units in any case) or ISO-8601
     * ({@code PT30S}), each optionally negative (the range then refuses it, naming the text). Anything else is refused,
     * where Camel's {@code TimeUtils} would read 0.
     *
     * @throws IllegalArgumentException when the text is no duration
     * @throws ArithmeticException      when it is more milliseconds than a {@code long} holds
     */
    static long parseDuration(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        if (WHOLE.matcher(trimmed).matches()) {
            return Long.parseLong(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
        }
        boolean negative = trimmed.startsWith("-");
        String body = negative || trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
        if (body.startsWith("P") || body.startsWith("p")) {
            try {
                return Duration.parse(trimmed).toMillis();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not ISO-8601", e);
            }
        }
        Matcher units = UNITS.matcher(body.toLowerCase(Locale.ROOT));
        if (!units.matches()) {
            throw new IllegalArgumentException("not a duration");
        }
        long millis = 0;
        boolean any = false;
        for (int group = 1; group <= UNIT_MILLIS.length; group++) {
            String amount = units.group(group);
            if (amount != null) {
                any = true;
                millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(amount), UNIT_MILLIS[group - 1]));
            }
        }
        if (!any) {
            throw new IllegalArgumentException("not a duration");
        }
        return negative ? -millis : millis;
    }

    /**
     * Checks the values a configuration holds, however they were set (Java, a Spring XML bean), against the ranges:
     * the message names the option and the value.
     */
    static void checkConfiguration(DfineryConfiguration config) {
        for (Range range : RANGES.values()) {
            if (range.getter() != null) {
                Number value = range.getter().apply(config);
                if (value != null) {
                    checked(range, value);
                }
            }
        }
    }

    /** Checks one value of the component's own options, set however. */
    static void checkValue(String option, Number value) {
        checked(range(option), value);
    }
}
