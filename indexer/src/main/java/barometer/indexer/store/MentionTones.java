package barometer.indexer.store;

import barometer.indexer.sentiment.MentionTone;
import barometer.indexer.sentiment.ToneClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PayloadAttribute;
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
 */
final class MentionTones {
    private MentionTones() {
    }

    /** The tone byte's class, or null at a position without a phrase. */
    static ToneClass tone(byte code) {
        int t = code & 3;
        return t == 0 ? null : ToneClass.values()[t - 1];
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
            out.add(new MentionTone(from, to, ToneClass.values()[in.readByte()]));
            previous = from;
        }
        return List.copyOf(out);
    }
}
