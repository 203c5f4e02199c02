package barometer.indexer.store;

import barometer.indexer.sentiment.ToneClass;
import barometer.indexer.ToneScale;
import barometer.indexer.ToneScope;
import barometer.indexer.trend.Interval;
import barometer.indexer.trend.TrendAccumulator;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;

/**
 * Keyword-scoped tone for trends: for each matching sentence, reads the tones toward the phrases that hold the
 * query's terms ({@link MentionTones}); each distinct phrase adds one value, 0 (negative), 2 (neutral) or 4
 * (positive), on the sentence scale. The tones come from the term frequencies of {@link Fields#MENTION_TERMS}, or,
 * for a sentence marked {@link MentionTones#SEE_POSITIONS}, from the payloads at the terms' positions in
 * {@link Fields#TEXT}: both give the same tones. Sentences are visited in order, so every postings list is walked
 * forward once per segment.
 */
final class MentionToneCollector implements SegmentSums.Summed {
    private final TrendAccumulator accumulator;
    private final QueryTerms terms;
    private final ToneScale scale;
    private final ArticleBlocks.Cache blocks;

    private MentionToneCollector(Interval interval, ZoneId zone, boolean bySource, QueryTerms terms, ToneScale scale,
                                 ArticleBlocks.Cache blocks) {
        this.accumulator = new TrendAccumulator(interval, zone, bySource);
        this.terms = terms;
        this.scale = scale;
        this.blocks = blocks;
    }

    static CollectorManager<MentionToneCollector, TrendAccumulator> manager(Interval interval, ZoneId zone,
                                                                            boolean bySource, QueryTerms terms,
                                                                            ToneScale scale, ArticleBlocks.Cache blocks) {
        return new CollectorManager<>() {
            @Override
            public MentionToneCollector newCollector() {
                return new MentionToneCollector(interval, zone, bySource, terms, scale, blocks);
            }

            @Override
            public TrendAccumulator reduce(Collection<MentionToneCollector> collectors) {
                TrendAccumulator total = new TrendAccumulator(interval, zone, bySource);
                collectors.forEach(c -> total.merge(c.accumulator));
                return total;
            }
        };
    }

    /** A phrase's tone on the 0..4 sentence scale. */
    static double value(ToneClass tone) {
        return tone.ordinal() * 2.0;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        NumericDocValues published = context.reader().getNumericDocValues(Fields.PUBLISHED);
        SortedDocValues source = accumulator.bySource() ? context.reader().getSortedDocValues(Fields.SOURCE) : null;
        List<PostingsEnum> frequencies = terms.frequencies(context.reader(), Fields.MENTION_TERMS);
        PostingsEnum seePositions = context.reader().postings(new Term(Fields.MENTION_TERMS,
                MentionTones.SEE_POSITIONS), PostingsEnum.NONE);
        ArticleBlocks blocks = this.blocks.of(context);
        ToneClass[] tones = new ToneClass[MAX_PHRASES];
        long[] seen = new long[1];
        return new LeafCollector() {
            /** The payloads, opened at the first sentence that needs them. */
            private List<PostingsEnum> positions;

            @Override
            public void setScorer(Scorable scorer) {
                // Scores are not needed.
            }

            @Override
            public void collect(int doc) throws IOException {
                if (frequencies.isEmpty() || published == null || !published.advanceExact(doc)) {
                    return;
                }
                int n;
                if (at(seePositions, doc)) {
                    if (positions == null) {
                        positions = terms.positions(context.reader());
                    }
                    n = tonesAt(positions, doc, tones);
                } else {
                    n = 0;
                    seen[0] = 0;
                    for (PostingsEnum f : frequencies) {
                        if (at(f, doc)) {
                            n = MentionTones.codes(f.freq(), tones, n, seen);
                        }
                    }
                }
                if (n == 0) {
                    return;
                }
                String outlet = source != null && source.advanceExact(doc)
                        ? source.lookupOrd(source.ordValue()).utf8ToString()
                        : null;
                long article = blocks.articleOf(doc);
                for (int i = 0; i < n; i++) {
                    accumulator.add(published.longValue(), scale.value(value(tones[i]), ToneScope.MENTIONS), outlet,
                            TrendAccumulator.NONE, article);
                }
            }
        };
    }

    /**
     * The tones toward the distinct phrases at the query terms' positions in one document, in term order.
     * The postings must not be past {@code doc}; they are left on it or after it.
     */
    static List<ToneClass> tonesAt(List<PostingsEnum> positions, int doc) throws IOException {
        ToneClass[] out = new ToneClass[MAX_PHRASES];
        return List.copyOf(java.util.Arrays.asList(out).subList(0, tonesAt(positions, doc, out)));
    }

    /** Whether {@code postings} (null for none, and not past {@code doc}) hold {@code doc}; leaves them on or after it. */
    private static boolean at(PostingsEnum postings, int doc) throws IOException {
        return postings != null && (postings.docID() < doc ? postings.advance(doc) : postings.docID()) == doc;
    }

    /** Phrases of a sentence the payload can tell apart (the phrase number's bits in {@link MentionTones}). */
    private static final int MAX_PHRASES = 64;

    /**
     * As {@link #tonesAt(List, int)}, into {@code out} (room for {@link #MAX_PHRASES}); returns how many: the trend's
     * loop calls it once per matching sentence, without a list each time.
     */
    private static int tonesAt(List<PostingsEnum> positions, int doc, ToneClass[] out) throws IOException {
        int n = 0;
        long seen = 0;
        for (PostingsEnum p : positions) {
            if (!at(p, doc)) {
                continue;
            }
            for (int i = p.freq(); i > 0; i--) {
                p.nextPosition();
                BytesRef payload = p.getPayload();
                if (payload == null || payload.length == 0) {
                    continue;
                }
                byte code = payload.bytes[payload.offset];
                ToneClass tone = MentionTones.tone(code);
                long phrase = 1L << MentionTones.phrase(code);
                if (tone != null && (seen & phrase) == 0) {
                    seen |= phrase;
                    out[n++] = tone;
                }
            }
        }
        return n;
    }

    /** The tones toward the query's words in one document of a segment (for the few sentences shown as evidence). */
    static List<ToneClass> tonesAt(LeafReaderContext leaf, int doc, QueryTerms terms) throws IOException {
        return tonesAt(terms.positions(leaf.reader()), doc);
    }

    @Override
    public long heapBytes() {
        return accumulator.heapBytes();
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
