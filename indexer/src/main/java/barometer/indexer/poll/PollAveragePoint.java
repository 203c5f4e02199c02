package barometer.indexer.poll;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;

/**
 * One day of a poll average, with its two bands.
 *
 * @param date the day
 * @param estimate the average, in percent
 * @param low lower end of the average's interval (the uncertainty of the average itself, 95% by default)
 * @param high upper end of the average's interval
 * @param nextLow lower end of the {@link #NEXT_LEVEL} predictive interval: where a new poll (a pollster taken at
 *        random of the median sample size, unless one was asked for) falls that day, calibrated on past polls
 * @param nextHigh upper end of the predictive interval
 * @param polls polls whose fieldwork midpoint falls in the trailing window ending that day
 */
@JsonPropertyOrder({"date", "estimate", "low", "high", "polls", "nextLow", "nextHigh"})
public record PollAveragePoint(LocalDate date, double estimate, double low, double high, double nextLow,
        double nextHigh, int polls) {
    /** The probability of the predictive interval. */
    public static final double NEXT_LEVEL = 0.9;
}
