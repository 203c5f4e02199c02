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
            + " textarea, nav, footer, aside, figure, figcaption, dialog, menu";
    private static final Pattern UNLIKELY = Pattern.compile(
            "(?i)comment|disqus|respond|sidebar|widget|footer|masthead|menu|navbar|breadcrumb|pagination|"
            + "share|sharing|social|related|recommend|more-stories|promo|advert|sponsor|newsletter|subscribe|"
            + "signup|cookie|consent|popup|modal|banner|toolbar|author-bio|tags|skip-link|hidden");
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

    String of(Document original) {
        Element body = original.body();
        if (body == null) {
            return "";
        }
        Element root = body.clone();
        root.select(REMOVED_TAGS).remove();
        int pageChars = root.text().length();
        // A form is a search box or a comment field, unless the site wraps its whole page in one (ASP.NET does).
        for (Element form : root.select("form")) {
            if (form.parent() != null && form.text().length() <= pageChars * WRAPPER_SHARE) {
                form.remove();
            }
        }
        removeUnlikely(root, root.text().length());
        removeThinHeaders(root);
        Element itemBody = root.selectFirst("[itemprop=articleBody]");
        List<Element> parts = itemBody != null ? List.of(itemBody) : bestContainers(root);
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
    private static void removeUnlikely(Element root, int pageChars) {
        for (Element e : root.select("[class], [id], [role]")) {
            if (e == root || e.parent() == null) {
                continue; // the page itself, or already removed with an ancestor
            }
            if (e.text().length() > pageChars * WRAPPER_SHARE) {
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
