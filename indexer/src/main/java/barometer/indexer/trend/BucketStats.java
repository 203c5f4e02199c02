package barometer.indexer.trend;

/**
 * What one bucket holds: how many items fell in it, the sums of the values of those that have one, and the
 * sums over the clusters (articles) the values come from, for an interval that treats each article, not each
 * value, as one draw.
 *
 * <p>For cluster i with n_i values summing to s_i: {@code clusters} = G, {@code clusterSquares} = Σ s_i²,
 * {@code clusterCross} = Σ n_i·s_i, {@code clusterSizeSquares} = Σ n_i². These add across buckets because an
 * article falls in exactly one bucket.
 *
 * @param count items in the bucket
 * @param scored items with a value
 * @param sum sum of the values
 * @param sumOfSquares sum of the squared values
 * @param clusters articles the values come from
 * @param clusterSquares Σ over articles of (sum of its values)²
 * @param clusterCross Σ over articles of (its values) × (sum of its values)
 * @param clusterSizeSquares Σ over articles of (its values)²
 */
public record BucketStats(long count, long scored, double sum, double sumOfSquares, long clusters,
        double clusterSquares, double clusterCross, double clusterSizeSquares) {
    /** An empty bucket. */
    public static final BucketStats EMPTY = new BucketStats(0, 0, 0, 0, 0, 0, 0, 0);

    /** A bucket of unclustered counts and sums (each value its own cluster). */
    public BucketStats(long count, long scored, double sum, double sumOfSquares) {
        this(count, scored, sum, sumOfSquares, scored, sumOfSquares, sum, scored);
    }

    BucketStats plus(BucketStats o) {
        return new BucketStats(count + o.count, scored + o.scored, sum + o.sum, sumOfSquares + o.sumOfSquares,
                clusters + o.clusters, clusterSquares + o.clusterSquares, clusterCross + o.clusterCross,
                clusterSizeSquares + o.clusterSizeSquares);
    }

    /** This bucket's counts with its clusters' sums replaced by the given ones. */
    BucketStats withClusters(long g, double squares, double cross, double sizeSquares) {
        return new BucketStats(count, scored, sum, sumOfSquares, g, squares, cross, sizeSquares);
    }

    /** Mean of the values, or null without any. */
    Double mean() {
        return scored == 0 ? null : sum / scored;
    }

    /**
     * The cluster-robust (CR1) variance of the mean: G/(G-1) · Σ (s_i - mean·n_i)² / (Σ n_i)², or null with
     * fewer than two clusters.
     */
    Double clusteredVariance() {
        if (clusters < 2 || scored == 0) {
            return null;
        }
        double m = sum / scored;
        double residuals = clusterSquares - 2 * m * clusterCross + m * m * clusterSizeSquares;
        return Math.max(0, residuals) * clusters / (clusters - 1.0) / ((double) scored * scored);
    }
}
