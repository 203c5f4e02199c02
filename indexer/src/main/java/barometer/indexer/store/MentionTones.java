package barometer.indexer.store;

import barometer.indexer.sentiment.MentionTone;
import barometer.indexer.sentiment.ToneClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * How a sentence's phrase tones are kept in the index.
 *
 * <p>Trends read them by token position: one byte per position of the sentence's {@link Fields#TEXT}
 * tokens (as the index's analyzer numbers them), 0 where no phrase is, else the tone's ordinal + 1 in the
 * low two bits and the phrase's number (mod 64) above them, so that the two words of a phrase query count
 * as one mention. A query's matching positions then lead straight to the tone toward what it names.
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

    /** One byte per token position of the sentence text, as {@code analyzer} tokenizes it. */
    static BytesRef byPosition(String text, List<MentionTone> mentions, Analyzer analyzer) {
        byte[] codes = new byte[16];
        int length = 0;
        try (TokenStream tokens = analyzer.tokenStream(Fields.TEXT, text)) {
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            int position = -1;
            while (tokens.incrementToken()) {
                position += increment.getPositionIncrement();
                int phrase = covering(mentions, offset.startOffset());
                if (phrase < 0) {
                    continue;
                }
                if (position >= codes.length) {
                    codes = Arrays.copyOf(codes, Math.max(codes.length * 2, position + 1));
                }
                codes[position] = (byte) ((mentions.get(phrase).tone().ordinal() + 1) | ((phrase & 63) << 2));
                length = position + 1;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a sentence in memory", e);
        }
        return new BytesRef(codes, 0, length);
    }

    private static int covering(List<MentionTone> mentions, int offset) {
        for (int i = 0; i < mentions.size(); i++) {
            MentionTone m = mentions.get(i);
            if (offset >= m.from() && offset < m.to()) {
                return i;
            }
        }
        return -1;
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
