package barometer.indexer;

import barometer.indexer.trend.Interval;
import barometer.indexer.trend.TrendPoint;
import java.util.List;
import java.util.Map;

/**
 * A time series for one query, one point per bucket, oldest first, no gaps.
 *
 * @param query the query as asked
 * @param interval bucket width
 * @param scope what the tone is computed from
 * @param smoothing trailing window in buckets (1: none)
 * @param points one per bucket from the first to the last, empty buckets included with count 0
 * @param bySource the same series per outlet (empty unless asked for), each over the same buckets
 * @param scale the scale of the tone values
 * @param shareOf what the share counts
 */
public record TrendSeries(String query, Interval interval, ToneScope scope, int smoothing, List<TrendPoint> points,
                          Map<String, List<TrendPoint>> bySource, ToneScale scale, ShareOf shareOf) {
    public TrendSeries {
        points = List.copyOf(points);
        bySource = Map.copyOf(bySource);
    }
}
