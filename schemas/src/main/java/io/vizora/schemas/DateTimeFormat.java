package io.vizora.schemas;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The {@code date-time} format exactly as the validator library defines it (RFC 3339), with the
 * shape every Vizora producer writes ({@code Instant.toString()}, or a local time with its offset)
 * recognised by hand first: every event carries a time, most carry several, and the library's
 * parse was half of what the contract check cost (ADR 0022). What the hand check does not accept
 * (leap seconds, lower-case separators, a year 0, anything odd) the library decides, so the format
 * accepts nothing the library would refuse and refuses nothing it would accept.
 */
final class DateTimeFormat implements Format {

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private final Format library = new com.networknt.schema.format.DateTimeFormat();

    @Override
    public String getName() {
        return library.getName();
    }

    @Override
    public String getMessageKey() {
        return library.getMessageKey();
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
        return common(value) || library.matches(context, value);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)}, a real day of the Gregorian calendar, offsets within ±14:59. */
    static boolean common(String s) {
        var n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return false;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) {
            return false;
        }
        var i = 19;
        if (s.charAt(i) == '.') {
            var start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i - start > 9) {
                return false;
            }
        }
        if (i == n - 1) {
            return s.charAt(i) == 'Z';
        }
        if (i != n - 6 || (s.charAt(i) != '+' && s.charAt(i) != '-') || s.charAt(i + 3) != ':') {
            return false;
        }
        int offsetHours = digits(s, i + 1, 2), offsetMinutes = digits(s, i + 4, 2);
        return offsetHours >= 0 && offsetHours <= 14 && offsetMinutes >= 0 && offsetMinutes <= 59;
    }

    /**
     * The moment a {@code date-time} text names, read by hand in the shape {@link #common} accepts
     * with {@code Z} (what {@code Instant.toString()} writes, so what agents and services send), and
     * by {@link Instant#parse} otherwise: reading each play's start with {@code Instant.parse} was a
     * tenth of the plays ingest's CPU.
     */
    static Instant instant(String s) {
        var n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || !common(s)) {
            return Instant.parse(s);
        }
        var day = LocalDate.of(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2)).toEpochDay();
        var seconds = day * 86_400 + digits(s, 11, 2) * 3_600L + digits(s, 14, 2) * 60L + digits(s, 17, 2);
        var nanos = 0;
        if (s.charAt(19) == '.') {
            var digits = n - 1 - 20;
            nanos = digits(s, 20, digits);
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The number the digits spell, or -1 if one is not a digit. */
    private static int digits(String s, int from, int count) {
        var value = 0;
        for (int i = from; i < from + count; i++) {
            var c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int daysIn(int year, int month) {
        var leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }
}
