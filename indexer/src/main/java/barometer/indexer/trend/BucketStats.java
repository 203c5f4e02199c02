package barometer.indexer.trend;

/**
 * What one bucket holds: how many items fell in it and the sums of the values of those that have one.
 *
 * @param count items in the bucket
 * @param scored items with a value
 * @param sum sum of the values
 * @param sumOfSquares sum of the squared values
 */
public record BucketStats(long count, long scored, double sum, double sumOfSquares) {
    /** An empty bucket. */
    public static final BucketStats EMPTY = new BucketStats(0, 0, 0, 0);

    BucketStats plus(BucketStats o) {
        return new BucketStats(count + o.count, scored + o.scored, sum + o.sum, sumOfSquares + o.sumOfSquares);
    }

    /** Mean of the values, or null without any. */
    Double mean() {
        return scored == 0 ? null : sum / scored;
    }

    /** Sample variance of the values, or null with fewer than two. */
    Double variance() {
        return scored < 2 ? null : Math.max(0, (sumOfSquares - sum * sum / scored) / (scored - 1));
    }
}
