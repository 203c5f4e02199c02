package barometer.crawler.feed;

import java.net.URI;
import java.time.Instant;

/**
 * One feed item as read: text fields are plain text (markup removed, entities decoded, whitespace collapsed),
 * links absolute, and anything the feed does not give is {@code null}.
 *
 * @param link the absolute address of the article, or {@code null} when the item has no usable link
 * @param title the item's title, or empty
 * @param published the item's published date, else its updated date, or {@code null}
 * @param id the item's identifier (RSS guid, Atom id), or {@code null}
 * @param updated the item's updated date, or {@code null}
 * @param author the item's author as written, or {@code null}
 * @param summary the item's summary (RSS description, Atom summary), or {@code null}
 * @param content the item's full content (content:encoded, Atom content), or {@code null}
 */
public record FeedEntry(URI link, String title, Instant published, String id, Instant updated, String author,
        String summary, String content) {
    public FeedEntry {
        title = title == null ? "" : title.strip();
    }

    /** An entry that only links to an article (sitemaps). */
    public FeedEntry(URI link, String title, Instant published) {
        this(link, title, published, null, null, null, null, null);
    }
}
