package barometer.indexer.store;

import barometer.indexer.sentiment.MentionTone;
import barometer.indexer.sentiment.ToneClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PayloadAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * How a sentence's phrase tones are kept in the index.
 *
 * <p>Trends read them by token position: each token of a sentence's {@link Fields#TEXT} that lies in a phrase
 * carries a one-byte payload, the tone's ordinal + 1 in the low two bits and the phrase's number (mod 64)
 * above them, so that the two words of a phrase query count as one mention. The postings that find a
 * query's words then hand over the tone toward what the query names, with no second lookup. The phrases
 * themselves are stored too ({@link #encode}), so that the index can be rebuilt without re-parsing.
 *
 * <p>Trends read the same bytes without positions from {@link Fields#MENTION_TERMS} ({@link #mentionTerms}): each
 * word of a sentence that stands in a phrase is indexed there once, its term frequency carrying the tone bytes of
 * its first {@value #CODES_PER_TERM} phrases, one byte each. Positions and payloads cost a trend most of its time
 * per matching sentence (reading them was 55% of five compared trends at a million synthetic articles); a term
 * frequency comes with the postings. A sentence with a word in more phrases than that, or with more such words than
 * a field's frequencies may sum to, carries {@link #SEE_POSITIONS} instead, and its tones are read from the
 * payloads.
 */
final class MentionTones {
    private MentionTones() {
    }

    /** The classes by ordinal, once: {@code values()} copies its array on every call, once per mention in a trend. */
    private static final ToneClass[] TONES = ToneClass.values();

    /** The tone byte's class, or null at a position without a phrase. */
    static ToneClass tone(byte code) {
        int t = code & 3;
        return t == 0 ? null : TONES[t - 1];
    }

    /** The phrase number (mod 64) in a tone byte. */
    static int phrase(byte code) {
        return (code & 0xff) >>> 2;
    }

    /**
     * The sentence's tokens as {@code analyzer} makes them, each inside a phrase with its tone byte as payload.
     * The stream has its own analysis chain: an article's block holds the streams of all its sentences at once,
     * and an analyzer hands out one reused chain per thread.
     */
    static TokenStream withPayloads(String text, List<MentionTone> mentions, Analyzer analyzer) {
        return new PhraseToneFilter(unshared(analyzer).tokenStream(Fields.TEXT, text), mentions);
    }

    private static Analyzer unshared(Analyzer analyzer) {
        return new AnalyzerWrapper(NEVER_REUSE) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return analyzer;
            }
        };
    }

    private static final Analyzer.ReuseStrategy NEVER_REUSE = new Analyzer.ReuseStrategy() {
        @Override
        public Analyzer.TokenStreamComponents getReusableComponents(Analyzer analyzer, String fieldName) {
            return null;
        }

        @Override
        public void setReusableComponents(Analyzer analyzer, String fieldName, Analyzer.TokenStreamComponents components) {
            // Never kept: each stream gets its own chain.
        }
    };

    /** Sets the tone byte of the phrase covering each token's first character (tokens come in text order). */
    private static final class PhraseToneFilter extends TokenFilter {
        private final List<MentionTone> mentions;
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PayloadAttribute payload = addAttribute(PayloadAttribute.class);
        private int next;

        PhraseToneFilter(TokenStream input, List<MentionTone> mentions) {
            super(input);
            this.mentions = mentions;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            int start = offset.startOffset();
            while (next < mentions.size() && mentions.get(next).to() <= start) {
                next++;
            }
            if (next < mentions.size() && mentions.get(next).from() <= start) {
                MentionTone m = mentions.get(next);
                payload.setPayload(new BytesRef(new byte[] {(byte) ((m.tone().ordinal() + 1) | ((next & 63) << 2))}));
            } else {
                payload.setPayload(null);
            }
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }

    /** Tone bytes a term frequency of {@link Fields#MENTION_TERMS} holds (two: it stays below 65,536). */
    static final int CODES_PER_TERM = 2;

    /**
     * The term of {@link Fields#MENTION_TERMS} that marks a sentence whose tones only the payloads of {@link Fields#TEXT}
     * hold in full (no analyzer makes a term of a NUL character).
     */
    static final String SEE_POSITIONS = "\u0000";

    /** What a field's term frequencies may sum to in one document (Lucene refuses an int overflow). */
    private static final long MAX_FREQUENCY_SUM = 1L << 30;

    /**
     * The sentence's words in phrases, once each, with the tone bytes of their phrases as the term frequency
     * ({@link #codes}); or only {@link #SEE_POSITIONS} when some word stands in more than {@value #CODES_PER_TERM}
     * phrases. Empty when no word stands in a phrase.
     */
    static TokenStream mentionTerms(String text, List<MentionTone> mentions, Analyzer analyzer) {
        Map<String, Integer> frequencies = new LinkedHashMap<>();
        boolean seePositions = false;
        try (TokenStream tokens = withPayloads(text, mentions, analyzer)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PayloadAttribute payload = tokens.addAttribute(PayloadAttribute.class);
            tokens.reset();
            long sum = 0;
            while (tokens.incrementToken() && !seePositions) {
                BytesRef tone = payload.getPayload();
                if (tone == null || tone.length == 0) {
                    continue;
                }
                int code = tone.bytes[tone.offset] & 0xff;
                String word = term.toString();
                int codes = frequencies.getOrDefault(word, 0);
                int held = codes == 0 ? 0 : codes < 0x100 ? 1 : 2;
                if (held > 0 && ((codes & 0xff) == code || (codes >>> 8) == code)) {
                    continue; // the same phrase again: one mention
                }
                if (held == CODES_PER_TERM) {
                    seePositions = true;
                    break;
                }
                int next = codes | code << (8 * held);
                sum += next - codes;
                seePositions = sum >= MAX_FREQUENCY_SUM;
                frequencies.put(word, next);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TermsWithFrequencies(seePositions ? Map.of(SEE_POSITIONS, 1) : frequencies);
    }

    /**
     * Adds the tones a term frequency of {@link Fields#MENTION_TERMS} holds to {@code out} at {@code n}, each phrase
     * once ({@code seen} holds the phrase bits already added, as {@link #phrase} numbers them); returns the new count
     * and leaves the phrase bits in {@code seen[0]}.
     */
    static int codes(int frequency, ToneClass[] out, int n, long[] seen) {
        for (int codes = frequency; codes != 0; codes >>>= 8) {
            byte code = (byte) codes;
            ToneClass tone = tone(code);
            long phrase = 1L << phrase(code);
            if (tone != null && (seen[0] & phrase) == 0) {
                seen[0] |= phrase;
                out[n++] = tone;
            }
        }
        return n;
    }

    /** One token per entry, its term frequency the entry's value. */
    private static final class TermsWithFrequencies extends TokenStream {
        private final List<Map.Entry<String, Integer>> terms;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
        private int next;

        TermsWithFrequencies(Map<String, Integer> terms) {
            this.terms = List.copyOf(terms.entrySet());
        }

        @Override
        public boolean incrementToken() {
            if (next == terms.size()) {
                return false;
            }
            clearAttributes();
            var entry = terms.get(next++);
            term.setEmpty().append(entry.getKey());
            frequency.setTermFrequency(entry.getValue());
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }

    /** The phrases and tones, compactly, for the stored document. */
    static BytesRef encode(List<MentionTone> mentions) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeVInt(mentions.size());
            int previous = 0;
            for (MentionTone m : mentions) {
                out.writeVInt(m.from() - previous);
                out.writeVInt(m.to() - m.from());
                out.writeByte((byte) m.tone().ordinal());
                previous = m.from();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    /** The phrases {@link #encode} wrote. */
    static List<MentionTone> decode(BytesRef bytes) {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        int n = in.readVInt();
        List<MentionTone> out = new ArrayList<>(n);
        int previous = 0;
        for (int i = 0; i < n; i++) {
            int from = previous + in.readVInt();
            int to = from + in.readVInt();
            out.add(new MentionTone(from, to, TONES[in.readByte()]));
            previous = from;
        }
        return List.copyOf(out);
    }
}
