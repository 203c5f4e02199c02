package barometer.crawler.source;

import barometer.crawler.FeedSource;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A source as configured: where, what topic, which kind, and how often.
 *
 * @param url the address; one starting with "/" is on this service itself (the bundled demo site)
 * @param topic the topic tag of its articles, or empty
 * @param linkPattern for a listing page, the regular expression article links match; empty for feeds
 * @param every how often it is read; {@code null} for the configured default
 * @param origin "config" (from the configuration or the sources file) or "admin" (added through the API)
 */
public record SourceDefinition(String url, String topic, String linkPattern, Duration every, String origin) {
    public SourceDefinition {
        Objects.requireNonNull(url, "url");
        url = url.strip();
        topic = topic == null ? "" : topic.strip();
        linkPattern = linkPattern == null ? "" : linkPattern.strip();
        origin = origin == null || origin.isBlank() ? "config" : origin;
    }

    /** Whether the address is on this service itself. */
    public boolean isSelf() {
        return url.startsWith("/");
    }

    /** What the crawler reads, with a "/"-address made absolute against this service. */
    public FeedSource toFeedSource(URI self) {
        URI address = isSelf() ? self.resolve(url) : URI.create(url);
        return new FeedSource(address, topic, linkPattern.isEmpty() ? null : Pattern.compile(linkPattern),
                origin.equals("admin"));
    }
}
