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
 * source. Values that come from an article (its sentences, its mentions) are also summed per article, so that
 * a tone interval can treat articles as the independent draws ({@link BucketStats#clusteredVariance()}).
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
    private final Map<LocalDate, Map<Long, double[]>> clusters = new HashMap<>();
    private final Map<LocalDate, Long> untagged = new HashMap<>();
    private final Map<String, Map<LocalDate, Long>> sourceUntagged = new HashMap<>();
    private final Map<String, Map<LocalDate, Map<Long, double[]>>> sourceClusters = new HashMap<>();

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
        add(publishedEpochMillis, value, source, story, null);
    }

    /**
     * Adds one item. {@code story}: the story it belongs to, or null; {@code article}: the article its value
     * comes from (values of one article are one cluster), or null when the item is an article itself.
     */
    public void add(long publishedEpochMillis, double value, String source, Long story, Long article) {
        LocalDate bucket = interval.bucketStart(LocalDate.ofInstant(Instant.ofEpochMilli(publishedEpochMillis), zone));
        boolean valued = !Double.isNaN(value);
        BucketStats one = !valued ? new BucketStats(1, 0, 0, 0)
                : article == null ? new BucketStats(1, 1, value, value * value)
                : new BucketStats(1, 1, value, value * value, 0, 0, 0, 0);
        overall.merge(bucket, one, BucketStats::plus);
        if (story != null) {
            stories.computeIfAbsent(bucket, d -> new HashSet<>()).add(story);
        }
        if (valued && article != null) {
            addToCluster(clusters.computeIfAbsent(bucket, d -> new HashMap<>()), article, value);
        }
        if (bySource && source != null) {
            sources.computeIfAbsent(source, s -> new HashMap<>()).merge(bucket, one, BucketStats::plus);
            if (story != null) {
                sourceStories.computeIfAbsent(source, s -> new HashMap<>())
                        .computeIfAbsent(bucket, d -> new HashSet<>()).add(story);
            }
            if (valued && article != null) {
                addToCluster(sourceClusters.computeIfAbsent(source, s -> new HashMap<>())
                        .computeIfAbsent(bucket, d -> new HashMap<>()), article, value);
            }
        }
    }

    /** Counts an item stored before its tagging (it has no value yet); add it with {@link #add} too. */
    public void addUntagged(long publishedEpochMillis, String source) {
        LocalDate bucket = interval.bucketStart(LocalDate.ofInstant(Instant.ofEpochMilli(publishedEpochMillis), zone));
        untagged.merge(bucket, 1L, Long::sum);
        if (bySource && source != null) {
            sourceUntagged.computeIfAbsent(source, s -> new HashMap<>()).merge(bucket, 1L, Long::sum);
        }
    }

    /** Items not yet tagged per bucket. */
    public Map<LocalDate, Long> untagged() {
        return Map.copyOf(untagged);
    }

    /** Items not yet tagged per bucket of one source. */
    public Map<LocalDate, Long> untagged(String source) {
        return Map.copyOf(sourceUntagged.getOrDefault(source, Map.of()));
    }

    private static void addToCluster(Map<Long, double[]> byArticle, long article, double value) {
        double[] sums = byArticle.computeIfAbsent(article, a -> new double[2]);
        sums[0]++;
        sums[1] += value;
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
        other.untagged.forEach((d, n) -> untagged.merge(d, n, Long::sum));
        other.sourceUntagged.forEach((src, m) -> m.forEach((d, n) -> sourceUntagged
                .computeIfAbsent(src, k -> new HashMap<>()).merge(d, n, Long::sum)));
        // An article's sentences can be split between two slices of one segment: add their sums, not replace.
        mergeClusters(clusters, other.clusters);
        other.sourceClusters.forEach((src, m) -> mergeClusters(sourceClusters.computeIfAbsent(src, k -> new HashMap<>()), m));
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

    private static void mergeClusters(Map<LocalDate, Map<Long, double[]>> into, Map<LocalDate, Map<Long, double[]>> from) {
        from.forEach((d, byArticle) -> {
            Map<Long, double[]> mine = into.computeIfAbsent(d, k -> new HashMap<>());
            byArticle.forEach((a, sums) -> {
                double[] own = mine.computeIfAbsent(a, k -> new double[2]);
                own[0] += sums[0];
                own[1] += sums[1];
            });
        });
    }

    private static Map<LocalDate, BucketStats> withClusters(Map<LocalDate, BucketStats> stats,
                                                            Map<LocalDate, Map<Long, double[]>> byBucket) {
        Map<LocalDate, BucketStats> out = new HashMap<>(stats);
        byBucket.forEach((d, byArticle) -> {
            double squares = 0, cross = 0, sizes = 0;
            for (double[] c : byArticle.values()) {
                squares += c[1] * c[1];
                cross += c[0] * c[1];
                sizes += c[0] * c[0];
            }
            BucketStats own = out.getOrDefault(d, BucketStats.EMPTY);
            out.put(d, own.withClusters(own.clusters() + byArticle.size(), own.clusterSquares() + squares,
                    own.clusterCross() + cross, own.clusterSizeSquares() + sizes));
        });
        return Map.copyOf(out);
    }

    private static Map<LocalDate, Integer> counts(Map<LocalDate, Set<Long>> sets) {
        Map<LocalDate, Integer> out = new HashMap<>();
        sets.forEach((d, s) -> out.put(d, s.size()));
        return Map.copyOf(out);
    }

    /** Per-bucket sums over all items. */
    public Map<LocalDate, BucketStats> overall() {
        return withClusters(overall, clusters);
    }

    /** Per-bucket sums for each source (empty unless built by source). */
    public Map<String, Map<LocalDate, BucketStats>> perSource() {
        Map<String, Map<LocalDate, BucketStats>> out = new HashMap<>();
        sources.forEach((k, v) -> out.put(k, withClusters(v, sourceClusters.getOrDefault(k, Map.of()))));
        return Map.copyOf(out);
    }
}
