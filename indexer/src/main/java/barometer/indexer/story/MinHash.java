package barometer.indexer.story;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MinHash signature of a text's word 3-shingles (Broder 1997): the share of equal positions in two
 * signatures estimates the Jaccard similarity of the texts' shingle sets, so the same wire story
 * republished with small edits is found without comparing texts. Signatures are cut into bands
 * (locality-sensitive hashing): texts at the similarity that makes one story share a band with
 * near certainty, so an index of bands finds the candidates.
 */
public final class MinHash {
    /** Estimated Jaccard similarity from which two texts are one story. */
    public static final double SAME_STORY = 0.7;
    /** Texts with fewer shingles than this are not clustered: too short to tell copies from coincidences. */
    public static final int MIN_SHINGLES = 20;
    static final int HASHES = 64;
    static final int ROWS_PER_BAND = 4;
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private MinHash() {
    }

    /** The signature, or empty when the text is too short to cluster. */
    public static Optional<int[]> of(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        Set<Long> shingles = new HashSet<>();
        for (int i = 0; i + 3 <= words.size(); i++) {
            shingles.add(fnv(words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2)));
        }
        if (shingles.size() < MIN_SHINGLES) {
            return Optional.empty();
        }
        int[] signature = new int[HASHES];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int k = 0; k < HASHES; k++) {
                int h = (int) mix(shingle + 0x9E3779B97F4A7C15L * (k + 1));
                if (h < signature[k]) {
                    signature[k] = h;
                }
            }
        }
        return Optional.of(signature);
    }

    /** The estimated Jaccard similarity of two signatures' texts. */
    public static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int k = 0; k < HASHES; k++) {
            same += a[k] == b[k] ? 1 : 0;
        }
        return (double) same / HASHES;
    }

    /** The signature's bands, as index terms. */
    public static List<String> bands(int[] signature) {
        List<String> out = new ArrayList<>(HASHES / ROWS_PER_BAND);
        for (int band = 0; band < HASHES / ROWS_PER_BAND; band++) {
            long h = band;
            for (int r = 0; r < ROWS_PER_BAND; r++) {
                h = mix(h * 31 + signature[band * ROWS_PER_BAND + r]);
            }
            out.add(band + ":" + Long.toHexString(h));
        }
        return out;
    }

    /** The signature as bytes, to store. */
    public static byte[] toBytes(int[] signature) {
        ByteBuffer b = ByteBuffer.allocate(HASHES * 4);
        for (int v : signature) {
            b.putInt(v);
        }
        return b.array();
    }

    /** A stored signature read back. */
    public static int[] fromBytes(byte[] bytes, int offset) {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, HASHES * 4);
        int[] signature = new int[HASHES];
        for (int k = 0; k < HASHES; k++) {
            signature[k] = b.getInt();
        }
        return signature;
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: every input bit reaches every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
