package barometer.crawler.feed;

import java.util.List;

/**
 * A feed as read: its title and the entries that link to articles.
 *
 * @param title the feed's title, or empty
 * @param entries the entries that carry a usable link, in feed order
 */
public record Feed(String title, List<FeedEntry> entries) {
    public Feed {
        title = title == null ? "" : title.strip();
        entries = List.copyOf(entries);
    }
}
