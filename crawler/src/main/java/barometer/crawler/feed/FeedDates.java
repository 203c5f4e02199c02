package barometer.crawler.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the dates feeds write: RFC 822 and its common broken variants (no weekday, two-digit years, named zones,
 * missing seconds), W3C-DTF / ISO 8601 (with or without zone, seconds, or time), as a UTC instant. A date without
 * a zone is taken as UTC.
 */
final class FeedDates {
    private static final Map<String, String> ZONES = Map.ofEntries(Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"),
            Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"), Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"),
            Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"), Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"),
            Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"), Map.entry("BST", "+0100"), Map.entry("CET", "+0100"),
            Map.entry("CEST", "+0200"));
    private static final List<DateTimeFormatter> RFC822 = List.of(
            rfc("d MMM uuuu H:m[:s] Z"), rfc("d MMM uuuu H:m[:s]"), rfc("d MMM uuuu"));

    private FeedDates() {
    }

    private static DateTimeFormatter rfc(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient().appendPattern(pattern)
                .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0).toFormatter(Locale.ENGLISH);
    }

    static Optional<Instant> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip();
        return iso(s).or(() -> rfc822(s));
    }

    private static Optional<Instant> iso(String s) {
        String t = s.replace(' ', 'T');
        try {
            return Optional.of(OffsetDateTime.parse(t.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant());
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Optional.of(OffsetDateTime.parse(t.replaceFirst("T(\\d{2}:\\d{2})([Z+-])", "T$1:00$2")
                    .replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant());
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s).atStartOfDay(ZoneOffset.UTC)
                    .toInstant()).filter(i -> s.length() == 10);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> rfc822(String s) {
        String t = s.replaceFirst("^[A-Za-z]{2,9},?\\s+", "").replaceAll("\\s+", " ").replace(",", "");
        java.util.regex.Matcher twoDigitYear = java.util.regex.Pattern.compile("^(\\d{1,2} \\p{L}{3,9}) (\\d{2})(?=\\s|$)")
                .matcher(t);
        if (twoDigitYear.find()) {
            int yy = Integer.parseInt(twoDigitYear.group(2));
            t = twoDigitYear.group(1) + " " + (yy >= 70 ? 1900 + yy : 2000 + yy) + t.substring(twoDigitYear.end());
        }
        String[] parts = t.split(" ");
        String last = parts[parts.length - 1].toUpperCase(Locale.ROOT);
        if (ZONES.containsKey(last)) {
            t = t.substring(0, t.length() - last.length()) + ZONES.get(last);
        }
        for (DateTimeFormatter f : RFC822) {
            try {
                var parsed = f.parseBest(t, ZonedDateTime::from, LocalDateTime::from);
                if (parsed instanceof ZonedDateTime z) {
                    return Optional.of(z.toInstant());
                }
                return Optional.of(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
