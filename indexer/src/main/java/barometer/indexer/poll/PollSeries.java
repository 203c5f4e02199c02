package barometer.indexer.poll;

import java.util.List;
import java.util.Map;

/**
 * A poll average over days, with what went into it.
 *
 * @param answer the answer averaged ("support", "approve")
 * @param points one per day: for the smoothed history from the first poll's end date to the last's; for the
 *        realtime line from the first day a poll was known
 * @param pollsUsed polls that informed the average
 * @param pollsSkipped polls left out (unconfirmed, no share for this answer, no date)
 * @param houseEffects pollster to estimated house effect in points (positive: reads higher than the average)
 * @param nonSamplingError the non-sampling error used, in points (estimated unless set)
 * @param dailyDrift the daily drift used, in points (estimated unless set)
 * @param forecasts every poll after the first day, as the realtime average of the day before predicted it
 * @param next the new poll the predictive band is for
 * @param settings the settings asked for
 */
public record PollSeries(String answer, List<PollAveragePoint> points, int pollsUsed, int pollsSkipped,
        Map<String, Double> houseEffects, double nonSamplingError, double dailyDrift, List<PollForecast> forecasts,
        NextPoll next, PollAverageSettings settings) {
    public PollSeries {
        points = List.copyOf(points);
        houseEffects = Map.copyOf(houseEffects);
        forecasts = List.copyOf(forecasts);
    }
}
