package barometer.crawler.feed;

import barometer.crawler.fetch.FetchException;
import barometer.crawler.fetch.FetchSettings;
import barometer.crawler.fetch.Fetcher;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./barometer inspect-feed URL [URL ...]} or {@code --urls FILE}: what Barometer reads from a feed, one
 * JSON object per line, through the crawler's own {@link Fetcher} and {@link FeedReader} (the same limits,
 * encoding detection and date parsing as a crawl): {@code {"url", "feed": {"title", "link"}, "entries": [{"title",
 * "link", "id", "published", "updated", "author", "summary", "content"}]}}, or {@code {"url", "error"}}.
 */
public final class FeedInspection {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Fetcher fetcher;
    private final FeedReader reader = new FeedReader();

    public FeedInspection(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** Fetches and reads one feed; problems become an {@code error} field, never an exception. */
    public ObjectNode inspect(String url) {
        ObjectNode out = JSON.createObjectNode();
        out.put("url", url);
        try {
            Feed feed = reader.read(fetcher.fetch(URI.create(url.strip())));
            return describe(out, feed);
        } catch (FetchException | FeedException | IllegalArgumentException e) {
            out.put("error", e.getMessage());
            return out;
        }
    }

    /** A feed as the inspection prints it. */
    public static ObjectNode describe(ObjectNode out, Feed feed) {
        ObjectNode f = out.putObject("feed");
        f.put("title", feed.title().isEmpty() ? null : feed.title());
        f.put("link", feed.link() == null ? null : feed.link().toString());
        ArrayNode entries = out.putArray("entries");
        for (FeedEntry e : feed.entries()) {
            ObjectNode o = entries.addObject();
            o.put("title", e.title().isEmpty() ? null : e.title());
            o.put("link", e.link() == null ? null : e.link().toString());
            o.put("id", e.id());
            o.put("published", date(e.published()));
            o.put("updated", date(e.updated()));
            o.put("author", e.author());
            o.put("summary", e.summary());
            o.put("content", e.content());
        }
        return out;
    }

    private static String date(Instant instant) {
        return instant == null ? null : UTC.format(instant);
    }

}
