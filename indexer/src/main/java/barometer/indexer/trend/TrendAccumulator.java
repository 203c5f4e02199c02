package barometer.indexer.trend;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Sums items (articles or sentences) and their values per time bucket, overall and, when asked, per
 * source.
 *
 * <p>Backend-neutral: a store feeds it (publication time, value, source) triples; partial accumulators
 * from parallel segments {@link #merge merge}. Not thread-safe; use one per thread.
 */
public final class TrendAccumulator {
    private final Interval interval;
    private final ZoneId zone;
    private final boolean bySource;
    private final Map<LocalDate, BucketStats> overall = new HashMap<>();
    private final Map<String, Map<LocalDate, BucketStats>> sources = new HashMap<>();

    public TrendAccumulator(Interval interval, ZoneId zone, boolean bySource) {
        this.interval = interval;
        this.zone = zone;
        this.bySource = bySource;
    }

    /** Adds one item; {@code value} is NaN when the item has none; {@code source} is ignored unless by source. */
    public void add(long publishedEpochMillis, double value, String source) {
        LocalDate bucket = interval.bucketStart(LocalDate.ofInstant(Instant.ofEpochMilli(publishedEpochMillis), zone));
        BucketStats one = Double.isNaN(value) ? new BucketStats(1, 0, 0, 0) : new BucketStats(1, 1, value, value * value);
        overall.merge(bucket, one, BucketStats::plus);
        if (bySource && source != null) {
            sources.computeIfAbsent(source, s -> new HashMap<>()).merge(bucket, one, BucketStats::plus);
        }
    }

    /** Whether the caller asked for a per-source breakdown (then it must pass each item's source). */
    public boolean bySource() {
        return bySource;
    }

    /** Folds another accumulator (same interval and zone) into this one. */
    public TrendAccumulator merge(TrendAccumulator other) {
        other.overall.forEach((d, s) -> overall.merge(d, s, BucketStats::plus));
        other.sources.forEach((src, m) -> {
            Map<LocalDate, BucketStats> mine = sources.computeIfAbsent(src, k -> new HashMap<>());
            m.forEach((d, s) -> mine.merge(d, s, BucketStats::plus));
        });
        return this;
    }

    /** Per-bucket sums over all items. */
    public Map<LocalDate, BucketStats> overall() {
        return Map.copyOf(overall);
    }

    /** Per-bucket sums for each source (empty unless built by source). */
    public Map<String, Map<LocalDate, BucketStats>> perSource() {
        Map<String, Map<LocalDate, BucketStats>> out = new HashMap<>();
        sources.forEach((k, v) -> out.put(k, Map.copyOf(v)));
        return Map.copyOf(out);
    }
}
