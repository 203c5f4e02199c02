package barometer.crawler.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * The building blocks of decoding a fetched body: byte order marks, the charset of a Content-Type, a strict
 * decode that fails on bytes the charset does not allow, and a detector (juniversalchardet) for bodies that
 * declare nothing trustworthy. Feeds and pages combine them in their own order of trust.
 */
public final class BodyText {
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private BodyText() {
    }

    /** A body's byte order mark: its charset and length. */
    public record Bom(Charset charset, int length) {
    }

    public static Optional<Bom> byteOrderMark(byte[] b) {
        if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return Optional.of(new Bom(UTF_32BE, 4));
        }
        if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return Optional.of(new Bom(UTF_32LE, 4));
        }
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            return Optional.of(new Bom(StandardCharsets.UTF_8, 3));
        }
        if (starts(b, 0xFE, 0xFF)) {
            return Optional.of(new Bom(StandardCharsets.UTF_16BE, 2));
        }
        if (starts(b, 0xFF, 0xFE)) {
            return Optional.of(new Bom(StandardCharsets.UTF_16LE, 2));
        }
        return Optional.empty();
    }

    /** Whether the body starts with these bytes. */
    public static boolean starts(byte[] b, int... prefix) {
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

    /** The charset parameter of a Content-Type ({@code text/html; charset="utf-8"}), if Java knows it. */
    public static Optional<Charset> contentTypeCharset(String contentType) {
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

    /** A charset by name, if Java knows it. */
    public static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name.strip()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The body decoded with the charset, or empty when it has bytes the charset does not allow. */
    public static Optional<String> strictly(byte[] body, int offset, Charset cs) {
        try {
            return Optional.of(cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, offset, body.length - offset)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * A declared charset as browsers read it: ISO-8859-1 and US-ASCII as windows-1252 (their superset in practice:
     * curly quotes in 0x80-0x9F), GB2312 as GB18030.
     */
    public static Charset asBrowsersRead(Charset declared) {
        String name = declared.name();
        if (name.equals("ISO-8859-1") || name.equals("US-ASCII")) {
            return WINDOWS_1252;
        }
        return name.equals("GB2312") ? Charset.forName("GB18030") : declared;
    }

    /** A body that declares nothing usable: UTF-8 when the bytes are valid UTF-8, else a detector's guess, else windows-1252. */
    public static String undeclared(byte[] body) {
        return strictly(body, 0, StandardCharsets.UTF_8)
                .orElseGet(() -> new String(body, detected(body).orElse(WINDOWS_1252)));
    }

    /** The charset a detector guesses from the bytes, if it dares. */
    public static Optional<Charset> detected(byte[] body) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(body, 0, body.length);
        detector.dataEnd();
        return detector.getDetectedCharset() == null ? Optional.empty() : charset(detector.getDetectedCharset());
    }
}
