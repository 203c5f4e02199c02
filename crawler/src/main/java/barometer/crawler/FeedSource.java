package barometer.crawler;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A source to crawl and the topic its articles are tagged with: a feed (RSS, Atom or an XML / Google News
 * sitemap, told apart by content) or a listing page, whose links matching a pattern are the articles.
 *
 * @param url the source's address
 * @param topic a short tag such as "secession", or empty
 * @param linkPattern for a listing page, the pattern (a regular expression, found anywhere in the absolute link)
 *        that article links match; {@code null} for feeds
 * @param publicOnly whether every page it links to must be on a public address (sources added from outside:
 *        a feed must not steer the crawler into the internal network)
 */
public record FeedSource(URI url, String topic, Pattern linkPattern, boolean publicOnly) {
    public FeedSource {
        Objects.requireNonNull(url, "url");
        topic = topic == null ? "" : topic.strip();
    }

    /** A feed from configuration. */
    public FeedSource(URI url, String topic) {
        this(url, topic, null, false);
    }

    /** A feed or listing page from configuration. */
    public FeedSource(URI url, String topic, Pattern linkPattern) {
        this(url, topic, linkPattern, false);
    }

    /** Whether this is a listing page rather than a feed. */
    public boolean isListing() {
        return linkPattern != null;
    }
}
