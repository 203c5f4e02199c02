package barometer.crawler.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

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
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private FeedEncoding() {
    }

    /** The text of a feed, without its byte order mark. */
    static String decode(byte[] body, String contentType) {
        int[] bom = new int[1];
        Charset byBom = byteOrderMark(body, bom);
        if (byBom != null) {
            return new String(body, bom[0], body.length - bom[0], byBom);
        }
        Charset sniffed = sniffed(body);
        if (sniffed != null) {
            return new String(body, sniffed);
        }
        Optional<Charset> declared = httpCharset(contentType).or(() -> xmlDeclaration(body));
        if (declared.isPresent()) {
            Charset cs = liberal(declared.get());
            Optional<String> strict = strictly(body, cs);
            if (strict.isPresent()) {
                return strict.get();
            }
        }
        Optional<String> utf8 = strictly(body, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return utf8.get();
        }
        return new String(body, detected(body).orElse(WINDOWS_1252));
    }

    private static Charset byteOrderMark(byte[] b, int[] length) {
        if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
            length[0] = 4;
            return UTF_32BE;
        }
        if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
            length[0] = 4;
            return UTF_32LE;
        }
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            length[0] = 3;
            return StandardCharsets.UTF_8;
        }
        if (starts(b, 0xFE, 0xFF)) {
            length[0] = 2;
            return StandardCharsets.UTF_16BE;
        }
        if (starts(b, 0xFF, 0xFE)) {
            length[0] = 2;
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** "<" in UTF-16 or UTF-32 without a byte order mark. */
    private static Charset sniffed(byte[] b) {
        if (starts(b, 0x00, 0x00, 0x00, 0x3C)) {
            return UTF_32BE;
        }
        if (starts(b, 0x3C, 0x00, 0x00, 0x00)) {
            return UTF_32LE;
        }
        if (starts(b, 0x00, 0x3C, 0x00, 0x3F) || starts(b, 0x00, 0x3C, 0x00, 0x21)) {
            return StandardCharsets.UTF_16BE;
        }
        if (starts(b, 0x3C, 0x00, 0x3F, 0x00) || starts(b, 0x3C, 0x00, 0x21, 0x00)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static Optional<Charset> httpCharset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String part : contentType.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
                return charset(kv[1].strip().replace("\"", "").replace("'", "").strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> xmlDeclaration(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 300), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        return m.find() ? charset(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Charset liberal(Charset cs) {
        String name = cs.name().toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("us-ascii")) {
            return WINDOWS_1252;
        }
        if (name.equals("gb2312")) {
            return Charset.forName("GB18030");
        }
        return cs;
    }

    private static Optional<String> strictly(byte[] body, Charset cs) {
        try {
            return Optional.of(cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Charset> detected(byte[] body) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(body, 0, body.length);
        detector.dataEnd();
        return detector.getDetectedCharset() == null ? Optional.empty() : charset(detector.getDetectedCharset());
    }
}
