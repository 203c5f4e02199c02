package barometer.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.nodes.Entities;

/**
 * A page from the web module's {@code templates/} with {@code {{name}}} slots. Every value is HTML-escaped
 * (attribute-safe) when it is filled in, so nothing a user typed becomes markup.
 */
final class HtmlPage {
    private final String template;

    HtmlPage(String name) {
        try (InputStream in = HtmlPage.class.getClassLoader().getResourceAsStream("templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("template missing from the web module: templates/" + name);
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates/" + name, e);
        }
    }

    String render(Map<String, String> values) {
        String html = template;
        for (var e : values.entrySet()) {
            html = html.replace("{{" + e.getKey() + "}}", escape(e.getValue()));
        }
        return html;
    }

    static String escape(String text) {
        return text == null ? "" : Entities.escape(text).replace("\"", "&quot;").replace("'", "&#39;");
    }
}
