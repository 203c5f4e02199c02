package barometer.crawler.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * A feed read straight from its (leniently parsed) XML tree, element names matched without their prefix: the
 * fallback for what Rome does not map (dc:title, dcterms dates, fullitem, xhtml:body, base64 text constructs) and
 * for feeds Rome cannot read at all (an Atom feed in an unknown namespace, an RSS feed without a channel).
 */
final class RawFeed {

    /** One item's raw fields: text already plain, dates and links as written. */
    record RawEntry(String title, String link, String id, String summary, String content, String published,
            String updated, String author, boolean base64Text, boolean linkUnderXmlBase) {
    }

    private static final Set<String> ENTRY = Set.of("item", "entry");
    private static final Set<String> TEXT_TYPES = Set.of("text", "html", "xhtml", "escaped", "xml");

    final String title;
    final String link;
    final String id;
    final List<RawEntry> entries;
    /** Whether the document looks like a feed at all (root rss, rdf:RDF, feed or channel). */
    final boolean isFeed;
    /** Whether the feed's title was base64 encoded (Rome passes such titles on undecoded). */
    final boolean titleBase64;

    private RawFeed(String title, String link, String id, List<RawEntry> entries, boolean isFeed, boolean titleBase64) {
        this.titleBase64 = titleBase64;
        this.title = title;
        this.link = link;
        this.id = id;
        this.entries = List.copyOf(entries);
        this.isFeed = isFeed;
    }

    static RawFeed of(String xml) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        Element root = doc.children().stream().filter(e -> !local(e).isEmpty()).findFirst().orElse(null);
        if (root == null) {
            return new RawFeed(null, null, null, List.of(), false, false);
        }
        String rootName = local(root);
        boolean isFeed = Set.of("rss", "rdf", "feed", "channel").contains(rootName);
        Element channel = rootName.equals("feed") || rootName.equals("channel") ? root : child(root, "channel");
        if (channel == null) {
            channel = root;
        }
        List<RawEntry> entries = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (ENTRY.contains(local(e)) && !insideEntry(e, root)) {
                entries.add(entry(e));
            }
        }
        Element title = child(channel, "title");
        return new RawFeed(title == null ? null : text(title), link(channel), textOrNull(child(channel, "id")), entries,
                isFeed, isBase64(title));
    }

    private static boolean insideEntry(Element e, Element root) {
        for (Element p = e.parent(); p != null && p != root; p = p.parent()) {
            if (ENTRY.contains(local(p))) {
                return true;
            }
        }
        return false;
    }

    private static RawEntry entry(Element e) {
        Element title = first(e, "title");
        Element summary = first(e, "description", "summary", "abstract");
        Element content = first(e, "encoded", "content", "fullitem", "body");
        Element guid = first(e, "guid", "id");
        String id = textOrNull(guid);
        String link = link(e);
        if (link == null && guid != null && !"false".equalsIgnoreCase(guid.attr("isPermaLink"))
                && id != null && id.matches("(?i)https?://\\S+")) {
            link = id;
        }
        Element author = first(e, "author", "creator");
        String authorName = author == null ? null
                : child(author, "name") != null ? text(child(author, "name")) : text(author);
        boolean base64 = isBase64(title) || isBase64(summary) || isBase64(content);
        String base = xmlBase(e);
        boolean underBase = base != null && link != null;
        if (underBase) {
            link = resolved(base, link);
        }
        return new RawEntry(title == null ? null : text(title), link, id, summary == null ? null : text(summary),
                content == null ? null : text(content),
                textOrNull(first(e, "pubdate", "issued", "published", "date", "created")),
                textOrNull(first(e, "updated", "modified")), authorName, base64, underBase);
    }

    /** The xml:base in force at an element (inner bases resolved against outer ones), or {@code null}. */
    private static String xmlBase(Element e) {
        List<String> chain = new ArrayList<>();
        for (Element p = e; p != null; p = p.parent()) {
            if (p.hasAttr("xml:base")) {
                chain.add(0, p.attr("xml:base").strip());
            }
        }
        String base = null;
        for (String b : chain) {
            base = base == null ? b : resolved(base, b);
        }
        return base;
    }

    private static String resolved(String base, String link) {
        try {
            return java.net.URI.create(base.replace(" ", "%20")).resolve(link.strip().replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return link;
        }
    }

    /** The first direct child with one of the names, in the order the names are given. */
    private static Element first(Element parent, String... names) {
        for (String name : names) {
            Element c = child(parent, name);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static Element child(Element parent, String name) {
        for (Element c : parent.children()) {
            if (local(c).equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The alternate link: an Atom link's href (rel alternate or none first), else an RSS link's text. */
    private static String link(Element parent) {
        String fallback = null;
        for (Element c : parent.children()) {
            if (!local(c).equals("link")) {
                continue;
            }
            if (c.hasAttr("href")) {
                String rel = c.attr("rel");
                if (rel.isEmpty() || rel.equals("alternate")) {
                    return c.attr("href").strip();
                }
                fallback = fallback == null ? c.attr("href").strip() : fallback;
            } else if (!c.text().isBlank()) {
                return c.text().strip();
            }
        }
        return fallback;
    }

    private static String textOrNull(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.text().strip();
        return t.isEmpty() ? null : t;
    }

    /** A text construct as plain text, base64 decoded where its mode or media type says so. */
    private static String text(Element e) {
        String raw = e.children().isEmpty() ? e.text() : e.html();
        if (isBase64(e)) {
            try {
                raw = new String(Base64.getMimeDecoder().decode(e.text().strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                // keep the text as it is
            }
        }
        return FeedText.plain(raw, "html");
    }

    private static boolean isBase64(Element e) {
        if (e == null) {
            return false;
        }
        if (e.attr("mode").equalsIgnoreCase("base64")) {
            return true;
        }
        String type = e.attr("type").toLowerCase(Locale.ROOT).strip();
        return !type.isEmpty() && !TEXT_TYPES.contains(type) && !type.startsWith("text/") && !type.endsWith("xml");
    }

    static String local(Element e) {
        String name = e.tagName().toLowerCase(Locale.ROOT);
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }
}
