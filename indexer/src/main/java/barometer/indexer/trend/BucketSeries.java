package barometer.indexer.trend;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a store computed for one set of matches, bucket by bucket: the sums, the distinct stories and the items
 * stored before their tagging, overall and per source. Each backend computes it its own way (Lucene collectors,
 * OpenSearch aggregations); {@link TrendAssembly} turns three of them into a series.
 *
 * @param overall sums per bucket (buckets without items left out)
 * @param perSource sums per bucket of each source (empty unless asked by source)
 * @param stories distinct stories per bucket (empty when the items have no story)
 * @param sourceStories distinct stories per bucket of each source
 * @param untagged items stored before their tagging, per bucket
 * @param sourceUntagged the same per source
 */
public record BucketSeries(Map<LocalDate, BucketStats> overall, Map<String, Map<LocalDate, BucketStats>> perSource,
                           Map<LocalDate, Integer> stories, Map<String, Map<LocalDate, Integer>> sourceStories,
                           Map<LocalDate, Long> untagged, Map<String, Map<LocalDate, Long>> sourceUntagged) {
    /** Nothing matched. */
    public static final BucketSeries EMPTY = new BucketSeries(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    public BucketSeries {
        overall = Map.copyOf(overall);
        perSource = Map.copyOf(perSource);
        stories = Map.copyOf(stories);
        sourceStories = Map.copyOf(sourceStories);
        untagged = Map.copyOf(untagged);
        sourceUntagged = Map.copyOf(sourceUntagged);
    }
}
