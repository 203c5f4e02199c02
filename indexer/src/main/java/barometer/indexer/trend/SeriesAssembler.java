package barometer.indexer.trend;

import barometer.indexer.InvalidQueryException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays per-bucket sums out as a gap-free series of {@link TrendPoint}s, with share of coverage, mean tone
 * and its 95% confidence interval, optionally pooled over a trailing window of buckets.
 *
 * <p>The interval is the normal approximation, mean ± 1.96·s/√n with s the sample standard deviation of
 * the n values behind it, clipped to the 0..4 scale. Sentences of one article are not independent, so
 * read it as a lower bound on the uncertainty.
 */
public final class SeriesAssembler {
    /** A series longer than this is refused: ask for a coarser interval or a shorter range. */
    public static final int MAX_BUCKETS = 5_000;
    private static final double Z95 = 1.959964;

    private final Interval interval;
    private final int window;

    /**
     * @param interval bucket width
     * @param window buckets pooled for each point (1: no smoothing)
     */
    public SeriesAssembler(Interval interval, int window) {
        this.interval = interval;
        this.window = Math.max(1, window);
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
     */
    public List<TrendPoint> assemble(LocalDate first, LocalDate last, Map<LocalDate, BucketStats> articles,
                                     Map<LocalDate, BucketStats> all, Map<LocalDate, BucketStats> tone,
                                     Map<LocalDate, Integer> stories) {
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
            for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                a = a.plus(articles.getOrDefault(starts.get(j), BucketStats.EMPTY));
                o = o.plus(all.getOrDefault(starts.get(j), BucketStats.EMPTY));
                t = t.plus(tone.getOrDefault(starts.get(j), BucketStats.EMPTY));
            }
            long own = articles.getOrDefault(starts.get(i), BucketStats.EMPTY).count();
            long ownAll = all.getOrDefault(starts.get(i), BucketStats.EMPTY).count();
            int pooled = Math.min(window, i + 1);
            points.add(point(starts.get(i), own, stories.getOrDefault(starts.get(i), 0), ownAll, a, o, t,
                    window > 1 ? (double) a.count() / pooled : null));
        }
        return List.copyOf(points);
    }

    private static TrendPoint point(LocalDate start, long own, long ownStories, long ownAll, BucketStats a, BucketStats all,
                                    BucketStats tone, Double smoothed) {
        Double share = all.count() == 0 ? null : (double) a.count() / all.count();
        Double mean = tone.mean();
        Double variance = tone.variance();
        Double low = null, high = null;
        if (mean != null && variance != null) {
            double half = Z95 * Math.sqrt(variance / tone.scored());
            low = Math.max(0, mean - half);
            high = Math.min(4, mean + half);
        }
        return new TrendPoint(start, own, ownStories, ownAll, share, smoothed, tone.scored(), mean, low, high);
    }
}
