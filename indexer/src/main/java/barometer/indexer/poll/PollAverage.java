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
 * A daily poll average with an uncertainty band: a Kalman filter and smoother over a random walk, each poll
 * weighted by its sampling variance, with pollster house effects estimated and removed.
 *
 * <p>The model, per answer (README, "Poll average"): true opinion moves as a random walk,
 * {@code x[d+1] = x[d] + w}, {@code w ~ N(0, drift²)}; a poll with house h, share y, effective size n, is
 * {@code y = x[mid] + effect[h] + e}, {@code e ~ N(0, deff·p(1-p)/n + τ²)} with {@code mid} the middle day of
 * its fieldwork. Tracking polls count {@code n / fieldwork days} (their windows overlap) and a poll that asks
 * k versions of the question counts {@code n / k} for each. {@code drift} and {@code τ} are estimated by maximum
 * likelihood over a grid unless set; house effects are shrunken means of each pollster's residuals from the
 * smoothed line, with a normal prior, centred so that the average poll has none. The fit alternates between
 * the line and the house effects until they settle.
 *
 * <p>Cost: O(polls + days) per pass, a few hundred passes; milliseconds for thousands of polls.
 */
public final class PollAverage {
    private static final double[] DRIFTS = {0.02, 0.03, 0.05, 0.07, 0.1, 0.14, 0.2, 0.3, 0.45, 0.7, 1.0};
    private static final double[] TAUS = {0, 0.5, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 5};
    private static final int HOUSE_ROUNDS = 8;
    private static final double PRIOR_VARIANCE = 100;

    private final PollAverageSettings settings;

    public PollAverage(PollAverageSettings settings) {
        this.settings = settings;
    }

    /** One poll as the model sees it. */
    private record Observation(int day, int endDay, double share, double samplingVariance, int house) {
    }

    /**
     * The average of one answer over the given polls. Unconfirmed polls, and polls without that answer or
     * without a date, are skipped and counted.
     */
    public PollSeries compute(List<Poll> polls, String answer) {
        List<Poll> usable = polls.stream()
                .filter(p -> p.confirmed() && p.share(answer) != null && p.date() != null)
                .sorted(Comparator.comparing(PollAverage::midpoint)).toList();
        int skipped = polls.size() - usable.size();
        if (usable.isEmpty()) {
            return new PollSeries(answer, List.of(), 0, skipped, Map.of(), Double.NaN, Double.NaN, settings);
        }
        List<String> houses = new ArrayList<>();
        Observation[] obs = observations(usable, answer, houses);
        int first = obs[0].day();
        int lastEnd = Arrays.stream(obs).mapToInt(Observation::endDay).max().orElseThrow();
        int firstEnd = Arrays.stream(obs).mapToInt(Observation::endDay).min().orElseThrow();
        int days = lastEnd - first + 1;

        double[] effect = new double[houses.size()];
        double tau = settings.nonSamplingError();
        double drift = settings.dailyDrift();
        int rounds = settings.houseEffects() ? HOUSE_ROUNDS : 1;
        for (int round = 0; round < rounds; round++) {
            double[] adjusted = adjusted(obs, effect);
            if (Double.isNaN(settings.nonSamplingError()) || Double.isNaN(settings.dailyDrift())) {
                double[] fitted = maximumLikelihood(obs, adjusted, first, days);
                tau = fitted[0];
                drift = fitted[1];
            }
            if (settings.houseEffects()) {
                Pass line = kalman(obs, adjusted, first, days, tau, drift, true);
                effect = houseEffects(obs, line, first, tau, houses.size());
            }
        }
        Pass line = kalman(obs, adjusted(obs, effect), first, days, tau, drift, !settings.realtime());
        return new PollSeries(answer, points(line, obs, first, firstEnd, lastEnd), usable.size(), skipped,
                named(houses, effect), tau, drift, settings);
    }

    private static LocalDate midpoint(Poll p) {
        LocalDate end = p.date();
        LocalDate start = p.fieldStart() != null ? p.fieldStart() : end;
        return start.plusDays((end.toEpochDay() - start.toEpochDay()) / 2);
    }

    private Observation[] observations(List<Poll> polls, String answer, List<String> houses) {
        Map<String, List<Integer>> sizesByHouse = new HashMap<>();
        List<Integer> allSizes = new ArrayList<>();
        Map<String, Integer> questionsPerPoll = new HashMap<>();
        for (Poll p : polls) {
            if (p.sampleSize() != null) {
                sizesByHouse.computeIfAbsent(house(p), h -> new ArrayList<>()).add(p.sampleSize());
                allSizes.add(p.sampleSize());
            }
            questionsPerPoll.merge(pollIdentity(p), 1, Integer::sum);
        }
        double fallback = allSizes.isEmpty() ? 1000 : median(allSizes);
        Map<String, Integer> houseIndex = new LinkedHashMap<>();
        Observation[] obs = new Observation[polls.size()];
        for (int i = 0; i < obs.length; i++) {
            Poll p = polls.get(i);
            String house = house(p);
            double n = p.sampleSize() != null ? p.sampleSize()
                    : sizesByHouse.containsKey(house) ? median(sizesByHouse.get(house)) : fallback;
            if (p.tracking() && p.fieldStart() != null) {
                n /= p.fieldEnd().toEpochDay() - p.fieldStart().toEpochDay() + 1;
            }
            n /= questionsPerPoll.get(pollIdentity(p));
            double share = p.share(answer);
            double q = Math.min(Math.max(share / 100, 0.01), 0.99);
            double variance = 1e4 * q * (1 - q) * settings.designEffect() / Math.max(n, 1);
            int h = houseIndex.computeIfAbsent(house, k -> {
                houses.add(k);
                return houses.size() - 1;
            });
            obs[i] = new Observation((int) midpoint(p).toEpochDay(), (int) p.date().toEpochDay(), share, variance, h);
        }
        return obs;
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

    private static double[] adjusted(Observation[] obs, double[] effect) {
        double[] y = new double[obs.length];
        for (int i = 0; i < obs.length; i++) {
            y[i] = obs[i].share() - effect[obs[i].house()];
        }
        return y;
    }

    /** The (τ, drift) pair of the grid under which the polls are most likely; set values stay fixed. */
    private double[] maximumLikelihood(Observation[] obs, double[] y, int first, int days) {
        double[] taus = Double.isNaN(settings.nonSamplingError()) ? TAUS : new double[] {settings.nonSamplingError()};
        double[] drifts = Double.isNaN(settings.dailyDrift()) ? DRIFTS : new double[] {settings.dailyDrift()};
        double best = Double.NEGATIVE_INFINITY;
        double[] argmax = {taus[0], drifts[0]};
        for (double tau : taus) {
            for (double drift : drifts) {
                double ll = kalman(obs, y, first, days, tau, drift, false).logLikelihood();
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
     * One Kalman pass over the days. Observations must be sorted by day. With {@code smooth}, a
     * Rauch-Tung-Striebel backward pass makes every day use every poll.
     */
    static Pass kalman(Observation[] obs, double[] y, int first, int days, double tau, double drift, boolean smooth) {
        double[] predMean = new double[days], predVar = new double[days];
        double[] mean = new double[days], var = new double[days];
        double q = drift * drift, extra = tau * tau;
        double m = y[0], p = PRIOR_VARIANCE, logLikelihood = 0;
        int i = 0;
        for (int d = 0; d < days; d++) {
            if (d > 0) {
                p += q;
            }
            predMean[d] = m;
            predVar[d] = p;
            while (i < obs.length && obs[i].day() - first == d) {
                double r = obs[i].samplingVariance() + extra;
                double s = p + r, innovation = y[i] - m;
                logLikelihood -= 0.5 * (Math.log(2 * Math.PI * s) + innovation * innovation / s);
                double gain = p / s;
                m += gain * innovation;
                p *= 1 - gain;
                i++;
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

    private double[] houseEffects(Observation[] obs, Pass line, int first, double tau, int houses) {
        double[] sum = new double[houses], weight = new double[houses];
        double prior = 1 / (settings.housePrior() * settings.housePrior());
        for (Observation o : obs) {
            double w = 1 / (o.samplingVariance() + tau * tau);
            sum[o.house()] += w * (o.share() - line.mean()[o.day() - first]);
            weight[o.house()] += w;
        }
        double[] effect = new double[houses];
        for (int h = 0; h < houses; h++) {
            effect[h] = sum[h] / (weight[h] + prior);
        }
        double centre = weightedMedian(effect, weight);
        for (int h = 0; h < houses; h++) {
            effect[h] -= centre;
        }
        return effect;
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
            if (running >= total / 2) {
                return values[i];
            }
        }
        return 0;
    }

    private List<PollAveragePoint> points(Pass line, Observation[] obs, int first, int from, int to) {
        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + settings.level() / 2);
        int[] perDay = new int[line.mean().length];
        for (Observation o : obs) {
            perDay[o.day() - first]++;
        }
        List<PollAveragePoint> points = new ArrayList<>(to - from + 1);
        int window = settings.window();
        int inWindow = 0;
        for (int d = 0; d <= to - first; d++) {
            inWindow += perDay[d] - (d >= window ? perDay[d - window] : 0);
            if (d + first < from) {
                continue;
            }
            double sd = Math.sqrt(line.variance()[d]);
            double m = line.mean()[d];
            points.add(new PollAveragePoint(LocalDate.ofEpochDay(d + first), m, m - z * sd, m + z * sd, inWindow));
        }
        return points;
    }

    private static Map<String, Double> named(List<String> houses, double[] effect) {
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int h = 0; h < houses.size(); h++) {
            byName.put(houses.get(h), effect[h]);
        }
        return byName;
    }
}
