package barometer.api;

import barometer.indexer.InvalidQueryException;
import barometer.indexer.trend.Interval;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads query-string parameters, turning bad values into a 400 that names the parameter. */
final class QueryParams {
    private QueryParams() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(name + " is not a date: '" + value + "'", "write dates as YYYY-MM-DD");
        }
    }

    static int positive(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException(name + " is not a number: '" + value + "'", name + " takes a whole number");
        }
        if (n < 1) {
            throw new InvalidQueryException(name + " must be 1 or more, was " + n, name + "=" + fallback);
        }
        return n;
    }

    static Interval interval(String value) {
        if (value == null || value.isBlank()) {
            return Interval.MONTH;
        }
        try {
            return Interval.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("interval must be day, week, month or year, was '" + value + "'",
                    "use interval=day, interval=week, interval=month or interval=year");
        }
    }

    static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidQueryException("unknown time zone '" + value + "'",
                    "use an IANA zone name such as America/Los_Angeles, or UTC");
        }
    }

    /** The article tone filter: negative, neutral or positive; null when blank. */
    static barometer.indexer.sentiment.ToneClass tone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        barometer.indexer.sentiment.ToneClass t = barometer.indexer.sentiment.ToneClass.parse(value);
        if (t == null) {
            throw new InvalidQueryException("tone must be negative, neutral or positive, was '" + value + "'",
                    "use tone=negative, tone=neutral or tone=positive");
        }
        return t;
    }
}
