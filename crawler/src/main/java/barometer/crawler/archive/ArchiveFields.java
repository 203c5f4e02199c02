package barometer.crawler.archive;

import barometer.crawler.extract.ArticleExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The column and key names research exports use for an article's parts (news-please, Media Cloud, GDELT-style
 * CSVs): the first one present wins. Shared by the JSON-lines and CSV readers.
 */
final class ArchiveFields {
    static final List<String> URL = List.of("url", "link", "article_url", "uri");
    static final List<String> TITLE = List.of("title", "headline");
    static final List<String> PUBLISHED = List.of("published", "date_publish", "publish_date", "published_at",
            "publication_date", "date", "datetime", "pubdate");
    static final List<String> TEXT = List.of("text", "maintext", "body", "content", "article_text", "articlebody");
    static final List<String> HTML = List.of("html", "raw_html");
    static final List<String> SOURCE = List.of("source", "source_domain", "outlet", "media_name", "domain", "site");
    static final List<String> AUTHORS = List.of("authors", "author", "byline");
    static final List<String> LANGUAGE = List.of("language", "lang");

    private ArchiveFields() {
    }

    /**
     * A record from named values ({@code value} gives a field's text, or null), or a reason it is unusable.
     *
     * @return the record, or {@code null} with {@code problem[0]} set
     */
    static ArchiveRecord record(long position, Function<String, String> value, String[] problem) {
        String url = first(value, URL);
        if (url == null || url.isBlank()) {
            problem[0] = "no url (looked for " + String.join(", ", URL) + ")";
            return null;
        }
        String html = first(value, HTML);
        String text = first(value, TEXT);
        if ((text == null || text.isBlank()) && (html == null || html.isBlank())) {
            problem[0] = "no text (looked for " + String.join(", ", TEXT) + ", or html) for " + url;
            return null;
        }
        String rawDate = first(value, PUBLISHED);
        Instant published = rawDate == null ? null : ArticleExtractor.parseDate(rawDate);
        if (rawDate != null && !rawDate.isBlank() && published == null) {
            problem[0] = "unreadable date '" + rawDate + "' for " + url;
            return null;
        }
        String authors = first(value, AUTHORS);
        List<String> names = new ArrayList<>();
        if (authors != null) {
            for (String name : authors.replaceAll("^\\[|\\]$", "").split("[;|]|,(?=\\s*\\p{Lu})|\\band\\b")) {
                String n = name.replaceAll("^[\\s\"']+|[\\s\"']+$", "");
                if (!n.isEmpty()) {
                    names.add(n);
                }
            }
        }
        return new ArchiveRecord(position, url.strip(), html == null || html.isBlank() ? null
                : html.getBytes(StandardCharsets.UTF_8), first(value, TITLE), published,
                text == null ? "" : text, first(value, SOURCE), names, first(value, LANGUAGE), null);
    }

    private static String first(Function<String, String> value, List<String> names) {
        for (String name : names) {
            String v = value.apply(name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** A header's names, lower-cased, for lookups that ignore case. */
    static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
