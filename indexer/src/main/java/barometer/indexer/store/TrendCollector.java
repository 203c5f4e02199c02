package barometer.indexer.store;

import barometer.indexer.ToneScale;
import barometer.indexer.ToneScope;
import barometer.indexer.trend.Interval;
import barometer.indexer.trend.TrendAccumulator;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.NumericUtils;

/**
 * Feeds each matching document's publication time, sentiment (on the asked scale) and (when asked) source,
 * read from doc values, into a {@link TrendAccumulator}. Documents without a publication time are left out of
 * trends. Sentences are summed per article as well, the clusters of the tone interval.
 */
final class TrendCollector implements SegmentSums.Summed {
    private final TrendAccumulator accumulator;
    private final ToneScale scale;
    private final ArticleBlocks.Cache blocks;

    private TrendCollector(Interval interval, ZoneId zone, boolean bySource, ToneScale scale, ArticleBlocks.Cache blocks) {
        this.accumulator = new TrendAccumulator(interval, zone, bySource);
        this.scale = scale;
        this.blocks = blocks;
    }

    /** Articles: each value is its own cluster. */
    static CollectorManager<TrendCollector, TrendAccumulator> manager(Interval interval, ZoneId zone, boolean bySource,
                                                                      ToneScale scale) {
        return manager(interval, zone, bySource, scale, null);
    }

    /** Sentences (when {@code blocks} is given): values clustered by their article. */
    static CollectorManager<TrendCollector, TrendAccumulator> manager(Interval interval, ZoneId zone, boolean bySource,
                                                                      ToneScale scale, ArticleBlocks.Cache blocks) {
        return new CollectorManager<>() {
            @Override
            public TrendCollector newCollector() {
                return new TrendCollector(interval, zone, bySource, scale, blocks);
            }

            @Override
            public TrendAccumulator reduce(Collection<TrendCollector> collectors) {
                TrendAccumulator total = new TrendAccumulator(interval, zone, bySource);
                collectors.forEach(c -> total.merge(c.accumulator));
                return total;
            }
        };
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        NumericDocValues published = context.reader().getNumericDocValues(Fields.PUBLISHED);
        NumericDocValues sentiment = context.reader().getNumericDocValues(Fields.SENTIMENT);
        SortedDocValues source = accumulator.bySource() ? context.reader().getSortedDocValues(Fields.SOURCE) : null;
        NumericDocValues story = context.reader().getNumericDocValues(Fields.STORY_HASH);
        NumericDocValues single = context.reader().getNumericDocValues(Fields.STORY_SINGLE);
        boolean sentences = this.blocks != null;
        ArticleBlocks blocks = sentences ? this.blocks.of(context) : null;
        NumericDocValues pending = sentences ? null : context.reader().getNumericDocValues(Fields.PENDING);
        ToneScope scope = sentences ? ToneScope.SENTENCES : ToneScope.ARTICLES;
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {
                // Scores are not needed: every matching document counts once.
            }

            @Override
            public void collect(int doc) throws IOException {
                if (published == null || !published.advanceExact(doc)) {
                    return;
                }
                double tone = sentiment != null && sentiment.advanceExact(doc)
                        ? scale.value(NumericUtils.sortableLongToDouble(sentiment.longValue()), scope)
                        : Double.NaN;
                String outlet = source != null && source.advanceExact(doc)
                        ? source.lookupOrd(source.ordValue()).utf8ToString()
                        : null;
                long storyKey = single != null && single.advanceExact(doc) && single.longValue() == 1
                        ? TrendAccumulator.SINGLE_STORY
                        : story != null && story.advanceExact(doc) ? story.longValue() : TrendAccumulator.NONE;
                long article = blocks == null ? TrendAccumulator.NONE : blocks.articleOf(doc);
                accumulator.add(published.longValue(), tone, outlet, storyKey, article);
                if (pending != null && pending.advanceExact(doc)) {
                    accumulator.addUntagged(published.longValue(), outlet);
                }
            }
        };
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
