package barometer.crawler;

import java.net.URI;

/**
 * A feed to crawl and the topic its articles are tagged with.
 *
 * @param url the feed's address (RSS or Atom)
 * @param topic a short tag such as "secession", or empty
 */
public record FeedSource(URI url, String topic) {
    public FeedSource {
        topic = topic == null ? "" : topic.strip();
    }
}
