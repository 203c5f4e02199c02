package barometer.indexer.poll;

import barometer.crawler.poll.Poll;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A daily poll average with two bands: the interval of the average, and a calibrated predictive interval for a
 * new poll. A Kalman filter (and, for the history, a smoother) over a random walk, each poll weighted by its
 * sampling variance, with pollster house effects estimated and removed.
 *
 * <p>The model, per answer (README, "Poll average"): true opinion moves as a random walk,
 * {@code x[d+1] = x[d] + w}, {@code w ~ N(0, drift²)}; a poll with house h, share y, effective size n, is
 * {@code y = x[mid] + effect[h] + e}, {@code e ~ N(0, deff·p(1-p)/n + τ²)} with {@code mid} the middle day of
 * its fieldwork. Tracking polls count {@code n / fieldwork days} (their windows overlap) and a poll that asks
 * k versions of the question counts {@code n / k} for each. {@code drift} and {@code τ} are estimated by maximum
 * likelihood over a grid unless set; house effects are shrunken means of each pollster's residuals from the
 * smoothed line, with a normal prior, centred so that the typical poll has none. The fit alternates between
 * the line and the house effects until they settle.
 *
 * <p>Time: a poll is <em>known</em> from its release day (without one, the end of its fieldwork). The realtime
 * average of day d is computed from the polls known by d only, for every part of it: the line, the drift, the
 * non-sampling error, the house effects and the missing-sample-size fallback. Its parameters are refitted every
 * {@link #REFIT_DAYS} days on what is known then. Replaying the days in order also yields, for every new poll,
 * what the realtime average of the day before predicted ({@link PollForecast}); those errors calibrate the
 * predictive intervals ({@link PredictiveCalibration}), again using only polls known before.
 *
 * <p>Cost: a filter pass per day with news, a grid fit per refit; about a second for 5,800 polls over 3.5 years.
 */
public final class PollAverage {
    private static final double[] DRIFTS = {0.02, 0.03, 0.05, 0.07, 0.1, 0.14, 0.2, 0.3, 0.45, 0.7, 1.0};
    private static final double[] TAUS = {0, 0.5, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 5};
    private static final int HOUSE_ROUNDS = 8;
    private static final int WARM_ROUNDS = 3;
    private static final double PRIOR_VARIANCE = 100;
    /** Days between two refits of drift, non-sampling error and house effects in the realtime replay. */
    static final int REFIT_DAYS = 7;
    private static final int EVERYTHING = Integer.MAX_VALUE;

    private final PollAverageSettings settings;
    /** The normal quantile of the average's interval at the settings' level. */
    private final double z;

    public PollAverage(PollAverageSettings settings) {
        this.settings = settings;
        this.z = new NormalDistribution().inverseCumulativeProbability(0.5 + settings.level() / 2);
    }

    /** One poll as the model sees it. */
    record Observation(int day, int endDay, int known, double share, double samplingVariance, int sampleSize,
            int house) {
    }

    /** Drift, non-sampling error and house effects (with their posterior variances) fitted on the known polls. */
    private record Fit(double tau, double drift, double[] effect, double[] effectVariance, boolean[] seen,
            boolean houseEffects) {
        /** The uncertainty of pollster h's offset: none when the model has no house effects (τ holds them). */
        double houseVariance(int h, double prior) {
            return !houseEffects ? 0 : seen[h] ? effectVariance[h] : prior * prior;
        }

        double effect(int h) {
            return seen[h] ? effect[h] : 0;
        }

        /** E[offset²] of a pollster taken at random among those seen: the spread of effects and their uncertainty. */
        double randomHouseVariance(double prior) {
            if (!houseEffects) {
                return 0;
            }
            double sum = 0;
            int count = 0;
            for (int h = 0; h < seen.length; h++) {
                if (seen[h]) {
                    sum += effect[h] * effect[h] + effectVariance[h];
                    count++;
                }
            }
            return count == 0 ? prior * prior : sum / count;
        }
    }

    /** The average of one answer, with the predictive band for a pollster taken at random. */
    public PollSeries compute(List<Poll> polls, String answer) {
        return compute(polls, answer, NextPoll.ANY);
    }

    /**
     * The average of one answer over the given polls, with the predictive band for {@code next}. Unconfirmed
     * polls, and polls without that answer or without a date, are skipped and counted.
     */
    public PollSeries compute(List<Poll> polls, String answer, NextPoll next) {
        List<Poll> usable = polls.stream()
                .filter(p -> p.confirmed() && p.share(answer) != null && p.date() != null)
                .sorted(Comparator.comparing(PollAverage::midpoint)).toList();
        int skipped = polls.size() - usable.size();
        if (usable.isEmpty()) {
            return new PollSeries(answer, List.of(), 0, skipped, Map.of(), Double.NaN, Double.NaN, List.of(), next,
                    settings);
        }
        List<String> houses = new ArrayList<>();
        Observation[] obs = observations(usable, answer, houses);
        Integer nextHouse = next.pollster() == null ? null : houseIndexOf(houses, next.pollster());
        Replay replay = replay(obs, houses, nextHouse, next.sampleSize());
        if (settings.realtime()) {
            Fit last = replay.lastFit();
            return new PollSeries(answer, replay.points(), usable.size(), skipped, named(houses, last.effect()),
                    last.tau(), last.drift(), replay.forecasts(), next, settings);
        }
        Fit fit = fit(obs, EVERYTHING, houses.size(), null);
        int first = obs[0].day();
        int lastEnd = Arrays.stream(obs).mapToInt(Observation::endDay).max().orElseThrow();
        int firstEnd = Arrays.stream(obs).mapToInt(Observation::endDay).min().orElseThrow();
        Pass line = kalman(obs, adjusted(obs, fit.effect()), EVERYTHING, first, lastEnd - first + 1, fit.tau(),
                fit.drift(), true);
        PredictiveCalibration calibration = nextHouse == null ? replay.anyCalibration() : replay.houseCalibration();
        double median = medianSize(obs, EVERYTHING);
        List<PollAveragePoint> points = new ArrayList<>();
        int[] perDay = new int[lastEnd - first + 1];
        for (Observation o : obs) {
            perDay[o.day() - first]++;
        }
        int inWindow = 0;
        for (int d = 0; d <= lastEnd - first; d++) {
            inWindow += perDay[d] - (d >= settings.window() ? perDay[d - settings.window()] : 0);
            if (d + first >= firstEnd) {
                points.add(point(d + first, line.mean()[d], line.variance()[d], inWindow, fit, nextHouse,
                        next.sampleSize(), median, calibration));
            }
        }
        return new PollSeries(answer, points, usable.size(), skipped, named(houses, fit.effect()), fit.tau(),
                fit.drift(), replay.forecasts(), next, settings);
    }

    private static Integer houseIndexOf(List<String> houses, String pollster) {
        for (int h = 0; h < houses.size(); h++) {
            if (houses.get(h).equalsIgnoreCase(pollster)) {
                return h;
            }
        }
        return -1;
    }

    private static LocalDate midpoint(Poll p) {
        LocalDate end = p.date();
        LocalDate start = p.fieldStart() != null ? p.fieldStart() : end;
        return start.plusDays((end.toEpochDay() - start.toEpochDay()) / 2);
    }

    /** The day a poll became known: its release (never before its fieldwork ended), else its last field day. */
    private static int known(Poll p) {
        long end = p.date().toEpochDay();
        return (int) (p.released() == null ? end : Math.max(end, p.released().toEpochDay()));
    }

    /**
     * The polls as observations, sorted by fieldwork midpoint. A missing sample size is the pollster's median
     * (else all polls' median, else 1,000) among the polls known by the day this poll became known, so that the
     * fallback never uses a later poll.
     */
    private Observation[] observations(List<Poll> polls, String answer, List<String> houses) {
        Integer[] byKnown = new Integer[polls.size()];
        for (int i = 0; i < byKnown.length; i++) {
            byKnown[i] = i;
        }
        Arrays.sort(byKnown, Comparator.comparingInt(i -> known(polls.get(i))));
        Map<String, List<Integer>> sizesByHouse = new HashMap<>();
        List<Integer> allSizes = new ArrayList<>();
        Map<String, Integer> questionsPerPoll = new HashMap<>();
        double[] size = new double[polls.size()];
        int[] questions = new int[polls.size()];
        for (int at = 0; at < byKnown.length; ) {
            int day = known(polls.get(byKnown[at]));
            int end = at;
            while (end < byKnown.length && known(polls.get(byKnown[end])) == day) {
                Poll p = polls.get(byKnown[end]);
                if (p.sampleSize() != null) {
                    sizesByHouse.computeIfAbsent(house(p), h -> new ArrayList<>()).add(p.sampleSize());
                    allSizes.add(p.sampleSize());
                }
                questionsPerPoll.merge(pollIdentity(p), 1, Integer::sum);
                end++;
            }
            for (int k = at; k < end; k++) {
                Poll p = polls.get(byKnown[k]);
                List<Integer> own = sizesByHouse.get(house(p));
                size[byKnown[k]] = p.sampleSize() != null ? p.sampleSize()
                        : own != null ? median(own) : allSizes.isEmpty() ? 1000 : median(allSizes);
                questions[byKnown[k]] = questionsPerPoll.get(pollIdentity(p));
            }
            at = end;
        }
        Map<String, Integer> houseIndex = new LinkedHashMap<>();
        Observation[] obs = new Observation[polls.size()];
        for (int i = 0; i < obs.length; i++) {
            Poll p = polls.get(i);
            double n = size[i];
            if (p.tracking() && p.fieldStart() != null) {
                n /= p.fieldEnd().toEpochDay() - p.fieldStart().toEpochDay() + 1;
            }
            n /= questions[i];
            double share = p.share(answer);
            int h = houseIndex.computeIfAbsent(house(p), k -> {
                houses.add(k);
                return houses.size() - 1;
            });
            obs[i] = new Observation((int) midpoint(p).toEpochDay(), (int) p.date().toEpochDay(), known(p), share,
                    samplingVariance(share, n), (int) Math.round(size[i]), h);
        }
        return obs;
    }

    private double samplingVariance(double share, double n) {
        double q = Math.min(Math.max(share / 100, 0.01), 0.99);
        return 1e4 * q * (1 - q) * settings.designEffect() / Math.max(n, 1);
    }

    private static String house(Poll p) {
        return p.pollster() == null ? "" : p.pollster().strip();
    }

    private static String pollIdentity(Poll p) {
        String id = p.externalId();
        if (!id.isEmpty()) {
            int colon = id.indexOf(':');
            return "id:" + (colon < 0 ? id : id.substring(0, colon));
        }
        return house(p) + "|" + p.fieldStart() + "|" + p.fieldEnd();
    }

    private static double median(List<Integer> values) {
        int[] sorted = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
    }

    private static double medianSize(Observation[] obs, int cutoff) {
        List<Integer> sizes = new ArrayList<>();
        for (Observation o : obs) {
            if (o.known() <= cutoff) {
                sizes.add(o.sampleSize());
            }
        }
        return sizes.isEmpty() ? 1000 : median(sizes);
    }

    private static double[] adjusted(Observation[] obs, double[] effect) {
        double[] y = new double[obs.length];
        for (int i = 0; i < obs.length; i++) {
            y[i] = obs[i].share() - effect[obs[i].house()];
        }
        return y;
    }

    /** What replaying the days in order gives: the realtime line, every forecast, the calibrations at the end. */
    private record Replay(List<PollAveragePoint> points, List<PollForecast> forecasts, Fit lastFit,
            PredictiveCalibration houseCalibration, PredictiveCalibration anyCalibration) {
    }

    /**
     * Walks the days from the first day a poll was known. On a day with new polls: first each new poll is
     * scored against yesterday's average (a forecast), then the polls join, the parameters are refitted when
     * {@link #REFIT_DAYS} have passed, and the filter runs over the polls known today. The value of day d is a
     * function of the polls known by d only.
     */
    private Replay replay(Observation[] obs, List<String> houses, Integer nextHouse, Integer nextSize) {
        Integer[] byKnown = new Integer[obs.length];
        for (int i = 0; i < byKnown.length; i++) {
            byKnown[i] = i;
        }
        Arrays.sort(byKnown, Comparator.comparingInt(i -> obs[i].known()));
        int from = obs[byKnown[0]].known();
        int to = Math.max(obs[byKnown[byKnown.length - 1]].known(),
                Arrays.stream(obs).mapToInt(Observation::endDay).max().orElseThrow());
        PredictiveCalibration houseCalibration = new PredictiveCalibration();
        PredictiveCalibration anyCalibration = new PredictiveCalibration();
        List<PollForecast> forecasts = new ArrayList<>();
        List<PollAveragePoint> points = new ArrayList<>(to - from + 1);
        Fit fit = null;
        int lastFit = Integer.MIN_VALUE;
        double mean = Double.NaN, variance = Double.NaN;
        int next = 0, first = Integer.MAX_VALUE;
        double median = 1000;
        for (int day = from; day <= to; day++) {
            int arriving = next;
            while (next < byKnown.length && obs[byKnown[next]].known() == day) {
                next++;
            }
            if (fit != null) {
                variance += fit.drift() * fit.drift();
            }
            if (next > arriving) {
                List<double[]> errors = new ArrayList<>();
                for (int k = arriving; k < next && fit != null; k++) {
                    Observation o = obs[byKnown[k]];
                    forecasts.add(forecast(o, houses.get(o.house()), mean, variance, fit, houseCalibration,
                            anyCalibration, errors));
                }
                for (double[] e : errors) {
                    houseCalibration.add(e[0]);
                    anyCalibration.add(e[1]);
                }
                for (int k = arriving; k < next; k++) {
                    first = Math.min(first, obs[byKnown[k]].day());
                }
                if (fit == null || day - lastFit >= REFIT_DAYS) {
                    fit = fit(obs, day, houses.size(), fit);
                    lastFit = day;
                    median = medianSize(obs, day);
                }
                Pass pass = kalman(obs, adjusted(obs, fit.effect()), day, first, day - first + 1, fit.tau(),
                        fit.drift(), false);
                mean = pass.mean()[day - first];
                variance = pass.variance()[day - first];
            }
            int windowStart = day - settings.window();
            int inWindow = 0;
            for (int k = 0; k < next; k++) {
                int mid = obs[byKnown[k]].day();
                inWindow += mid > windowStart && mid <= day ? 1 : 0;
            }
            points.add(point(day, mean, variance, inWindow, fit, nextHouse, nextSize, median,
                    nextHouse == null ? anyCalibration : houseCalibration));
        }
        return new Replay(points, forecasts, fit, houseCalibration, anyCalibration);
    }

    private PollForecast forecast(Observation o, String pollster, double mean, double variance, Fit fit,
            PredictiveCalibration houseCalibration, PredictiveCalibration anyCalibration, List<double[]> errors) {
        double effect = fit.effect(o.house());
        double tau2 = fit.tau() * fit.tau();
        double sd = Math.sqrt(variance + fit.houseVariance(o.house(), settings.housePrior()) + tau2
                + samplingVariance(mean + effect, o.sampleSize()));
        double anySd = Math.sqrt(variance + fit.randomHouseVariance(settings.housePrior()) + tau2
                + samplingVariance(mean, o.sampleSize()));
        List<Double> half = new ArrayList<>(), anyHalf = new ArrayList<>();
        for (double level : PollForecast.LEVELS) {
            half.add(houseCalibration.multiplier(level) * sd);
            anyHalf.add(anyCalibration.multiplier(level) * anySd);
        }
        errors.add(new double[] {(o.share() - mean - effect) / sd, (o.share() - mean) / anySd});
        return new PollForecast(LocalDate.ofEpochDay(o.known()), pollster, o.share(), mean, effect, sd, half, anyHalf);
    }

    /** One day: the average's interval at the settings' level and the calibrated predictive interval. */
    private PollAveragePoint point(int day, double mean, double variance, int polls, Fit fit, Integer nextHouse,
            Integer nextSize, double median, PredictiveCalibration calibration) {
        double sd = Math.sqrt(variance);
        boolean known = nextHouse != null && nextHouse >= 0;
        double centre = mean + (known ? fit.effect(nextHouse) : 0);
        double house = nextHouse == null ? fit.randomHouseVariance(settings.housePrior())
                : known ? fit.houseVariance(nextHouse, settings.housePrior())
                : settings.houseEffects() ? settings.housePrior() * settings.housePrior() : 0;
        double n = nextSize != null ? nextSize : median;
        double nextSd = Math.sqrt(variance + house + fit.tau() * fit.tau() + samplingVariance(centre, n));
        double half = calibration.multiplier(PollAveragePoint.NEXT_LEVEL) * nextSd;
        return new PollAveragePoint(LocalDate.ofEpochDay(day), mean, mean - z * sd, mean + z * sd, centre - half,
                centre + half, polls);
    }

    /**
     * Drift, non-sampling error and house effects from the polls known by {@code cutoff}. A refit starts from
     * the previous fit's house effects, which a week of new polls moves little, so fewer rounds settle it.
     */
    private Fit fit(Observation[] obs, int cutoff, int houses, Fit previous) {
        int first = EVERYTHING, last = Integer.MIN_VALUE;
        for (Observation o : obs) {
            if (o.known() <= cutoff) {
                first = Math.min(first, o.day());
                last = Math.max(last, o.endDay());
            }
        }
        int days = last - first + 1;
        double[] effect = previous == null ? new double[houses] : previous.effect().clone();
        double[] effectVariance = new double[houses];
        boolean[] seen = new boolean[houses];
        double tau = settings.nonSamplingError();
        double drift = settings.dailyDrift();
        int rounds = !settings.houseEffects() ? 1 : previous == null ? HOUSE_ROUNDS : WARM_ROUNDS;
        for (int round = 0; round < rounds; round++) {
            double[] y = adjusted(obs, effect);
            if (Double.isNaN(settings.nonSamplingError()) || Double.isNaN(settings.dailyDrift())) {
                double[] fitted = maximumLikelihood(obs, y, cutoff, first, days);
                tau = fitted[0];
                drift = fitted[1];
            }
            if (settings.houseEffects()) {
                Pass line = kalman(obs, y, cutoff, first, days, tau, drift, true);
                houseEffects(obs, line, cutoff, first, tau, effect, effectVariance, seen);
            }
        }
        return new Fit(tau, drift, effect, effectVariance, seen, settings.houseEffects());
    }

    /** The (τ, drift) pair of the grid under which the polls are most likely; set values stay fixed. */
    private double[] maximumLikelihood(Observation[] obs, double[] y, int cutoff, int first, int days) {
        double[] taus = Double.isNaN(settings.nonSamplingError()) ? TAUS : new double[] {settings.nonSamplingError()};
        double[] drifts = Double.isNaN(settings.dailyDrift()) ? DRIFTS : new double[] {settings.dailyDrift()};
        double best = Double.NEGATIVE_INFINITY;
        double[] argmax = {taus[0], drifts[0]};
        for (double tau : taus) {
            for (double drift : drifts) {
                double ll = kalman(obs, y, cutoff, first, days, tau, drift, false).logLikelihood();
                if (ll > best) {
                    best = ll;
                    argmax = new double[] {tau, drift};
                }
            }
        }
        return argmax;
    }

    /** Per-day state means and variances, and the log-likelihood of the polls under the model. */
    record Pass(double[] mean, double[] variance, double logLikelihood) {
    }

    /**
     * One Kalman pass over {@code days} days from {@code first}, using the observations known by {@code cutoff}
     * (sorted by day). With {@code smooth}, a Rauch-Tung-Striebel backward pass makes every day use every poll.
     */
    static Pass kalman(Observation[] obs, double[] y, int cutoff, int first, int days, double tau, double drift,
            boolean smooth) {
        double[] predMean = new double[days], predVar = new double[days];
        double[] mean = new double[days], var = new double[days];
        double q = drift * drift, extra = tau * tau;
        double m = Double.NaN, p = PRIOR_VARIANCE, logLikelihood = 0;
        int i = 0;
        for (int d = 0; d < days; d++) {
            if (d > 0) {
                p += q;
            }
            predMean[d] = m;
            predVar[d] = p;
            for (; i < obs.length && obs[i].day() <= first + d; i++) {
                if (obs[i].known() > cutoff || obs[i].day() < first) {
                    continue;
                }
                if (Double.isNaN(m)) {
                    m = y[i];
                    predMean[d] = m;
                }
                double r = obs[i].samplingVariance() + extra;
                double s = p + r, innovation = y[i] - m;
                logLikelihood -= 0.5 * (Math.log(2 * Math.PI * s) + innovation * innovation / s);
                double gain = p / s;
                m += gain * innovation;
                p *= 1 - gain;
            }
            mean[d] = m;
            var[d] = p;
        }
        if (smooth) {
            for (int d = days - 2; d >= 0; d--) {
                double c = var[d] / predVar[d + 1];
                mean[d] += c * (mean[d + 1] - predMean[d + 1]);
                var[d] += c * c * (var[d + 1] - predVar[d + 1]);
            }
        }
        return new Pass(mean, var, logLikelihood);
    }

    private void houseEffects(Observation[] obs, Pass line, int cutoff, int first, double tau, double[] effect,
            double[] effectVariance, boolean[] seen) {
        int houses = effect.length;
        double[] sum = new double[houses], weight = new double[houses];
        double prior = 1 / (settings.housePrior() * settings.housePrior());
        for (Observation o : obs) {
            if (o.known() > cutoff) {
                continue;
            }
            double w = 1 / (o.samplingVariance() + tau * tau);
            sum[o.house()] += w * (o.share() - line.mean()[o.day() - first]);
            weight[o.house()] += w;
            seen[o.house()] = true;
        }
        for (int h = 0; h < houses; h++) {
            effect[h] = seen[h] ? sum[h] / (weight[h] + prior) : 0;
            effectVariance[h] = 1 / (weight[h] + prior);
        }
        double centre = weightedMedian(effect, weight);
        for (int h = 0; h < houses; h++) {
            if (seen[h]) {
                effect[h] -= centre;
            }
        }
    }

    /**
     * The house effect of the typical poll: a median, so that one prolific firm far from the rest (a likely-voter
     * tracker, say) cannot drag the line toward itself.
     */
    private static double weightedMedian(double[] values, double[] weights) {
        Integer[] order = new Integer[values.length];
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            order[i] = i;
            total += weights[i];
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double running = 0;
        for (int i : order) {
            running += weights[i];
            if (weights[i] > 0 && running >= total / 2) {
                return values[i];
            }
        }
        return 0;
    }

    private static Map<String, Double> named(List<String> houses, double[] effect) {
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int h = 0; h < houses.size(); h++) {
            byName.put(houses.get(h), effect[h]);
        }
        return byName;
    }
}
