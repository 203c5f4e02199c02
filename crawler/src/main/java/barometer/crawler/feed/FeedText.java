package barometer.crawler.feed;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Turns a feed's text constructs into plain text: markup removed (for HTML and XHTML content), entities decoded,
 * runs of whitespace collapsed to one space. Empty text is {@code null}.
 */
final class FeedText {
    private static final java.nio.charset.Charset WINDOWS_1252 = java.nio.charset.Charset.forName("windows-1252");
    private FeedText() {
    }

    /**
     * C1 control characters in feeds are nearly always windows-1252 bytes read as Latin-1 (or {@code &#146;}):
     * curly quotes, dashes, the euro sign. They are turned into the characters meant.
     */
    private static String windows1252Controls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                if (out == null) {
                    out = new StringBuilder(text.substring(0, i));
                }
                String mapped = new String(new byte[] {(byte) c}, WINDOWS_1252);
                out.append(mapped.charAt(0) == '\uFFFD' ? "" : mapped);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * @param value the construct's value as the parser gave it
     * @param type its declared type: "text", "html", "xhtml", a media type, or {@code null} (RSS: HTML allowed)
     */
    static String plain(String value, String type) {
        if (value == null) {
            return null;
        }
        String t = type == null ? "html" : type.toLowerCase(Locale.ROOT);
        String text;
        if (t.equals("text") || t.equals("text/plain")) {
            text = Parser.unescapeEntities(value, false);
        } else if (t.contains("html") || t.equals("escaped")) {
            text = Jsoup.parseBodyFragment(value).text();
        } else if (t.startsWith("text/") || t.contains("xml")) {
            text = Jsoup.parseBodyFragment(value).text();
        } else {
            text = value;
        }
        String collapsed = windows1252Controls(text).replaceAll("[\\s\\u00A0]+", " ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }
}
