package barometer.indexer.store;

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
 * Feeds each matching document's publication time, sentiment and (when asked) source, read from doc
 * values, into a {@link TrendAccumulator}. Documents without a publication time are left out of trends.
 */
final class TrendCollector implements Collector {
    private final TrendAccumulator accumulator;

    private TrendCollector(Interval interval, ZoneId zone, boolean bySource) {
        this.accumulator = new TrendAccumulator(interval, zone, bySource);
    }

    static CollectorManager<TrendCollector, TrendAccumulator> manager(Interval interval, ZoneId zone, boolean bySource) {
        return new CollectorManager<>() {
            @Override
            public TrendCollector newCollector() {
                return new TrendCollector(interval, zone, bySource);
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
                        ? NumericUtils.sortableLongToDouble(sentiment.longValue())
                        : Double.NaN;
                String outlet = source != null && source.advanceExact(doc)
                        ? source.lookupOrd(source.ordValue()).utf8ToString()
                        : null;
                Long storyKey = story != null && story.advanceExact(doc) ? story.longValue() : null;
                accumulator.add(published.longValue(), tone, outlet, storyKey);
            }
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
