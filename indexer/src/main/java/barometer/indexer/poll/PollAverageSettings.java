package barometer.indexer.poll;

/**
 * The parameters of {@link PollAverage}, in percentage points. The defaults are the ones the README documents.
 *
 * @param designEffect multiplies the sampling variance p(1-p)/n: weighting and panel design make a real
 *        sample worth fewer respondents than its size
 * @param nonSamplingError points of error every poll has beyond sampling (question wording, timing, frame),
 *        added in quadrature; {@code NaN} = estimated from the polls by maximum likelihood
 * @param dailyDrift standard deviation of the day-to-day change of true opinion (the random walk's step);
 *        {@code NaN} = estimated from the polls by maximum likelihood
 * @param houseEffects whether pollster house effects are estimated and removed
 * @param housePrior standard deviation of the prior on a house effect: the shrinkage that keeps a pollster
 *        with few polls near zero
 * @param realtime true: each day's estimate uses only polls finished by then (what was knowable that day);
 *        false: every poll informs every day (the smoothed history)
 * @param level the probability the band covers (0.95 for a 95% band)
 * @param window days of the trailing window counted in each point's {@code polls}
 */
public record PollAverageSettings(double designEffect, double nonSamplingError, double dailyDrift,
        boolean houseEffects, double housePrior, boolean realtime, double level, int window) {

    /** Design effect 1.5, drift and non-sampling error estimated, house effects on (prior 3 points), smoothed, 95%. */
    public static final PollAverageSettings DEFAULTS =
            new PollAverageSettings(1.5, Double.NaN, Double.NaN, true, 3.0, false, 0.95, 30);

    public PollAverageSettings {
        if (!(designEffect >= 1)) {
            throw new IllegalArgumentException("designEffect must be at least 1: " + designEffect);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be within (0, 1): " + level);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1 day: " + window);
        }
    }

    public PollAverageSettings withRealtime(boolean value) {
        return new PollAverageSettings(designEffect, nonSamplingError, dailyDrift, houseEffects, housePrior, value,
                level, window);
    }

    public PollAverageSettings withHouseEffects(boolean value) {
        return new PollAverageSettings(designEffect, nonSamplingError, dailyDrift, value, housePrior, realtime,
                level, window);
    }

    public PollAverageSettings withNoise(double nonSampling, double drift) {
        return new PollAverageSettings(designEffect, nonSampling, drift, houseEffects, housePrior, realtime, level,
                window);
    }
}
