package barometer.indexer.trend;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

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
    /** Sums per bucket, kept mutable while items arrive (an immutable record per item cost a fifth of a trend). */
    private final Map<LocalDate, Sums> overall = new HashMap<>();
    private final Map<String, Map<LocalDate, Sums>> sources = new HashMap<>();
    /**
     * For a fixed-offset zone (UTC by default), each day's slot, indexed by epoch day from {@link #slotBase}: an
     * item costs no map lookup (matches arrive in index order, not time order). Null until the first item.
     */
    private Slot[] slots;
    private long slotBase;

    /** A bucket's running sums (see {@link BucketStats} for what each is). */
    private static final class Sums {
        long count, scored, clusters;
        /** Items (or articles, for sentences) whose story has no other article: each a distinct story. */
        long singleStories;
        double sum, sumOfSquares, clusterSquares, clusterCross, clusterSizeSquares;

        void add(Sums o) {
            count += o.count;
            scored += o.scored;
            clusters += o.clusters;
            singleStories += o.singleStories;
            sum += o.sum;
            sumOfSquares += o.sumOfSquares;
            clusterSquares += o.clusterSquares;
            clusterCross += o.clusterCross;
            clusterSizeSquares += o.clusterSizeSquares;
        }

        BucketStats stats() {
            return new BucketStats(count, scored, sum, sumOfSquares, clusters, clusterSquares, clusterCross,
                    clusterSizeSquares);
        }
    }

    /** Adds one item to a bucket's sums: an article by itself is its own cluster. */
    private static void item(Sums b, double value, boolean valued, boolean ownCluster) {
        b.count++;
        if (valued) {
            b.scored++;
            b.sum += value;
            b.sumOfSquares += value * value;
            if (ownCluster) {
                b.clusters++;
                b.clusterSquares += value * value;
                b.clusterCross += value;
                b.clusterSizeSquares += 1;
            }
        }
    }

    /** A day's bucket and that bucket's sums and stories (shared by the bucket's days), filled in as first needed. */
    private static final class Slot {
        final LocalDate bucket;
        Sums sums;
        LongSet stories;

        Slot(LocalDate bucket) {
            this.bucket = bucket;
        }
    }

    /** Days an array of slots may span before the accumulator falls back to maps (a few centuries). */
    private static final int MAX_SLOT_DAYS = 100_000;

    /** The slot of an item's day: from the array for a fixed-offset zone, else a fresh one from the maps. */
    private Slot slotOf(long epochMillis) {
        if (epochMillis == lastMillis && lastSlot != null) {
            return lastSlot; // an article's sentences and mentions come one after another, with its time
        }
        lastSlot = daySlot(epochMillis);
        lastMillis = epochMillis;
        return lastSlot;
    }

    /**
     * Drops the per-day slots once no more items come (they only speed up adding; the maps hold the sums): a merged
     * accumulator may be kept, one per segment and query. Only the first merge, before an accumulator is shared,
     * finds them.
     */
    private void dropSlots() {
        if (slots != null || lastSlot != null) {
            slots = null;
            lastSlot = null;
        }
    }

    /** The last item's time and slot. */
    private long lastMillis;
    private Slot lastSlot;

    private Slot daySlot(long epochMillis) {
        if (!(zone instanceof java.time.ZoneOffset offset)) {
            return new Slot(bucketOf(epochMillis));
        }
        long day = Math.floorDiv(epochMillis / 1000 + (epochMillis % 1000 < 0 ? -1 : 0) + offset.getTotalSeconds(),
                86_400L);
        if (slots == null) {
            slotBase = day - 512;
            slots = new Slot[1024];
        }
        long i = day - slotBase;
        if (i < 0 || i >= slots.length) {
            long from = Math.min(slotBase, day - 512), to = Math.max(slotBase + slots.length, day + 512);
            if (to - from > MAX_SLOT_DAYS) {
                return new Slot(bucketOf(epochMillis));
            }
            Slot[] grown = new Slot[(int) (to - from)];
            System.arraycopy(slots, 0, grown, (int) (slotBase - from), slots.length);
            slots = grown;
            slotBase = from;
            i = day - slotBase;
        }
        Slot slot = slots[(int) i];
        if (slot == null) {
            // One slot for all the bucket's days in the array: a month's bucket is found once, not thirty times (a
            // slot and a date per day, in every segment's kept sums, were most of the heap a first ask left).
            LocalDate bucket = bucketOf(epochMillis);
            slot = new Slot(bucket);
            long from = Math.max(bucket.toEpochDay(), slotBase);
            long to = Math.min(interval.next(bucket).toEpochDay(), slotBase + slots.length);
            for (long d = from; d < to; d++) {
                if (slots[(int) (d - slotBase)] == null) {
                    slots[(int) (d - slotBase)] = slot;
                }
            }
            slots[(int) i] = slot;
        }
        return slot;
    }

    private LocalDate bucketOf(long epochMillis) {
        return interval.bucketStart(LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), zone));
    }

    private final Map<LocalDate, LongSet> stories = new HashMap<>();
    private final Map<String, Map<LocalDate, LongSet>> sourceStories = new HashMap<>();
    /** Passed for a story or an article when there is none ({@link #add(long, double, String, long, long)}). */
    public static final long NONE = Long.MIN_VALUE;
    /**
     * Passed as the story of an item whose story has no other article: it is counted as a story of its own without
     * a set (a set per bucket of every matching story was most of a search's cost at a million articles).
     */
    public static final long SINGLE_STORY = Long.MIN_VALUE + 1;
    /** The last article counted as a single story, so that its sentences count it once. */
    private long lastSingleArticle = Long.MIN_VALUE;
    /**
     * The article whose values are being added: an article's sentences come one after another (they are one block
     * of the index), so its cluster sums are kept here and folded into its bucket when the next article starts.
     */
    private long currentArticle = Long.MIN_VALUE;
    /**
     * The current article's bucket sums, overall and for its source (null unless by source): held, not looked up
     * again when the article ends (a map keyed by month starts puts most of them in a few hash bins).
     */
    private Sums currentSums;
    private Sums currentSourceSums;
    private double currentCount;
    private double currentSum;
    private final Map<LocalDate, Long> untagged = new HashMap<>();
    private final Map<String, Map<LocalDate, Long>> sourceUntagged = new HashMap<>();

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
        add(publishedEpochMillis, value, source, story == null ? NONE : story, article == null ? NONE : article);
    }

    /**
     * Adds one item, without boxing: {@code story} and {@code article} are {@link #NONE} when the item has none
     * (see {@link #add(long, double, String, Long, Long)}).
     */
    public void add(long publishedEpochMillis, double value, String source, long story, long article) {
        Slot slot = slotOf(publishedEpochMillis);
        LocalDate bucket = slot.bucket;
        boolean valued = !Double.isNaN(value);
        if (slot.sums == null) {
            slot.sums = overall.computeIfAbsent(bucket, d -> new Sums());
        }
        item(slot.sums, value, valued, article == NONE);
        boolean newSingle = story == SINGLE_STORY && (article == NONE || article != lastSingleArticle);
        if (story == SINGLE_STORY) {
            lastSingleArticle = article;
            if (newSingle) {
                slot.sums.singleStories++;
            }
        } else if (story != NONE) {
            if (slot.stories == null) {
                slot.stories = stories.computeIfAbsent(bucket, d -> new LongSet());
            }
            slot.stories.add(story);
        }
        Sums ofSource = bySource && source != null
                ? sources.computeIfAbsent(source, s -> new HashMap<>()).computeIfAbsent(bucket, d -> new Sums())
                : null;
        if (valued && article != NONE) {
            if (article != currentArticle || slot.sums != currentSums) {
                flushCluster();
                currentArticle = article;
                currentSums = slot.sums;
                currentSourceSums = ofSource;
            }
            currentCount++;
            currentSum += value;
        }
        if (ofSource != null) {
            item(ofSource, value, valued, article == NONE);
            if (newSingle) {
                ofSource.singleStories++;
            } else if (story != NONE && story != SINGLE_STORY) {
                sourceStories.computeIfAbsent(source, s -> new HashMap<>())
                        .computeIfAbsent(bucket, d -> new LongSet()).add(story);
            }
        }
    }

    /** Counts an item stored before its tagging (it has no value yet); add it with {@link #add} too. */
    public void addUntagged(long publishedEpochMillis, String source) {
        LocalDate bucket = slotOf(publishedEpochMillis).bucket;
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

    private void cluster(Sums b) {
        b.clusters++;
        b.clusterSquares += currentSum * currentSum;
        b.clusterCross += currentCount * currentSum;
        b.clusterSizeSquares += currentCount * currentCount;
    }

    /** Folds the current article's cluster sums into its bucket (overall and for its source). */
    private void flushCluster() {
        if (currentCount == 0) {
            return;
        }
        cluster(currentSums);
        if (currentSourceSums != null) {
            cluster(currentSourceSums);
        }
        currentCount = 0;
        currentSum = 0;
        currentArticle = Long.MIN_VALUE;
    }

    /** Bytes of a bucket's map entry, date and sums. */
    private static final long BUCKET_BYTES = 48 + 24 + 96;

    /**
     * About the heap this accumulator holds, in bytes: its buckets, story sets and untagged counts (a cache of sums
     * bounds itself by it).
     */
    public long heapBytes() {
        long bytes = 64 + overall.size() * BUCKET_BYTES + untagged.size() * 72L;
        for (Map<LocalDate, Sums> m : sources.values()) {
            bytes += 96 + m.size() * BUCKET_BYTES;
        }
        for (LongSet set : stories.values()) {
            bytes += 72 + set.heapBytes();
        }
        for (Map<LocalDate, LongSet> m : sourceStories.values()) {
            bytes += 96;
            for (LongSet set : m.values()) {
                bytes += 72 + set.heapBytes();
            }
        }
        for (Map<LocalDate, Long> m : sourceUntagged.values()) {
            bytes += 96 + m.size() * 72L;
        }
        if (slots != null) {
            bytes += 16 + 8L * slots.length;
        }
        return bytes;
    }

    /** Whether the caller asked for a per-source breakdown (then it must pass each item's source). */
    public boolean bySource() {
        return bySource;
    }

    /**
     * Folds another accumulator (same interval and zone) into this one. An article split between two slices of
     * one segment (Lucene rarely splits a segment) would count as two clusters: a slightly wider interval.
     */
    public TrendAccumulator merge(TrendAccumulator other) {
        flushCluster();
        other.flushCluster();
        other.dropSlots();
        other.overall.forEach((d, s) -> overall.computeIfAbsent(d, k -> new Sums()).add(s));
        other.sources.forEach((src, m) -> {
            Map<LocalDate, Sums> mine = sources.computeIfAbsent(src, k -> new HashMap<>());
            m.forEach((d, s) -> mine.computeIfAbsent(d, k -> new Sums()).add(s));
        });
        other.stories.forEach((d, set) -> stories.computeIfAbsent(d, k -> new LongSet()).addAll(set));
        other.sourceStories.forEach((src, m) -> m.forEach((d, set) -> sourceStories
                .computeIfAbsent(src, k -> new HashMap<>()).computeIfAbsent(d, k -> new LongSet()).addAll(set)));
        other.untagged.forEach((d, n) -> untagged.merge(d, n, Long::sum));
        other.sourceUntagged.forEach((src, m) -> m.forEach((d, n) -> sourceUntagged
                .computeIfAbsent(src, k -> new HashMap<>()).merge(d, n, Long::sum)));
        return this;
    }

    /** Distinct stories per bucket (items added without a story are not counted). */
    public Map<LocalDate, Integer> stories() {
        return counts(stories, overall);
    }

    /** Distinct stories per bucket of one source. */
    public Map<LocalDate, Integer> stories(String source) {
        return counts(sourceStories.getOrDefault(source, Map.of()), sources.getOrDefault(source, Map.of()));
    }

    /** The stories of several articles (distinct in their sets) plus the single ones, per bucket. */
    private static Map<LocalDate, Integer> counts(Map<LocalDate, LongSet> sets, Map<LocalDate, Sums> sums) {
        Map<LocalDate, Integer> out = new HashMap<>();
        sets.forEach((d, s) -> out.put(d, s.size()));
        sums.forEach((d, s) -> {
            if (s.singleStories > 0) {
                out.merge(d, (int) s.singleStories, Integer::sum);
            }
        });
        return Map.copyOf(out);
    }

    /** Per-bucket sums over all items. */
    public Map<LocalDate, BucketStats> overall() {
        flushCluster();
        return stats(overall);
    }

    private static Map<LocalDate, BucketStats> stats(Map<LocalDate, Sums> sums) {
        Map<LocalDate, BucketStats> out = new HashMap<>();
        sums.forEach((d, s) -> out.put(d, s.stats()));
        return Map.copyOf(out);
    }

    /** Per-bucket sums for each source (empty unless built by source). */
    public Map<String, Map<LocalDate, BucketStats>> perSource() {
        Map<String, Map<LocalDate, BucketStats>> out = new HashMap<>();
        flushCluster();
        sources.forEach((k, v) -> out.put(k, stats(v)));
        return Map.copyOf(out);
    }

    /** Everything summed so far, as a store hands it to {@link TrendAssembly}. */
    public BucketSeries series() {
        Map<String, Map<LocalDate, Integer>> perSourceStories = new HashMap<>();
        java.util.Set<String> withStories = new java.util.HashSet<>(sourceStories.keySet());
        sources.forEach((source, sums) -> {
            if (sums.values().stream().anyMatch(x -> x.singleStories > 0)) {
                withStories.add(source);
            }
        });
        withStories.forEach(source -> perSourceStories.put(source, stories(source)));
        Map<String, Map<LocalDate, Long>> perSourceUntagged = new HashMap<>();
        sourceUntagged.forEach((source, days) -> perSourceUntagged.put(source, Map.copyOf(days)));
        return new BucketSeries(overall(), perSource(), stories(), perSourceStories, untagged(), perSourceUntagged);
    }
}
