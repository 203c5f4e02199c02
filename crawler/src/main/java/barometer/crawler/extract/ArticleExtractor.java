package barometer.crawler.extract;

import barometer.crawler.fetch.FetchedResource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts an article page with Jsoup: headline, outlet, publication date and main text (without
 * menus, footers, sidebars or comments).
 *
 * <p>Stateless and safe to share between threads.
 */
public final class ArticleExtractor {
    private final PublishedDate publishedDate = new PublishedDate();
    private final MainText mainText = new MainText();

    /**
     * Extracts a fetched page; the charset is the header's, else the BOM's, else the page's own meta, else
     * detected ({@link PageEncoding}).
     */
    public ExtractedPage extract(FetchedResource page) {
        String html = PageEncoding.decode(page.body(), page.contentType());
        return extract(Jsoup.parse(html, page.finalUri().toString()));
    }

    /** Extracts an already parsed page. */
    public ExtractedPage extract(Document doc) {
        var articles = PageMetadata.jsonLdArticles(doc);
        MainText.Found text = mainText.find(doc);
        return new ExtractedPage(title(doc), siteName(doc), publishedDate.find(doc), text.text(), canonical(doc),
                PageMetadata.modified(doc, articles), PageMetadata.authors(doc, articles),
                PageMetadata.language(doc, articles), PageMetadata.leadImage(doc, articles), text.source());
    }

    /**
     * A date as pages and archives write it (ISO forms, with or without time and zone, RFC 1123); a time without a
     * zone is taken as UTC. {@code null} when unreadable.
     */
    public static java.time.Instant parseDate(String raw) {
        return PublishedDate.parse(raw);
    }

    private static String canonical(Document doc) {
        Element link = doc.selectFirst("link[rel=canonical][href]");
        if (link == null) {
            return "";
        }
        String href = link.absUrl("href");
        return href.startsWith("http://") || href.startsWith("https://") ? href : "";
    }

    private static String title(Document doc) {
        String og = meta(doc, "meta[property=og:title]");
        if (!og.isEmpty()) {
            return og;
        }
        Element h1 = doc.selectFirst("article h1, h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text().strip();
        }
        return doc.title().strip();
    }

    private static String siteName(Document doc) {
        String og = meta(doc, "meta[property=og:site_name]");
        return og.isEmpty() ? meta(doc, "meta[name=application-name]") : og;
    }

    static String meta(Document doc, String selector) {
        Element e = doc.selectFirst(selector);
        return e == null ? "" : e.attr("content").strip();
    }
}
