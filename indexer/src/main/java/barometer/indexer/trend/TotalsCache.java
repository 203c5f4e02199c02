package barometer.indexer.trend;

import barometer.indexer.TrendQuery;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every article per bucket, the denominator of every share: it does not depend on the query, so a store computes
 * it once per index version and range and reuses it for every query until the index changes.
 */
public final class TotalsCache {
    private static final int SIZE = 256;

    private record Key(long version, LocalDate from, LocalDate to, Interval interval, ZoneId zone, boolean bySource) {
    }

    /** How a store computes the totals when they are not cached. */
    @FunctionalInterface
    public interface Computation {
        BucketSeries compute() throws java.io.IOException;
    }

    private final Map<Key, BucketSeries> cached = new ConcurrentHashMap<>();

    /** The totals for a trend's range at an index version, computed when not cached. */
    public BucketSeries of(long version, TrendQuery trend, Computation computation) throws java.io.IOException {
        Key key = new Key(version, trend.from(), trend.to(), trend.interval(), trend.zone(), trend.bySource());
        BucketSeries hit = cached.get(key);
        if (hit != null) {
            return hit;
        }
        BucketSeries computed = computation.compute();
        if (cached.size() >= SIZE || cached.keySet().stream().anyMatch(k -> k.version() != version)) {
            cached.clear();
        }
        cached.put(key, computed);
        return computed;
    }
}
