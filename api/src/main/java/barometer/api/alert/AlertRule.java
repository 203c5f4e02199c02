package barometer.api.alert;

import barometer.indexer.trend.TrendPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When a saved search alerts. The three trend rules compare the latest bucket (the one holding today, so a spike is
 * seen while it happens) with a baseline of the {@link #BASELINE} buckets before it, read robustly: their median,
 * and their spread as 1.4826 times the median absolute deviation (the standard deviation, for normal data, that
 * one outlier in the baseline cannot inflate), never below the sampling noise a count or share has by itself.
 * <ul>
 *   <li>{@link #VOLUME}: matching articles above median + {@value #SPREADS} spreads, the spread at least
 *       √median (Poisson noise), and at least {@value #MIN_ARTICLES} articles;</li>
 *   <li>{@link #SHARE}: share of all articles above median + {@value #SPREADS} spreads, the spread at least the
 *       binomial standard error √(p(1−p)/n) of the latest bucket, and at least {@value #MIN_ARTICLES} articles;</li>
 *   <li>{@link #TONE}: net tone at least {@value #TONE_SHIFT} from the baseline's median, with the latest bucket's
 *       95% interval excluding that median (so a bucket of too few articles, which has no interval, never alerts);</li>
 *   <li>{@link #NEW_POLL}: a poll on the topic that was not stored when the search was last checked.</li>
 * </ul>
 * A baseline needs at least {@value #MIN_BASELINE} buckets with a value; until then nothing alerts.
 */
public enum AlertRule {
    VOLUME, SHARE, TONE, NEW_POLL;

    /** Buckets before the latest that make its baseline. */
    public static final int BASELINE = 8;
    /** Baseline buckets with a value needed at least. */
    public static final int MIN_BASELINE = 4;
    /** How many spreads above the median count as "above its usual range". */
    public static final double SPREADS = 3.0;
    /** Matching articles the latest bucket needs for a volume or share alert. */
    public static final int MIN_ARTICLES = 3;
    /** The least change of net tone (−1..+1) that is a shift. */
    public static final double TONE_SHIFT = 0.3;

    /**
     * What a rule found in a bucket.
     *
     * @param value the latest bucket's value
     * @param baseline the baseline's median
     * @param threshold the value beyond which it alerts
     * @param message the finding in words
     */
    public record Finding(double value, double baseline, double threshold, String message) {
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static AlertRule of(String label) {
        for (AlertRule r : values()) {
            if (r.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
                return r;
            }
        }
        return null;
    }

    /** The explorer's measure that shows what this rule reads ({@code articles}, {@code share}, {@code tone}). */
    public String explorerMeasure() {
        return switch (this) {
            case VOLUME -> "articles";
            case SHARE -> "share";
            case TONE -> "tone";
            case NEW_POLL -> throw new IllegalStateException("the new-poll rule's alerts link the polls page");
        };
    }

    /** Whether this rule reads a trend (the three) or the polls (the new-poll rule). */
    public boolean readsTrend() {
        return this != NEW_POLL;
    }

    /**
     * The rule applied to the last of {@code points} against the {@link #BASELINE} before it; empty when it does
     * not alert (or there is no baseline yet).
     */
    public Optional<Finding> check(List<TrendPoint> points) {
        if (!readsTrend() || points.size() < MIN_BASELINE + 1) {
            return Optional.empty();
        }
        TrendPoint latest = points.get(points.size() - 1);
        List<TrendPoint> before = points.subList(Math.max(0, points.size() - 1 - BASELINE), points.size() - 1);
        List<Double> values = new ArrayList<>();
        for (TrendPoint p : before) {
            Double v = value(p);
            if (v != null) {
                values.add(v);
            }
        }
        Double now = value(latest);
        if (values.size() < MIN_BASELINE || now == null) {
            return Optional.empty();
        }
        double median = median(values);
        double spread = 1.4826 * median(values.stream().map(v -> Math.abs(v - median)).toList());
        return switch (this) {
            case VOLUME -> {
                double threshold = median + SPREADS * Math.max(spread, Math.sqrt(Math.max(median, 1)));
                yield now > threshold && latest.articles() >= MIN_ARTICLES
                        ? Optional.of(new Finding(now, median, threshold, String.format(Locale.ROOT,
                                "%d matching articles in the period from %s, above its usual range (median %.1f of "
                                        + "the %d periods before; alerts above %.1f)", latest.articles(),
                                latest.start(), median, values.size(), threshold)))
                        : Optional.empty();
            }
            case SHARE -> {
                double noise = Math.sqrt(median * (1 - median) / Math.max(latest.allArticles(), 1));
                double threshold = median + SPREADS * Math.max(spread, noise);
                yield now > threshold && latest.articles() >= MIN_ARTICLES
                        ? Optional.of(new Finding(now, median, threshold, String.format(Locale.ROOT,
                                "share of coverage %.1f%% in the period from %s, above its usual range (median "
                                        + "%.1f%% of the %d periods before; alerts above %.1f%%)", 100 * now,
                                latest.start(), 100 * median, values.size(), 100 * threshold)))
                        : Optional.empty();
            }
            case TONE -> {
                boolean outside = latest.toneLow() != null && latest.toneHigh() != null
                        && (latest.toneLow() > median || latest.toneHigh() < median);
                yield Math.abs(now - median) >= TONE_SHIFT && outside
                        ? Optional.of(new Finding(now, median, median + Math.signum(now - median) * TONE_SHIFT,
                                String.format(Locale.ROOT, "net tone %+.2f in the period from %s, a shift from its "
                                        + "median %+.2f of the %d periods before (95%% interval %+.2f to %+.2f)", now,
                                        latest.start(), median, values.size(), latest.toneLow(), latest.toneHigh())))
                        : Optional.empty();
            }
            case NEW_POLL -> Optional.empty();
        };
    }

    private Double value(TrendPoint p) {
        return switch (this) {
            case VOLUME -> (double) p.articles();
            case SHARE -> p.allArticles() == 0 ? null : p.share();
            case TONE -> p.toneTooFew() ? null : p.tone();
            case NEW_POLL -> null;
        };
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
