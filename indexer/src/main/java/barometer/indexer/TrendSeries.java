package barometer.indexer;

import barometer.indexer.trend.Interval;
import barometer.indexer.trend.TrendPoint;
import java.util.List;

/**
 * A time series of article counts and sentiment, one point per bucket, oldest first, no gaps.
 *
 * @param query the query as asked
 * @param interval bucket width
 * @param points one per bucket from the first to the last, empty buckets included with count 0
 */
public record TrendSeries(String query, Interval interval, List<TrendPoint> points) {
    public TrendSeries {
        points = List.copyOf(points);
    }
}
