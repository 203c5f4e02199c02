package barometer.crawler.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds a page's main text.
 *
 * <p>First the page loses what is never article text (scripts, forms, navigation, asides, footers and
 * elements whose class or id names comments, sharing, related links and the like). Then each block of
 * prose scores its parent and grandparent by its length and commas, discounted by the share of its text
 * that is links; the best-scoring container, with the siblings that score close to it, is the article.
 * The idea is Readability's; the weights are ours.
 */
final class MainText {
    private static final String REMOVED_TAGS =
            "script, style, noscript, template, svg, canvas, iframe, object, embed, button, input, select,"
            + " textarea, dialog";
    /** Page furniture, removed unless a site wraps its whole page in one ("<aside class=banner><main>"). */
    private static final String FURNITURE_TAGS = "nav, footer, aside, figure, figcaption, menu";
    /**
     * Class and id words of boilerplate. Page builders name content containers "elementor-widget-text-editor" or
     * "so-widget-sow-editor", and utility classes say "overflow-hidden", so "widget" and "hidden" are not here.
     */
    private static final Pattern UNLIKELY = Pattern.compile(
            "(?i)comment|disqus|respond|sidebar|footer|masthead|menu|navbar|breadcrumb|pagination|"
            + "share|sharing|social|related|recommend|more-stories|promo|advert|sponsor|newsletter|subscribe|"
            + "signup|cookie|consent|popup|modal|banner|toolbar|author-bio|skip-link|(?<![\\w-])tags(?![\\w-])");
    private static final Pattern LIKELY = Pattern.compile(
            "(?i)article|body|content|entry|main|post|story|text|prose");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3",
            "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th",
            "br", "hr", "header", "address", "center");
    private static final String PROSE = "p, pre, blockquote, td, li, h2, h3, h4";
    private static final int MIN_PROSE_CHARS = 25;
    /** An element holding more than this share of the page's text is a layout wrapper, whatever its name. */
    private static final double WRAPPER_SHARE = 0.4;
    /** A div whose own text (not its children's) is this long is prose written with line breaks, not p. */
    private static final int MIN_DIV_PROSE_CHARS = 100;

    /** A main text and where it was found. */
    record Found(String text, TextSource source) {
        int words() {
            return text.isBlank() ? 0 : text.strip().split("\\s+").length;
        }
    }

    /** Below this many words the markup's text is thin, and what else the HTML holds is read too. */
    private static final int THIN_WORDS = 150;
    /** Strings in hydration data at least this long, with sentence punctuation, are prose. */
    private static final int MIN_DATA_PROSE_CHARS = 80;

    String of(Document original) {
        return find(original).text();
    }

    /**
     * The main text. The visible markup first; when it gives little (a page built by a front-end framework,
     * or a page that hides its article in a template), the other places an article can sit in the HTML are read
     * and the longest text wins: JSON-LD {@code articleBody}, hydration data, {@code <template>}, {@code <noscript>}.
     */
    Found find(Document original) {
        Element body = original.body();
        if (body == null) {
            return new Found("", TextSource.NONE);
        }
        Found markup = new Found(markup(body.clone()), TextSource.MARKUP);
        if (markup.words() >= THIN_WORDS) {
            return markup;
        }
        List<Found> others = new ArrayList<>();
        others.add(markup);
        for (var article : PageMetadata.jsonLdArticles(original)) {
            String text = article.path("articleBody").asText("");
            others.add(new Found(paragraphsOf(text), TextSource.JSON_LD));
        }
        others.add(new Found(hydration(original), TextSource.HYDRATION_DATA));
        for (String kind : List.of("template", "noscript")) {
            StringBuilder html = new StringBuilder();
            for (Element e : original.select(kind)) {
                html.append(e.html()).append('\n');
            }
            if (!html.isEmpty()) {
                Element fragment = org.jsoup.Jsoup.parseBodyFragment(html.toString()).body();
                others.add(new Found(markup(fragment), kind.equals("template") ? TextSource.TEMPLATE : TextSource.NOSCRIPT));
            }
        }
        Found best = markup;
        for (Found f : others) {
            // Another place must say clearly more than the markup before it is believed over it.
            if (f.words() > best.words() * 1.5 + 20) {
                best = f;
            }
        }
        return best.text().isBlank() ? new Found("", TextSource.NONE) : best;
    }

    /** Text written with line breaks as paragraphs (JSON-LD bodies use \n or nothing). */
    private static String paragraphsOf(String text) {
        String plain = text.contains("<") && text.contains(">") ? org.jsoup.Jsoup.parse(text).text() : text;
        return String.join("\n\n", plain.lines().map(l -> l.replaceAll("\\s+", " ").strip())
                .filter(l -> !l.isEmpty()).toList());
    }

    /**
     * The prose in a framework's hydration data ({@code __NEXT_DATA__}, {@code __NUXT_DATA__}, any JSON script):
     * its string values that read as sentences, in document order, without repeats. Strings holding HTML are
     * read as HTML.
     */
    private static String hydration(Document doc) {
        List<String> prose = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (Element script : doc.select("script#__NEXT_DATA__, script#__NUXT_DATA__, script[type=application/json]")) {
            try {
                collectProse(json.readTree(script.data()), prose, seen);
            } catch (Exception malformed) {
                // not JSON after all: nothing to read there
            }
        }
        return String.join("\n\n", prose);
    }

    private static void collectProse(com.fasterxml.jackson.databind.JsonNode node, List<String> out,
            java.util.Set<String> seen) {
        if (node.isTextual()) {
            String value = node.asText();
            if (value.length() >= MIN_DATA_PROSE_CHARS && !value.startsWith("http")) {
                String text = value.contains("</") ? org.jsoup.Jsoup.parse(value).text() : value;
                if (text.length() >= MIN_DATA_PROSE_CHARS && PROSE_LIKE.matcher(text).find() && seen.add(text)) {
                    out.add(paragraphsOf(text));
                }
            }
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectProse(child, out, seen));
        }
    }

    /** Sentences: words, a full stop or question mark, a space and more words. */
    private static final Pattern PROSE_LIKE = Pattern.compile("\\p{L}{2,}[.!?][\"”’)]?\\s+\\p{Lu}");

    /** The main text of the visible markup below {@code root} (which this changes). */
    private static String markup(Element root) {
        root.select(REMOVED_TAGS).remove();
        int pageChars = root.text().length();
        for (Element furniture : root.select(FURNITURE_TAGS)) {
            if (furniture.parent() != null && furniture.text().length() <= pageChars * WRAPPER_SHARE) {
                furniture.remove();
            }
        }
        // A form is a search box or a comment field, unless the site wraps its whole page in one (ASP.NET does).
        for (Element form : root.select("form")) {
            if (form.parent() != null && form.text().length() <= pageChars * WRAPPER_SHARE) {
                form.remove();
            }
        }
        removeUnlikely(root, textLengths(root, false));
        removeThinHeaders(root);
        Element itemBody = root.selectFirst("[itemprop=articleBody]");
        List<Element> parts = itemBody != null ? List.of(itemBody) : choose(root, bestContainers(root));
        List<String> paragraphs = new ArrayList<>();
        for (Element part : parts) {
            paragraphs.addAll(paragraphs(part));
        }
        return String.join("\n\n", paragraphs);
    }

    /**
     * Removes what its class, id or role calls navigation, comments, sharing and the like; but never a
     * wrapper that holds much of the page's text, since themes name layout containers after sidebars and
     * widgets too ("has-sidebar", "elementor-widget-container").
     */
    private static void removeUnlikely(Element root, Map<Element, Integer> lengths) {
        int pageChars = lengths.getOrDefault(root, 0);
        for (Element e : root.select("[class], [id], [role]")) {
            if (e == root || e.parent() == null) {
                continue; // the page itself, or already removed with an ancestor
            }
            if (lengths.getOrDefault(e, 0) > pageChars * WRAPPER_SHARE) {
                continue;
            }
            String role = e.attr("role");
            if (role.equals("navigation") || role.equals("complementary") || role.equals("contentinfo")
                    || role.equals("banner")) {
                e.remove();
                continue;
            }
            String names = e.className() + " " + e.id();
            if (UNLIKELY.matcher(names).find() && !LIKELY.matcher(names).find()
                    && !e.tagName().equals("article") && !e.tagName().equals("main")) {
                e.remove();
            }
        }
    }

    /** A page header holds logos and menus; an article's own header (headline, byline) has little prose. */
    private static void removeThinHeaders(Element root) {
        for (Element header : root.select("header")) {
            if (header.select("p").size() < 3) {
                header.remove();
            }
        }
    }

    /** Share of the page's unlinked text the chosen container must hold: a majority (see {@link #dominant}). */
    private static final double DOMINANT_SHARE = 0.5;

    /**
     * The readability-style pick can be one section of an article that a page builder or a long guide splits
     * into many: when the deepest element holding most of the page's unlinked text contains that pick, the
     * article is that element.
     */
    private static List<Element> choose(Element root, List<Element> best) {
        Element dominant = dominant(root);
        if (dominant == null || best.isEmpty()) {
            return best;
        }
        Element first = best.get(0);
        for (Element e = first; e != null; e = e.parent()) {
            if (e == dominant) {
                return List.of(dominant);
            }
        }
        return best;
    }

    /** The deepest element that holds at least {@link #DOMINANT_SHARE} of the unlinked text below root. */
    static Element dominant(Element root) {
        Map<Element, Integer> weight = textLengths(root, true);
        int total = weight.getOrDefault(root, 0);
        if (total == 0) {
            return null;
        }
        Element current = root;
        while (true) {
            Element next = null;
            for (Element child : current.children()) {
                if (weight.getOrDefault(child, 0) >= DOMINANT_SHARE * total) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                return current;
            }
            current = next;
        }
    }

    /**
     * The length of the text below each element, in one pass over the tree (asking each element for its text
     * would read the page once per element); {@code unlinkedOnly} leaves out text inside links.
     */
    static Map<Element, Integer> textLengths(Element root, boolean unlinkedOnly) {
        Map<Element, Integer> lengths = new java.util.IdentityHashMap<>();
        length(root, unlinkedOnly, lengths);
        return lengths;
    }

    private static int length(Element e, boolean unlinkedOnly, Map<Element, Integer> lengths) {
        int n = 0;
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode text) {
                n += text.text().strip().length();
            } else if (child instanceof Element el) {
                int inner = length(el, unlinkedOnly, lengths);
                n += unlinkedOnly && el.normalName().equals("a") ? 0 : inner;
            }
        }
        lengths.put(e, n);
        return n;
    }

    private static List<Element> bestContainers(Element root) {
        Map<Element, Double> scores = new HashMap<>();
        List<Element> blocks = new ArrayList<>(root.select(PROSE));
        for (Element div : root.select("div")) {
            if (div.ownText().length() >= MIN_DIV_PROSE_CHARS) {
                blocks.add(div);
            }
        }
        for (Element prose : blocks) {
            String text = prose instanceof Element el && el.normalName().equals("div") ? el.ownText() : prose.text();
            if (text.length() < MIN_PROSE_CHARS) {
                continue;
            }
            double score = 1 + count(text, ',') + Math.min(text.length() / 100.0, 3);
            Element parent = prose.parent();
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                Element grandparent = parent.parent();
                if (grandparent != null) {
                    scores.merge(grandparent, score / 2, Double::sum);
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        Map<Element, Double> adjusted = new HashMap<>();
        for (Map.Entry<Element, Double> candidate : scores.entrySet()) {
            Element e = candidate.getKey();
            double score = (candidate.getValue() + classWeight(e)) * (1 - linkDensity(e));
            adjusted.put(e, score);
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        if (best == null) {
            return List.of(root);
        }
        return withSiblings(best, bestScore, adjusted);
    }

    private static List<Element> withSiblings(Element best, double bestScore, Map<Element, Double> scores) {
        Element parent = best.parent();
        if (parent == null) {
            return List.of(best);
        }
        double threshold = Math.max(10, bestScore * 0.2);
        List<Element> parts = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == best) {
                parts.add(sibling);
            } else if (scores.getOrDefault(sibling, 0.0) >= threshold) {
                parts.add(sibling);
            } else if (sibling.tagName().equals("p") && sibling.text().length() > 80 && linkDensity(sibling) < 0.25) {
                parts.add(sibling);
            }
        }
        return parts;
    }

    private static double classWeight(Element e) {
        String names = e.className() + " " + e.id();
        double weight = 0;
        if (LIKELY.matcher(names).find()) {
            weight += 25;
        }
        if (UNLIKELY.matcher(names).find()) {
            weight -= 25;
        }
        return weight;
    }

    static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        int linked = 0;
        for (Element a : e.select("a")) {
            linked += a.text().length();
        }
        return Math.min(1, (double) linked / total);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** Renders an element as paragraphs: block elements break lines, runs of whitespace collapse. */
    private static List<String> paragraphs(Element part) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.text());
                } else if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
                    flush(current, out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
                    flush(current, out);
                }
            }
        }, part);
        flush(current, out);
        return dropLinkLists(part, out);
    }

    private static void flush(StringBuilder current, List<String> out) {
        String paragraph = current.toString().replaceAll("\\s+", " ").strip();
        if (!paragraph.isEmpty()) {
            out.add(paragraph);
        }
        current.setLength(0);
    }

    /** Lines that are wholly the text of one link ("Read more", a related headline) are not prose. */
    private static List<String> dropLinkLists(Element part, List<String> paragraphs) {
        Set<String> linkTexts = new java.util.HashSet<>();
        for (Element a : part.select("a")) {
            linkTexts.add(a.text().strip());
        }
        List<String> kept = new ArrayList<>();
        for (String p : paragraphs) {
            if (!linkTexts.contains(p)) {
                kept.add(p);
            }
        }
        return kept;
    }
}
