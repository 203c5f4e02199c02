package barometer.indexer.trend;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
    private final Map<LocalDate, Set<Long>> stories = new HashMap<>();
    private final Map<String, Map<LocalDate, Set<Long>>> sourceStories = new HashMap<>();

    public TrendAccumulator(Interval interval, ZoneId zone, boolean bySource) {
        this.interval = interval;
        this.zone = zone;
        this.bySource = bySource;
    }

    /** Adds one item; {@code value} is NaN when the item has none; {@code source} is ignored unless by source. */
    public void add(long publishedEpochMillis, double value, String source) {
        add(publishedEpochMillis, value, source, null);
    }

    /** Adds one item that belongs to a story (items of one story count once in {@link #stories()}). */
    public void add(long publishedEpochMillis, double value, String source, Long story) {
        LocalDate bucket = interval.bucketStart(LocalDate.ofInstant(Instant.ofEpochMilli(publishedEpochMillis), zone));
        BucketStats one = Double.isNaN(value) ? new BucketStats(1, 0, 0, 0) : new BucketStats(1, 1, value, value * value);
        overall.merge(bucket, one, BucketStats::plus);
        if (story != null) {
            stories.computeIfAbsent(bucket, d -> new HashSet<>()).add(story);
        }
        if (bySource && source != null) {
            sources.computeIfAbsent(source, s -> new HashMap<>()).merge(bucket, one, BucketStats::plus);
            if (story != null) {
                sourceStories.computeIfAbsent(source, s -> new HashMap<>())
                        .computeIfAbsent(bucket, d -> new HashSet<>()).add(story);
            }
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
        other.stories.forEach((d, set) -> stories.computeIfAbsent(d, k -> new HashSet<>()).addAll(set));
        other.sourceStories.forEach((src, m) -> m.forEach((d, set) -> sourceStories
                .computeIfAbsent(src, k -> new HashMap<>()).computeIfAbsent(d, k -> new HashSet<>()).addAll(set)));
        return this;
    }

    /** Distinct stories per bucket (items added without a story are not counted). */
    public Map<LocalDate, Integer> stories() {
        return counts(stories);
    }

    /** Distinct stories per bucket of one source. */
    public Map<LocalDate, Integer> stories(String source) {
        return counts(sourceStories.getOrDefault(source, Map.of()));
    }

    private static Map<LocalDate, Integer> counts(Map<LocalDate, Set<Long>> sets) {
        Map<LocalDate, Integer> out = new HashMap<>();
        sets.forEach((d, s) -> out.put(d, s.size()));
        return Map.copyOf(out);
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
