package barometer.crawler.feed;

import barometer.crawler.fetch.BodyText;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a feed's bytes in RFC 7303's order: the byte order mark; the charset of the HTTP Content-Type; the XML
 * declaration (UTF-16 and UTF-32 recognised from the first bytes without one); else UTF-8. A declared encoding
 * the bytes do not fit (a common lie) gives way to UTF-8 when the bytes are valid UTF-8, else to a detector;
 * ISO-8859-1 and US-ASCII are read as windows-1252, their superset in practice (curly quotes in 0x80-0x9F).
 */
final class FeedEncoding {
    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private FeedEncoding() {
    }

    /** The text of a feed, without its byte order mark. */
    static String decode(byte[] body, String contentType) {
        Optional<BodyText.Bom> bom = BodyText.byteOrderMark(body);
        if (bom.isPresent()) {
            return new String(body, bom.get().length(), body.length - bom.get().length(), bom.get().charset());
        }
        Charset sniffed = sniffed(body);
        if (sniffed != null) {
            return new String(body, sniffed);
        }
        Optional<Charset> declared = BodyText.contentTypeCharset(contentType).or(() -> xmlDeclaration(body));
        if (declared.isPresent()) {
            Optional<String> strict = BodyText.strictly(body, 0, BodyText.asBrowsersRead(declared.get()));
            if (strict.isPresent()) {
                return strict.get();
            }
        }
        return BodyText.undeclared(body);
    }

    /** "<" in UTF-16 or UTF-32 without a byte order mark. */
    private static Charset sniffed(byte[] b) {
        if (BodyText.starts(b, 0x00, 0x00, 0x00, 0x3C)) {
            return UTF_32BE;
        }
        if (BodyText.starts(b, 0x3C, 0x00, 0x00, 0x00)) {
            return UTF_32LE;
        }
        if (BodyText.starts(b, 0x00, 0x3C, 0x00, 0x3F) || BodyText.starts(b, 0x00, 0x3C, 0x00, 0x21)) {
            return StandardCharsets.UTF_16BE;
        }
        if (BodyText.starts(b, 0x3C, 0x00, 0x3F, 0x00) || BodyText.starts(b, 0x3C, 0x00, 0x21, 0x00)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static Optional<Charset> xmlDeclaration(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        return m.find() ? BodyText.charset(m.group(1)) : Optional.empty();
    }
}
