package barometer.crawler.feed;

import barometer.crawler.fetch.FetchedResource;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.parser.Parser;

/**
 * Reads RSS 0.9x/1.0/2.0, RDF and Atom 0.3/1.0 feeds with Rome, and XML and Google News sitemaps with
 * crawler-commons, as liberally as the web needs.
 *
 * <p>The encoding comes from the BOM, the HTTP charset and the XML declaration in RFC 7303's order
 * ({@link FeedEncoding}). When the strict parse fails (an unescaped ampersand, an unclosed CDATA, an HTML
 * entity XML does not know), the text is parsed again with Jsoup's forgiving XML parser and Rome reads the
 * well-formed result, so every item that can be read is kept. Doctypes are refused and never fetched, so a
 * feed cannot make the parser read files or expand entities. Relative links are resolved against
 * {@code xml:base}, then Content-Location, then the address the feed was fetched from.
 */
public final class FeedReader {
    private static final Logger LOG = Logger.getLogger(FeedReader.class);
    private final SitemapReader sitemaps = new SitemapReader();

    /**
     * Reads the entries of a fetched feed.
     *
     * @throws FeedException when the resource is not a feed, even read leniently
     */
    public Feed read(FetchedResource resource) {
        if (SitemapReader.looksLikeSitemap(resource.body())) {
            return sitemaps.read(resource);
        }
        String text = FeedEncoding.decode(resource.body(), resource.contentType());
        if (text.strip().replace("\uFEFF", "").isEmpty()) {
            // An empty document is a feed with nothing in it yet (as feed readers take it), not a broken one.
            return new Feed(null, null, List.of());
        }
        RawFeed raw = RawFeed.of(withoutDoctype(text));
        URI base = resource.base();
        SyndFeed feed;
        try {
            feed = parse(text);
        } catch (FeedException e) {
            if (!raw.isFeed) {
                throw e;
            }
            LOG.debugf("Feed %s: Rome cannot read it (%s); reading its XML tree directly", resource.finalUri(),
                    e.getMessage());
            return fromRaw(raw, base);
        }
        return fromRome(feed, raw, base);
    }

    /** Rome's reading, with the tree's where Rome missed items or values. */
    private static Feed fromRome(SyndFeed feed, RawFeed raw, URI base) {
        List<SyndEntry> syndEntries = feed.getEntries();
        if (raw.entries.size() > syndEntries.size()) {
            // Items Rome did not see (outside the channel, or named as another format's): the tree has them all.
            Feed fromTree = fromRaw(raw, base);
            String title = text(feed.getTitleEx());
            return new Feed(title != null ? title : fromTree.title(), fromTree.link() != null ? fromTree.link()
                    : resolve(base, feed.getLink()), fromTree.entries());
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (int i = 0; i < syndEntries.size(); i++) {
            RawFeed.RawEntry rawEntry = syndEntries.size() == raw.entries.size() ? raw.entries.get(i) : null;
            entries.add(merged(entry(syndEntries.get(i), base), rawEntry, base));
        }
        String feedLink = feed.getLink() != null ? feed.getLink() : raw.link;
        String feedId = feed.getUri() != null ? feed.getUri() : raw.id;
        URI link = resolve(base, feedLink);
        if (link == null && feedId != null) {
            link = webLink(base, feedId);
        }
        String title = raw.titleBase64 && raw.title != null ? raw.title : text(feed.getTitleEx());
        return new Feed(title != null ? title : raw.title, link, entries);
    }

    /** Rome's reading, completed from the raw tree where Rome found nothing or could not decode (base64). */
    private static FeedEntry merged(FeedEntry rome, RawFeed.RawEntry raw, URI base) {
        if (raw == null) {
            return rome;
        }
        boolean rawFirst = raw.base64Text();
        String title = pick(rome.title().isEmpty() ? null : rome.title(), raw.title(), rawFirst);
        String content = pick(rome.content(), raw.content(), rawFirst);
        String summary = pick(rome.summary() != null && rome.summary().equals(rome.content()) && raw.summary() == null
                ? null : rome.summary(), raw.summary(), rawFirst);
        if (summary == null) {
            summary = content;
        }
        URI rawLink = raw.link() == null ? null : resolve(base, raw.link());
        URI link = raw.linkUnderXmlBase() && rawLink != null ? rawLink : rome.link() != null ? rome.link() : rawLink;
        String id = rome.id() != null ? rome.id() : id(base, raw.id());
        Instant published = rome.published() != null ? rome.published()
                : FeedDates.parse(raw.published()).or(() -> FeedDates.parse(raw.updated())).orElse(null);
        Instant updated = rome.updated() != null ? rome.updated() : FeedDates.parse(raw.updated()).orElse(null);
        String author = rome.author() != null ? rome.author() : raw.author();
        return new FeedEntry(link, title, published, id, updated, author, summary, content);
    }

    private static String pick(String rome, String raw, boolean rawFirst) {
        return rawFirst && raw != null ? raw : rome != null ? rome : raw;
    }

    private static Feed fromRaw(RawFeed raw, URI base) {
        List<FeedEntry> entries = new ArrayList<>();
        for (RawFeed.RawEntry r : raw.entries) {
            String id = id(base, r.id());
            URI link = r.link() != null ? resolve(base, r.link()) : id == null ? null : webLink(base, id);
            Instant published = FeedDates.parse(r.published()).or(() -> FeedDates.parse(r.updated())).orElse(null);
            entries.add(new FeedEntry(link, r.title(), published, id, FeedDates.parse(r.updated()).orElse(null),
                    r.author(), r.summary() != null ? r.summary() : r.content(), r.content()));
        }
        URI link = raw.link != null ? resolve(base, raw.link) : raw.id == null ? null : webLink(base, raw.id);
        return new Feed(raw.title, link, entries);
    }

    /** An identifier that is (or resolves to) an http(s) address, as a link. */
    private static URI webLink(URI base, String id) {
        URI u = resolve(base, id);
        return u != null && u.getScheme() != null && u.getScheme().toLowerCase(Locale.ROOT).startsWith("http") ? u : null;
    }

    private static FeedEntry entry(SyndEntry entry, URI base) {
        URI link = resolve(base, entry.getLink());
        String id = id(base, entry.getUri());
        if (link == null && id != null) {
            link = webLink(base, id);
        }
        Date published = entry.getPublishedDate();
        Date updated = entry.getUpdatedDate();
        String content = entry.getContents().isEmpty() ? null : text(entry.getContents().get(0));
        String author = entry.getAuthor() == null || entry.getAuthor().isBlank() ? null
                : FeedText.plain(entry.getAuthor(), "html");
        String summary = text(entry.getDescription());
        return new FeedEntry(link, text(entry.getTitleEx()),
                published != null ? published.toInstant() : updated == null ? null : updated.toInstant(),
                id, updated == null ? null : updated.toInstant(), author, summary != null ? summary : content, content);
    }

    private static String text(SyndContent content) {
        return content == null ? null : FeedText.plain(content.getValue(), "html");
    }

    private static String id(URI base, String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        URI resolved = resolve(base, id);
        return resolved != null && !id.contains(":") ? resolved.toString() : id.strip();
    }

    /** Strict first; if the XML is ill-formed, Jsoup's lenient XML parse, then Rome again. */
    private static SyndFeed parse(String text) {
        try {
            return build(text);
        } catch (com.rometools.rome.io.FeedException | RuntimeException strict) {
            try {
                return build(wellFormed(text));
            } catch (com.rometools.rome.io.FeedException | RuntimeException lenient) {
                throw new FeedException("not a readable RSS or Atom feed: " + strict.getMessage(), strict);
            }
        }
    }

    private static SyndFeed build(String text) throws com.rometools.rome.io.FeedException {
        SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
        input.setAllowDoctypes(false);
        return input.build(new StringReader(withoutDoctype(text)));
    }

    /**
     * Doctypes are refused by the parser; a feed that only carries one for decoration is read without it. Only the
     * prolog's doctype goes: the same text inside an item (escaped, or in CDATA) is content.
     */
    static String withoutDoctype(String text) {
        return PROLOG_DOCTYPE.matcher(text).replaceFirst("$1");
    }

    /** A doctype after nothing but a byte-order mark, whitespace, the XML declaration, comments and processing instructions. */
    private static final java.util.regex.Pattern PROLOG_DOCTYPE = java.util.regex.Pattern.compile(
            "(?is)\\A(\\uFEFF?(?:\\s+|<\\?.*?\\?>|<!--.*?-->)*)<!DOCTYPE[^>\\[]*(?:\\[[^\\]]*\\])?\\s*>");

    /** The same text made well-formed by Jsoup's forgiving XML parser (entities, ampersands, unclosed CDATA). */
    private static String wellFormed(String text) {
        Document doc = Jsoup.parse(withoutDoctype(text), "", Parser.xmlParser());
        doc.childNodes().stream().filter(n -> n instanceof XmlDeclaration).toList().forEach(org.jsoup.nodes.Node::remove);
        org.jsoup.nodes.Element rss = doc.selectFirst("rss");
        if (rss != null && rss.selectFirst("channel") == null) {
            rss.appendElement("channel");
        }
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false).charset("UTF-8");
        return doc.outerHtml();
    }

    private static URI resolve(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            return base.resolve(new URI(link.strip().replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            LOG.debugf("Feed %s: unusable link '%s'", base, link);
            return null;
        }
    }
}
