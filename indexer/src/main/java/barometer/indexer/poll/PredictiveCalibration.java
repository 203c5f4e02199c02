package barometer.indexer.poll;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Calibrates a predictive interval on the polls that came before: the half width at level L is the empirical
 * L-quantile of past standardised errors |y - prediction| / sd (a split-conformal rule, taken in time order, so
 * that each interval uses only what was known when it was published), times the new poll's sd. Until
 * {@link #MIN_ERRORS} errors are known it is the model's own normal quantile.
 *
 * <p>Why: poll errors have heavier tails than the model's normal (a pollster changes method, a question wording
 * differs), so the normal interval is too narrow at 90-95% and too wide at 50%; the empirical quantile is right
 * at every level on average, whatever the shape.
 */
final class PredictiveCalibration {
    static final int MIN_ERRORS = 50;
    private static final NormalDistribution NORMAL = new NormalDistribution();

    private final List<Double> sorted = new ArrayList<>();

    void add(double standardisedError) {
        double a = Math.abs(standardisedError);
        int at = Collections.binarySearch(sorted, a);
        sorted.add(at < 0 ? -at - 1 : at, a);
    }

    /** The multiplier of sd for a central interval of probability {@code level}. */
    double multiplier(double level) {
        int n = sorted.size();
        if (n < MIN_ERRORS) {
            return NORMAL.inverseCumulativeProbability(0.5 + level / 2);
        }
        // Conformal rank: the ceil((n + 1) L)-th smallest of n, so that a new error falls below it with
        // probability at least L when errors are exchangeable.
        int rank = (int) Math.ceil((n + 1) * level);
        return sorted.get(Math.min(rank, n) - 1);
    }
}
