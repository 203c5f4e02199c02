package barometer.crawler.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds when a page was published, from the most to the least trusted place: JSON-LD
 * {@code datePublished}, the {@code article:published_time} family of meta tags, a {@code <time>}
 * element, and finally a date in the URL's path.
 */
final class PublishedDate {
    private static final Pattern JSON_LD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d{2})/(\\d{1,2})/(\\d{1,2})(?:/|$)");
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final List<String> META_SELECTORS = List.of(
            "meta[property=article:published_time]",
            "meta[itemprop=datePublished]",
            "meta[name=pubdate]",
            "meta[name=publishdate]",
            "meta[name=parsely-pub-date]",
            "meta[name=sailthru.date]",
            "meta[name=dc.date.issued]",
            "meta[name=DC.date.issued]",
            "meta[name=date]");

    Instant find(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            Matcher m = JSON_LD_DATE.matcher(script.data());
            if (m.find()) {
                Instant t = parse(m.group(1));
                if (t != null) {
                    return t;
                }
            }
        }
        for (String selector : META_SELECTORS) {
            Element meta = doc.selectFirst(selector);
            if (meta != null) {
                Instant t = parse(meta.attr("content"));
                if (t != null) {
                    return t;
                }
            }
        }
        for (Element time : doc.select("time[itemprop=datePublished], time[pubdate], article time[datetime], time[datetime]")) {
            Instant t = parse(time.attr("datetime"));
            if (t != null) {
                return t;
            }
        }
        Matcher m = URL_DATE.matcher(doc.location());
        if (m.find()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        return null;
    }

    /** Parses the date forms pages use; a time without a zone is taken as UTC. Returns null if unreadable. */
    static Instant parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) (\\d)", "$1T$2");
        s = OFFSET_WITHOUT_COLON.matcher(s).replaceFirst("$1:$2");
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(raw.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
