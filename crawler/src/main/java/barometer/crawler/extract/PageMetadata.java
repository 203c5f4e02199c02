package barometer.crawler.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about its article besides the text and the publication date: authors, the last modification,
 * the language and the lead image, read from JSON-LD first, then OpenGraph / article:* meta, then markup.
 */
final class PageMetadata {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "blogposting", "analysisnewsarticle", "opinionnewsarticle", "webpage", "liveblogposting");

    private PageMetadata() {
    }

    /** The article objects of the page's JSON-LD (inside @graph and arrays too). */
    static List<JsonNode> jsonLdArticles(Document doc) {
        List<JsonNode> out = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                collect(JSON.readTree(script.data()), out);
            } catch (Exception malformed) {
                // many pages carry broken JSON-LD; the meta tags are read instead
            }
        }
        return out;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
            return;
        }
        if (node.has("@graph")) {
            collect(node.get("@graph"), out);
        }
        JsonNode type = node.path("@type");
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT)));
        } else {
            types.add(type.asText().toLowerCase(Locale.ROOT));
        }
        if (types.stream().anyMatch(ARTICLE_TYPES::contains)) {
            out.add(node);
        }
    }

    static List<String> authors(Document doc, List<JsonNode> articles) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode a : articles) {
            JsonNode author = a.path("author");
            for (JsonNode one : author.isArray() ? author : List.of(author)) {
                String name = one.isTextual() ? one.asText() : one.path("name").asText("");
                add(names, name);
            }
            if (!names.isEmpty()) {
                return List.copyOf(names);
            }
        }
        for (Element m : doc.select("meta[name=author], meta[property=article:author], meta[name=parsely-author],"
                + " meta[name=sailthru.author]")) {
            add(names, m.attr("content"));
        }
        if (names.isEmpty()) {
            for (Element e : doc.select("[itemprop=author] [itemprop=name], [itemprop=author], a[rel=author], .byline__name,"
                    + " .author-name")) {
                add(names, e.text());
                if (names.size() >= 5) {
                    break;
                }
            }
        }
        return List.copyOf(names);
    }

    private static void add(Set<String> names, String raw) {
        if (raw == null) {
            return;
        }
        for (String part : raw.split("\\s*(?:,|\\band\\b|&)\\s*")) {
            String name = part.replaceFirst("(?i)^by\\s+", "").strip();
            if (!name.isEmpty() && name.length() < 80 && !name.startsWith("http")) {
                names.add(name);
            }
        }
    }

    static Instant modified(Document doc, List<JsonNode> articles) {
        for (JsonNode a : articles) {
            Instant t = PublishedDate.parse(a.path("dateModified").asText(""));
            if (t != null) {
                return t;
            }
        }
        for (String selector : List.of("meta[property=article:modified_time]", "meta[property=og:updated_time]",
                "meta[itemprop=dateModified]", "meta[name=last-modified]")) {
            Element m = doc.selectFirst(selector);
            if (m != null) {
                Instant t = PublishedDate.parse(m.attr("content"));
                if (t != null) {
                    return t;
                }
            }
        }
        Element time = doc.selectFirst("time[itemprop=dateModified][datetime]");
        return time == null ? null : PublishedDate.parse(time.attr("datetime"));
    }

    /** The page's language as a primary subtag ("en"), from its markup; empty when it names none. */
    static String language(Document doc, List<JsonNode> articles) {
        for (JsonNode a : articles) {
            String lang = a.path("inLanguage").asText("");
            if (!lang.isBlank()) {
                return primary(lang);
            }
        }
        String html = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
        if (!html.isBlank()) {
            return primary(html);
        }
        String meta = ArticleExtractor.meta(doc, "meta[http-equiv=content-language]");
        if (!meta.isBlank()) {
            return primary(meta);
        }
        String locale = ArticleExtractor.meta(doc, "meta[property=og:locale]");
        return locale.isBlank() ? "" : primary(locale);
    }

    private static String primary(String tag) {
        return tag.strip().split("[-_,;\\s]")[0].toLowerCase(Locale.ROOT);
    }

    /** The lead image as an absolute http(s) address, or empty. */
    static String leadImage(Document doc, List<JsonNode> articles) {
        for (JsonNode a : articles) {
            JsonNode image = a.path("image");
            JsonNode first = image.isArray() && !image.isEmpty() ? image.get(0) : image;
            String url = first.isTextual() ? first.asText() : first.path("url").asText("");
            if (url.startsWith("http")) {
                return url;
            }
        }
        for (String selector : List.of("meta[property=og:image]", "meta[name=twitter:image]",
                "meta[property=og:image:url]")) {
            Element m = doc.selectFirst(selector);
            if (m != null && !m.absUrl("content").isBlank()) {
                return m.absUrl("content");
            }
        }
        Element img = doc.selectFirst("article img[src], main img[src]");
        return img == null ? "" : img.absUrl("src");
    }
}
