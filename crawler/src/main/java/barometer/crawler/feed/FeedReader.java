package barometer.crawler.feed;

import barometer.crawler.fetch.FetchedResource;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Reads RSS and Atom feeds with Rome, and XML and Google News sitemaps with crawler-commons.
 *
 * <p>The encoding comes from the HTTP header, the BOM and the XML declaration (Rome's lenient
 * {@link XmlReader}); doctypes are refused, so a feed cannot make the parser read files or expand
 * entities. Relative item links are resolved against the address the feed was fetched from.
 */
public final class FeedReader {
    private static final Logger LOG = Logger.getLogger(FeedReader.class);
    private final SitemapReader sitemaps = new SitemapReader();

    /**
     * Reads the entries of a fetched feed.
     *
     * @throws FeedException when the resource is not a feed Rome can parse
     */
    public Feed read(FetchedResource resource) {
        if (SitemapReader.looksLikeSitemap(resource.body())) {
            return sitemaps.read(resource);
        }
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(resource.body()),
                resource.contentType().isBlank() ? null : resource.contentType(), true)) {
            SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
            input.setAllowDoctypes(false);
            feed = input.build(reader);
        } catch (IOException | com.rometools.rome.io.FeedException | IllegalArgumentException e) {
            throw new FeedException("not a readable RSS or Atom feed: " + e.getMessage(), e);
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            URI link = resolve(resource.finalUri(), entry.getLink());
            if (link == null) {
                LOG.debugf("Feed %s: entry '%s' has no usable link", resource.finalUri(), entry.getTitle());
                continue;
            }
            Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            entries.add(new FeedEntry(link, entry.getTitle(), date == null ? null : date.toInstant()));
        }
        return new Feed(feed.getTitle(), entries);
    }

    private static URI resolve(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI resolved = base.resolve(new URI(link.strip()));
            String scheme = resolved.getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? resolved : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
