package barometer.indexer.trend;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The confidence intervals a trend point carries: a clustered t interval for a mean tone, and Wilson's score
 * interval for a share.
 */
public final class Intervals {
    /** Below this many articles a tone interval is not drawn: the bucket is marked "too few". */
    public static final int MIN_ARTICLES = 10;
    private static final double LEVEL = 0.95;
    private static final double Z95 = new NormalDistribution().inverseCumulativeProbability(0.5 + LEVEL / 2);
    /**
     * t quantiles for 1..{@value #T_TABLE} degrees of freedom, worked out once: a trend by day over five years
     * needs one per bucket, and each {@code new TDistribution(df)} also seeded a random generator it never used
     * (two fifths of such a trend's time, profiled).
     */
    private static final int T_TABLE = 2_000;
    private static final double[] T95 = tTable();

    private Intervals() {
    }

    /**
     * The 95% interval of a bucket's mean tone with articles as clusters: mean ± t(G-1) · √(CR1 variance),
     * clipped to the scale. When every article agrees (variance 0), the half width is the rule of three,
     * (high - low) · 1.5 / G, rather than nothing. {@code null} with fewer than {@link #MIN_ARTICLES} articles.
     *
     * @return {low, high}, or null
     */
    public static double[] tone(BucketStats stats, double low, double high) {
        Double variance = stats.clusteredVariance();
        if (variance == null || stats.clusters() < MIN_ARTICLES) {
            return null;
        }
        double mean = stats.sum() / stats.scored();
        double t = t95(stats.clusters() - 1);
        double half = variance > 0 ? t * Math.sqrt(variance) : (high - low) * 1.5 / stats.clusters();
        return new double[] {Math.max(low, mean - half), Math.min(high, mean + half)};
    }

    private static double[] tTable() {
        double[] t = new double[T_TABLE + 1];
        for (int df = 1; df <= T_TABLE; df++) {
            t[df] = quantile(df);
        }
        return t;
    }

    private static double quantile(long df) {
        return new TDistribution(null, df).inverseCumulativeProbability(0.5 + LEVEL / 2);
    }

    /** The two-sided 95% t quantile with {@code df} degrees of freedom. */
    static double t95(long df) {
        return df <= T_TABLE ? T95[(int) df] : quantile(df);
    }

    /**
     * Wilson's 95% score interval for {@code x} successes in {@code n}: good at shares near 0, where the
     * normal approximation gives negative lower ends and zero-width bands.
     *
     * @return {low, high}, or null when n is 0
     */
    public static double[] wilson(long x, long n) {
        if (n <= 0) {
            return null;
        }
        double p = (double) x / n, z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // At 0 of n and n of n the bound is exactly 0 or 1 (the formula leaves rounding dust).
        return new double[] {x == 0 ? 0 : Math.max(0, centre - half), x == n ? 1 : Math.min(1, centre + half)};
    }
}
