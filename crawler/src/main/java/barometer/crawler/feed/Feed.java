package barometer.crawler.feed;

import java.net.URI;
import java.util.List;

/**
 * A feed as read: its title, its link, and its entries in feed order (entries without a usable link included;
 * the crawler skips those).
 *
 * @param title the feed's title, or empty
 * @param link the site the feed belongs to, or {@code null}
 * @param entries the entries, in feed order
 */
public record Feed(String title, URI link, List<FeedEntry> entries) {
    public Feed {
        title = title == null ? "" : title.strip();
        entries = List.copyOf(entries);
    }

    public Feed(String title, List<FeedEntry> entries) {
        this(title, null, entries);
    }
}
