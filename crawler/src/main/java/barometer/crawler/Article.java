package barometer.crawler;

import java.time.Instant;
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
 */
public record Article(String url, String title, String source, Instant published, String text, String topic) {
    public Article {
        Objects.requireNonNull(url, "url");
        title = title == null ? "" : title;
        source = source == null ? "" : source;
        text = text == null ? "" : text;
        topic = topic == null ? "" : topic.strip();
    }

    /** An article without a topic tag. */
    public Article(String url, String title, String source, Instant published, String text) {
        this(url, title, source, published, text, "");
    }
}
