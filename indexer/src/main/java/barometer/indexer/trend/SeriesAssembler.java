package barometer.indexer.trend;

import barometer.indexer.InvalidQueryException;
import barometer.indexer.ShareOf;
import barometer.indexer.ToneScale;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays per-bucket sums out as a gap-free series of {@link TrendPoint}s, with share of coverage and its Wilson
 * interval, mean tone and its clustered interval ({@link Intervals}), optionally pooled over a trailing window
 * of buckets.
 *
 * <p>Mentions and sentences of one article are not independent draws: the tone interval counts articles, not
 * values, and a bucket with fewer than {@link Intervals#MIN_ARTICLES} articles gets no interval and is marked
 * too few.
 */
public final class SeriesAssembler {
    /** A series longer than this is refused: ask for a coarser interval or a shorter range. */
    public static final int MAX_BUCKETS = 5_000;

    private final Interval interval;
    private final int window;
    private final ToneScale scale;
    private final ShareOf shareOf;

    /**
     * @param interval bucket width
     * @param window buckets pooled for each point (1: no smoothing)
     * @param scale the scale the tone values are on (for clipping the interval)
     * @param shareOf what the share counts
     */
    public SeriesAssembler(Interval interval, int window, ToneScale scale, ShareOf shareOf) {
        this.interval = interval;
        this.window = Math.max(1, window);
        this.scale = scale;
        this.shareOf = shareOf;
    }

    /** Checks that a series between the two days (both inclusive) stays within {@link #MAX_BUCKETS}. */
    public void checkLength(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return;
        }
        long n = interval.bucketsBetween(from, to);
        if (n > MAX_BUCKETS) {
            throw new InvalidQueryException("the series would have " + n + " " + interval.name().toLowerCase()
                    + " buckets, more than " + MAX_BUCKETS, "use a coarser interval or a shorter date range");
        }
    }

    /**
     * The points from the bucket holding {@code first} to the one holding {@code last}.
     *
     * @param articles matching articles per bucket
     * @param all all articles per bucket
     * @param tone the values behind the tone per bucket (sentence labels or article means)
     * @param stories distinct stories among the matching articles per bucket
     * @param allStories distinct stories among all articles per bucket
     */
    public List<TrendPoint> assemble(LocalDate first, LocalDate last, Map<LocalDate, BucketStats> articles,
                                     Map<LocalDate, BucketStats> all, Map<LocalDate, BucketStats> tone,
                                     Map<LocalDate, Integer> stories, Map<LocalDate, Integer> allStories) {
        return assemble(first, last, articles, all, tone, stories, allStories, Map.of());
    }

    /** The same, with the matching articles not yet tagged per bucket. */
    public List<TrendPoint> assemble(LocalDate first, LocalDate last, Map<LocalDate, BucketStats> articles,
                                     Map<LocalDate, BucketStats> all, Map<LocalDate, BucketStats> tone,
                                     Map<LocalDate, Integer> stories, Map<LocalDate, Integer> allStories,
                                     Map<LocalDate, Long> untagged) {
        if (first == null || last == null || first.isAfter(last)) {
            return List.of();
        }
        checkLength(first, last);
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate d = interval.bucketStart(first); !d.isAfter(last); d = interval.next(d)) {
            starts.add(d);
        }
        List<TrendPoint> points = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            BucketStats a = BucketStats.EMPTY, t = BucketStats.EMPTY, o = BucketStats.EMPTY;
            long pooledStories = 0, pooledAllStories = 0;
            for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                LocalDate d = starts.get(j);
                a = a.plus(articles.getOrDefault(d, BucketStats.EMPTY));
                o = o.plus(all.getOrDefault(d, BucketStats.EMPTY));
                t = t.plus(tone.getOrDefault(d, BucketStats.EMPTY));
                pooledStories += stories.getOrDefault(d, 0);
                pooledAllStories += allStories.getOrDefault(d, 0);
            }
            LocalDate start = starts.get(i);
            long own = articles.getOrDefault(start, BucketStats.EMPTY).count();
            long ownAll = all.getOrDefault(start, BucketStats.EMPTY).count();
            int pooled = Math.min(window, i + 1);
            long hits = shareOf == ShareOf.STORIES ? pooledStories : a.count();
            long of = shareOf == ShareOf.STORIES ? pooledAllStories : o.count();
            Double share = o.count() == 0 || of == 0 ? null : (double) hits / of;
            double[] shareBand = share == null ? null : Intervals.wilson(hits, of);
            Double mean = t.mean();
            double[] toneBand = mean == null ? null : Intervals.tone(t, scale.low(), scale.high());
            points.add(new TrendPoint(start, own, stories.getOrDefault(start, 0), ownAll,
                    allStories.getOrDefault(start, 0), share, shareBand == null ? null : shareBand[0],
                    shareBand == null ? null : shareBand[1], window > 1 ? (double) a.count() / pooled : null,
                    t.scored(), t.clusters(), mean, toneBand == null ? null : toneBand[0],
                    toneBand == null ? null : toneBand[1], mean != null && toneBand == null,
                    untagged.getOrDefault(start, 0L)));
        }
        return List.copyOf(points);
    }
}
