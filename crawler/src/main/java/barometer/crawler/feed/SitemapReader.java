package barometer.crawler.feed;

import barometer.crawler.fetch.FetchedResource;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Reads XML sitemaps and Google News sitemaps with crawler-commons: each URL becomes an entry, with the
 * news title and publication date when the news extension gives them (else the last-modified date).
 */
final class SitemapReader {

    /** Whether the document looks like a sitemap (a urlset or sitemapindex root) rather than a feed. */
    static boolean looksLikeSitemap(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8);
        return head.contains("<urlset") || head.contains("<sitemapindex");
    }

    Feed read(FetchedResource resource) {
        SiteMapParser parser = new SiteMapParser(false, true);
        parser.enableExtension(Extension.NEWS);
        AbstractSiteMap map;
        try {
            map = parser.parseSiteMap(resource.contentType().isBlank() ? "text/xml" : resource.contentType(),
                    resource.body(), resource.finalUri().toURL());
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            throw new FeedException("not a readable sitemap: " + e.getMessage(), e);
        }
        if (map.isIndex()) {
            throw new FeedException("a sitemap index, not a sitemap: add its child sitemaps as sources", null);
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (SiteMapURL url : ((SiteMap) map).getSiteMapUrls()) {
            URI link;
            try {
                link = url.getUrl().toURI();
            } catch (URISyntaxException e) {
                continue;
            }
            String title = "";
            Instant published = url.getLastModified() == null ? null : url.getLastModified().toInstant();
            ExtensionMetadata[] news = url.getAttributesForExtension(Extension.NEWS);
            if (news != null && news.length > 0 && news[0] instanceof NewsAttributes n) {
                title = n.getTitle() == null ? "" : n.getTitle();
                Date date = n.getPublicationDate();
                published = date == null ? published : date.toInstant();
            }
            entries.add(new FeedEntry(link, title, published));
        }
        return new Feed("", entries);
    }
}
