package barometer.indexer.poll;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How well the realtime average predicted the polls that came after it: mean absolute error with and without
 * house effects, and, per nominal level, the share of new polls inside the published predictive interval and
 * its mean width.
 *
 * @param polls new polls scored
 * @param from first release day scored
 * @param to last release day scored
 * @param meanAbsoluteError |poll - (average + house effect as known then)|, in points
 * @param meanAbsoluteErrorWithoutHouse |poll - average|
 * @param pollster the interval for the poll's own pollster, calibrated on earlier polls (what is published)
 * @param modelOnly the same interval from the model's normal quantile, before calibration
 * @param anyPollster the interval for a pollster taken at random (house spread, centred on the average), calibrated
 */
public record ForecastCheck(int polls, LocalDate from, LocalDate to, double meanAbsoluteError,
        double meanAbsoluteErrorWithoutHouse, List<Coverage> pollster, List<Coverage> modelOnly,
        List<Coverage> anyPollster) {

    /**
     * One nominal level.
     *
     * @param level the nominal probability
     * @param share the share of new polls inside the interval
     * @param meanWidth the interval's mean width (high - low), in points
     */
    public record Coverage(double level, double share, double meanWidth) {
    }

    /** The check over forecasts released on or after {@code from} (all when {@code null}). */
    public static ForecastCheck of(List<PollForecast> forecasts, LocalDate from) {
        List<PollForecast> scored = forecasts.stream()
                .filter(f -> from == null || !f.released().isBefore(from)).toList();
        if (scored.isEmpty()) {
            return new ForecastCheck(0, from, from, Double.NaN, Double.NaN, List.of(), List.of(), List.of());
        }
        double withHouse = scored.stream().mapToDouble(f -> Math.abs(f.error())).average().orElseThrow();
        double without = scored.stream().mapToDouble(f -> Math.abs(f.share() - f.average())).average().orElseThrow();
        NormalDistribution normal = new NormalDistribution();
        List<Coverage> own = new ArrayList<>(), model = new ArrayList<>(), any = new ArrayList<>();
        for (int l = 0; l < PollForecast.LEVELS.size(); l++) {
            int level = l;
            double z = normal.inverseCumulativeProbability(0.5 + PollForecast.LEVELS.get(l) / 2);
            own.add(coverage(scored, level, f -> f.average() + f.houseEffect(), f -> f.halfWidths().get(level)));
            model.add(coverage(scored, level, f -> f.average() + f.houseEffect(), f -> z * f.sd()));
            any.add(coverage(scored, level, PollForecast::average, f -> f.anyPollsterHalfWidths().get(level)));
        }
        return new ForecastCheck(scored.size(), scored.get(0).released(), scored.get(scored.size() - 1).released(),
                withHouse, without, own, model, any);
    }

    private static Coverage coverage(List<PollForecast> forecasts, int level, Function<PollForecast, Double> centre,
            Function<PollForecast, Double> halfWidth) {
        int inside = 0;
        double width = 0;
        for (PollForecast f : forecasts) {
            double half = halfWidth.apply(f);
            inside += Math.abs(f.share() - centre.apply(f)) <= half ? 1 : 0;
            width += 2 * half;
        }
        return new Coverage(PollForecast.LEVELS.get(level), inside / (double) forecasts.size(),
                width / forecasts.size());
    }
}
