package barometer.indexer.store;

import barometer.indexer.trend.LongSet;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts matching articles per source, topic, tone class and publication year (UTC), and their distinct
 * stories, from doc values.
 */
final class FacetCollector implements SegmentSums.Summed {
    private final Map<String, Long> sources = new HashMap<>();
    private final Map<String, Long> tones = new HashMap<>();
    private final Map<String, Long> years = new HashMap<>();
    private final Map<String, Long> topics = new HashMap<>();
    /** Stories of several articles (a set: their matches may repeat a story). */
    private final LongSet stories = new LongSet();
    /** Matches whose story has no other article: each is a distinct story, counted without the set. */
    private long singleStories;
    private long matches;
    /** Matches per UTC year from {@link #FIRST_YEAR} (other years, rare, go straight to {@link #years}). */
    private final long[] yearCounts = new long[YEAR_STARTS.length - 1];
    private static final int FIRST_YEAR = 1900;
    /** The first instant of each UTC year 1900..2200, for a binary search per match instead of a calendar. */
    private static final long[] YEAR_STARTS = yearStarts();

    private static long[] yearStarts() {
        long[] starts = new long[2201 - FIRST_YEAR + 1];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = java.time.LocalDate.of(FIRST_YEAR + i, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        return starts;
    }

    /** Facet counts, the number of distinct stories and of matching documents over all matches. */
    record Facets(Map<String, Map<String, Long>> counts, long stories, long matches) {
    }

    static CollectorManager<FacetCollector, Facets> manager() {
        return new CollectorManager<>() {
            @Override
            public FacetCollector newCollector() {
                return new FacetCollector();
            }

            @Override
            public Facets reduce(Collection<FacetCollector> collectors) {
                Map<String, Long> s = new HashMap<>(), t = new HashMap<>(), y = new HashMap<>(), p = new HashMap<>();
                LongSet allStories = new LongSet();
                long matches = 0;
                long singles = 0;
                for (FacetCollector c : collectors) {
                    c.flushYear();
                    matches += c.matches;
                    allStories.addAll(c.stories);
                    singles += c.singleStories;
                    c.sources.forEach((k, v) -> s.merge(k, v, Long::sum));
                    c.tones.forEach((k, v) -> t.merge(k, v, Long::sum));
                    c.years.forEach((k, v) -> y.merge(k, v, Long::sum));
                    c.topics.forEach((k, v) -> p.merge(k, v, Long::sum));
                }
                return new Facets(Map.of("source", Map.copyOf(s), "tone", Map.copyOf(t), "year", Map.copyOf(y),
                        "topic", Map.copyOf(p)), singles + allStories.size(), matches);
            }
        };
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        SortedDocValues source = context.reader().getSortedDocValues(Fields.SOURCE);
        SortedDocValues tone = context.reader().getSortedDocValues(Fields.TONE_CLASS);
        SortedDocValues topic = context.reader().getSortedDocValues(Fields.TOPIC);
        long[] topicCounts = new long[topic == null ? 0 : topic.getValueCount()];
        NumericDocValues published = context.reader().getNumericDocValues(Fields.PUBLISHED);
        NumericDocValues story = context.reader().getNumericDocValues(Fields.STORY_HASH);
        NumericDocValues single = context.reader().getNumericDocValues(Fields.STORY_SINGLE);
        int ords = source == null ? 0 : source.getValueCount();
        long[] sourceCounts = new long[ords];
        long[] toneCounts = new long[tone == null ? 0 : tone.getValueCount()];
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {
                // Facets count documents; scores do not matter.
            }

            @Override
            public void collect(int doc) throws IOException {
                matches++;
                if (source != null && source.advanceExact(doc)) {
                    sourceCounts[source.ordValue()]++;
                }
                if (tone != null && tone.advanceExact(doc)) {
                    toneCounts[tone.ordValue()]++;
                }
                if (single != null && single.advanceExact(doc) && single.longValue() == 1) {
                    singleStories++;
                } else if (story != null && story.advanceExact(doc)) {
                    stories.add(story.longValue());
                }
                if (topic != null && topic.advanceExact(doc)) {
                    topicCounts[topic.ordValue()]++;
                }
                if (published != null && published.advanceExact(doc)) {
                    countYear(published.longValue());
                }
            }

            @Override
            public void finish() throws IOException {
                // Ordinals are per segment: turn them into terms once per segment, not once per document.
                for (int ord = 0; ord < sourceCounts.length; ord++) {
                    if (sourceCounts[ord] > 0) {
                        sources.merge(source.lookupOrd(ord).utf8ToString(), sourceCounts[ord], Long::sum);
                    }
                }
                for (int ord = 0; ord < topicCounts.length; ord++) {
                    if (topicCounts[ord] > 0) {
                        topics.merge(topic.lookupOrd(ord).utf8ToString(), topicCounts[ord], Long::sum);
                    }
                }
                for (int ord = 0; ord < toneCounts.length; ord++) {
                    if (toneCounts[ord] > 0) {
                        tones.merge(tone.lookupOrd(ord).utf8ToString(), toneCounts[ord], Long::sum);
                    }
                }
            }
        };
    }

    /** Days in 400 Gregorian years: the mean year's length, to guess a time's year from its day. */
    private static final long DAYS_PER_400_YEARS = 146_097;

    /**
     * Counts a publication time in its UTC year: one array slot per year, the year guessed from the day and set right
     * against the table of year starts (a binary search of the table was a sixth of a search at a million articles).
     */
    private void countYear(long epochMillis) {
        int slot = -1;
        if (epochMillis >= YEAR_STARTS[0] && epochMillis < YEAR_STARTS[YEAR_STARTS.length - 1]) {
            long days = (epochMillis - YEAR_STARTS[0]) / 86_400_000L;
            slot = (int) Math.min(yearCounts.length - 1, days * 400 / DAYS_PER_400_YEARS);
            while (YEAR_STARTS[slot] > epochMillis) {
                slot--;
            }
            while (YEAR_STARTS[slot + 1] <= epochMillis) {
                slot++;
            }
        }
        if (slot < 0 || slot >= yearCounts.length) {
            String year = Integer.toString(Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).getYear());
            years.merge(year, 1L, Long::sum);
        } else {
            yearCounts[slot]++;
        }
    }

    private void flushYear() {
        for (int slot = 0; slot < yearCounts.length; slot++) {
            if (yearCounts[slot] > 0) {
                years.merge(Integer.toString(FIRST_YEAR + slot), yearCounts[slot], Long::sum);
                yearCounts[slot] = 0;
            }
        }
    }

    @Override
    public long heapBytes() {
        long entries = sources.size() + tones.size() + years.size() + topics.size();
        return 256 + entries * 96 + stories.heapBytes() + 8L * yearCounts.length;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
