package barometer.indexer.poll;

import java.util.List;
import java.util.Map;

/**
 * A poll average over days, with what went into it.
 *
 * @param answer the answer averaged ("support", "approve")
 * @param points one per day from the first poll's end date to the last's
 * @param pollsUsed polls that informed the average
 * @param pollsSkipped polls left out (unconfirmed, no share for this answer, no date)
 * @param houseEffects pollster to estimated house effect in points (positive: reads higher than the average)
 * @param nonSamplingError the non-sampling error used, in points (estimated unless set)
 * @param dailyDrift the daily drift used, in points (estimated unless set)
 * @param settings the settings asked for
 */
public record PollSeries(String answer, List<PollAveragePoint> points, int pollsUsed, int pollsSkipped,
        Map<String, Double> houseEffects, double nonSamplingError, double dailyDrift, PollAverageSettings settings) {
    public PollSeries {
        points = List.copyOf(points);
        houseEffects = Map.copyOf(houseEffects);
    }
}
