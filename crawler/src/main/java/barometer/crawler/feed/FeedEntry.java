package barometer.crawler.feed;

import java.net.URI;
import java.time.Instant;

/**
 * One feed item: the article it links to and what the feed says about it.
 *
 * @param link the absolute address of the article
 * @param title the item's title, or empty
 * @param published the item's published (or else updated) date, or {@code null}
 */
public record FeedEntry(URI link, String title, Instant published) {
    public FeedEntry {
        title = title == null ? "" : title.strip();
    }
}
