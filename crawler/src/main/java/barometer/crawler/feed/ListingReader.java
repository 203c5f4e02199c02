package barometer.crawler.feed;

import barometer.crawler.extract.PageEncoding;
import barometer.crawler.fetch.FetchedResource;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a plain listing page (a section front, an archive page) as a feed: its links whose absolute address
 * matches the source's pattern, in page order, each once, with the link text as title.
 */
public final class ListingReader {

    /** The article links of a listing page. */
    public Feed read(FetchedResource page, Pattern articleLinks) {
        Document doc = Jsoup.parse(PageEncoding.decode(page.body(), page.contentType()), page.base().toString());
        Set<String> seen = new LinkedHashSet<>();
        List<FeedEntry> entries = new ArrayList<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.absUrl("href");
            if (href.isEmpty() || !articleLinks.matcher(href).find()) {
                continue;
            }
            String withoutFragment = href.replaceFirst("#.*$", "");
            if (!seen.add(withoutFragment)) {
                continue;
            }
            try {
                entries.add(new FeedEntry(new URI(withoutFragment), a.text(), null));
            } catch (URISyntaxException e) {
                // a link the page wrote badly is not an article we can fetch
            }
        }
        return new Feed(doc.title(), page.base(), entries);
    }
}
