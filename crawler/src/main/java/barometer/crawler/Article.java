package barometer.crawler;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A news article as the crawler read it: where it lives, what it says and when it was published.
 *
 * <p>This is the value that flows from the crawler to the indexer. {@code published} is {@code null}
 * when neither the page nor the feed gave a date; such an article is still searchable but cannot be
 * placed on a time line.
 *
 * @param url the article's address after redirects; it identifies the article
 * @param title the headline
 * @param source the outlet that published it (site name, or the host when the page names none)
 * @param published when it was published, or {@code null} when unknown
 * @param text the main text, paragraphs separated by blank lines
 * @param topic the topic tag of the feed it came from (e.g. "secession"), or empty
 * @param authors the byline's names, possibly none
 * @param language the page's language as a primary subtag ("en"), or empty
 * @param leadImage the lead image's address, or empty
 * @param modified when the page says it was last changed, or {@code null}
 */
public record Article(String url, String title, String source, Instant published, String text, String topic,
                      List<String> authors, String language, String leadImage, Instant modified) {
    public Article {
        Objects.requireNonNull(url, "url");
        title = title == null ? "" : title;
        source = source == null ? "" : source;
        text = text == null ? "" : text;
        topic = topic == null ? "" : topic.strip();
        authors = List.copyOf(authors == null ? List.of() : authors);
        language = language == null ? "" : language;
        leadImage = leadImage == null ? "" : leadImage;
    }

    /** An article without byline, language, image or modification date. */
    public Article(String url, String title, String source, Instant published, String text, String topic) {
        this(url, title, source, published, text, topic, List.of(), "", "", null);
    }

    /** An article without a topic tag. */
    public Article(String url, String title, String source, Instant published, String text) {
        this(url, title, source, published, text, "");
    }
}
