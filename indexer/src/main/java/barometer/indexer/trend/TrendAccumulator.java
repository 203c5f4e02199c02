package barometer.indexer.trend;

import barometer.indexer.InvalidQueryException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Sums article counts and sentiment per bucket, then lays them out as a gap-free series.
 *
 * <p>Backend-neutral: a store feeds it (publication time, sentiment) pairs; partial accumulators from
 * parallel segments {@link #merge merge}. Not thread-safe; use one per thread.
 */
public final class TrendAccumulator {
    /** A series longer than this is refused: ask for a coarser interval or a shorter range. */
    public static final int MAX_BUCKETS = 5_000;

    private final Interval interval;
    private final ZoneId zone;
    private final TreeMap<LocalDate, Sums> buckets = new TreeMap<>();

    public TrendAccumulator(Interval interval, ZoneId zone) {
        this.interval = interval;
        this.zone = zone;
    }

    /** Adds one article; {@code sentiment} is NaN when the article has none. */
    public void add(long publishedEpochMillis, double sentiment) {
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(publishedEpochMillis), zone);
        Sums sums = buckets.computeIfAbsent(interval.bucketStart(day), d -> new Sums());
        sums.count++;
        if (!Double.isNaN(sentiment)) {
            sums.scored++;
            sums.sum += sentiment;
            sums.sumOfSquares += sentiment * sentiment;
        }
    }

    /** Folds another accumulator (same interval and zone) into this one. */
    public TrendAccumulator merge(TrendAccumulator other) {
        other.buckets.forEach((day, sums) -> buckets.merge(day, sums, Sums::plus));
        return this;
    }

    /**
     * The series from the bucket holding {@code from} to the one holding {@code to}; a null end takes the
     * first or last bucket with articles. Empty when there are no articles and no range.
     *
     * @throws InvalidQueryException when the series would have more than {@link #MAX_BUCKETS} points
     */
    public List<TrendPoint> series(LocalDate from, LocalDate to) {
        LocalDate first = from != null ? interval.bucketStart(from) : buckets.isEmpty() ? null : buckets.firstKey();
        LocalDate last = to != null ? interval.bucketStart(to) : buckets.isEmpty() ? null : buckets.lastKey();
        if (first == null || last == null || first.isAfter(last)) {
            return List.of();
        }
        long n = interval.bucketsBetween(first, last);
        if (n > MAX_BUCKETS) {
            throw new InvalidQueryException("the series would have " + n + " " + interval.name().toLowerCase()
                    + " buckets, more than " + MAX_BUCKETS, "use a coarser interval or a shorter date range");
        }
        List<TrendPoint> points = new ArrayList<>((int) n);
        for (LocalDate d = first; !d.isAfter(last); d = interval.next(d)) {
            Sums s = buckets.get(d);
            points.add(s == null ? new TrendPoint(d, 0, null, null) : s.point(d));
        }
        return List.copyOf(points);
    }

    private static final class Sums {
        long count;
        long scored;
        double sum;
        double sumOfSquares;

        Sums plus(Sums o) {
            count += o.count;
            scored += o.scored;
            sum += o.sum;
            sumOfSquares += o.sumOfSquares;
            return this;
        }

        TrendPoint point(LocalDate start) {
            Double mean = scored == 0 ? null : sum / scored;
            Double variance = scored < 2 ? null
                    : Math.max(0, (sumOfSquares - sum * sum / scored) / (scored - 1));
            return new TrendPoint(start, count, mean, variance);
        }
    }
}
