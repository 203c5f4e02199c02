package barometer.crawler.extract;

import barometer.crawler.fetch.BodyText;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes an HTML page: the charset of the Content-Type header, else the byte order mark, else the page's own
 * {@code <meta charset>} (or http-equiv) in its first 4 kB, else UTF-8 when the bytes are valid UTF-8, else
 * what a detector guesses, else windows-1252. A declared charset the bytes cannot be is passed over.
 */
public final class PageEncoding {
    private static final Pattern META = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)");

    private PageEncoding() {
    }

    /** The text of an HTML page. */
    public static String decode(byte[] body, String contentType) {
        Optional<BodyText.Bom> bom = BodyText.byteOrderMark(body);
        Optional<Charset> header = BodyText.contentTypeCharset(contentType);
        if (header.isPresent() && bom.isEmpty()) {
            Optional<String> text = BodyText.strictly(body, 0, BodyText.asBrowsersRead(header.get()));
            if (text.isPresent()) {
                return text.get();
            }
            if (header.get().equals(StandardCharsets.UTF_8)) {
                return mostlyUtf8(body);
            }
        }
        if (bom.isPresent()) {
            return new String(body, bom.get().length(), body.length - bom.get().length(), bom.get().charset());
        }
        Optional<Charset> meta = meta(body);
        if (meta.isPresent()) {
            Optional<String> text = BodyText.strictly(body, 0, BodyText.asBrowsersRead(meta.get()));
            if (text.isPresent()) {
                return text.get();
            }
            if (meta.get().equals(StandardCharsets.UTF_8)) {
                return mostlyUtf8(body);
            }
        }
        return BodyText.undeclared(body);
    }

    /** A UTF-8 page with a few stray bytes (mixed encodings): the stray bytes become U+FFFD, the rest is kept. */
    private static String mostlyUtf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Optional<Charset> meta(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META.matcher(head);
        return m.find() ? BodyText.charset(m.group(1)) : Optional.empty();
    }
}
