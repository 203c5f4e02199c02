package barometer.indexer;

/** Snippets of article text for search hits, as HTML: what every backend shows when a hit has no highlight. */
public final class Snippets {
    /** Characters of an article's start shown when none of its passages matches the query's words. */
    public static final int LEAD_CHARS = 240;

    private Snippets() {
    }

    /** The article's first {@link #LEAD_CHARS} characters, HTML-escaped, with an ellipsis when cut. */
    public static String lead(String body) {
        return escapeHtml(body.length() <= LEAD_CHARS ? body : body.substring(0, LEAD_CHARS) + " …");
    }

    /** Text made safe inside HTML elements and attribute values. */
    public static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
