package barometer.indexer.poll;

import java.time.LocalDate;
import java.util.List;

/**
 * One new poll as the realtime average saw it coming: the average of the day before the poll was published,
 * that pollster's house effect as known then, and the predictive intervals the average would have published.
 *
 * @param released the day the poll became known (its release, else the end of its fieldwork)
 * @param pollster its pollster
 * @param share what it found, in percent
 * @param average the realtime average of the day before
 * @param houseEffect the pollster's house effect as fitted on the polls known the day before (0 when unknown)
 * @param sd the model's predictive standard deviation for this poll (average, house effect, non-sampling and
 *        sampling error of its own sample size)
 * @param halfWidths the half widths of the published predictive intervals at {@link #LEVELS}, after calibration
 *        on the polls known before
 * @param anyPollsterHalfWidths the same for a pollster taken at random (house spread instead of its effect,
 *        centred on the average)
 */
public record PollForecast(LocalDate released, String pollster, double share, double average, double houseEffect,
        double sd, List<Double> halfWidths, List<Double> anyPollsterHalfWidths) {
    /** The nominal levels of the predictive intervals checked against each new poll. */
    public static final List<Double> LEVELS = List.of(0.5, 0.8, 0.9, 0.95);

    public PollForecast {
        halfWidths = List.copyOf(halfWidths);
        anyPollsterHalfWidths = List.copyOf(anyPollsterHalfWidths);
    }

    /** The poll's distance from the prediction with its house effect. */
    public double error() {
        return share - average - houseEffect;
    }
}
