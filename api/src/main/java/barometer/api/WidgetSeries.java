package barometer.api;

import barometer.indexer.InvalidQueryException;
import barometer.indexer.ToneScope;
import barometer.indexer.TrendSeries;
import barometer.indexer.poll.PollAveragePoint;
import barometer.indexer.poll.PollSeries;
import barometer.indexer.trend.TrendPoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a widget draws: one measured series over time, with its band where it has one, and the words drawn into a
 * static image (title, latest value, date range).
 *
 * @param title the chart's title
 * @param measure the measure's name ("Articles", "Share of coverage (%)", "Tone (0-4)", "Support (%)")
 * @param bars whether the values are counts drawn as bars
 * @param dates one per point
 * @param values the value per point, {@code null} where there is none
 * @param low lower band per point, {@code null} where there is none
 * @param high upper band per point
 */
public record WidgetSeries(String title, String measure, boolean bars, List<LocalDate> dates, List<Double> values,
        List<Double> low, List<Double> high) {

    /** Trend measures a widget can show. */
    enum Measure { ARTICLES, SHARE, TONE }

    public WidgetSeries {
        dates = List.copyOf(dates);
        values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        low = java.util.Collections.unmodifiableList(new ArrayList<>(low));
        high = java.util.Collections.unmodifiableList(new ArrayList<>(high));
    }

    static Measure measure(String value) {
        if (value == null || value.isBlank()) {
            return Measure.ARTICLES;
        }
        try {
            return Measure.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("unknown measure '" + value + "'", "use articles, share or tone");
        }
    }

    /** A query's trend in one measure. */
    static WidgetSeries of(TrendSeries trend, Measure measure, String title) {
        List<LocalDate> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>(), low = new ArrayList<>(), high = new ArrayList<>();
        for (TrendPoint p : trend.points()) {
            dates.add(p.start());
            switch (measure) {
                case ARTICLES -> {
                    values.add((double) p.articles());
                    low.add(null);
                    high.add(null);
                }
                case SHARE -> {
                    values.add(p.share() == null ? null : p.share() * 100);
                    low.add(null);
                    high.add(null);
                }
                case TONE -> {
                    values.add(p.tone());
                    low.add(p.toneLow());
                    high.add(p.toneHigh());
                }
            }
        }
        String name = switch (measure) {
            case ARTICLES -> "Articles";
            case SHARE -> "Share of coverage (%)";
            case TONE -> trend.scope() == ToneScope.MENTIONS ? "Tone toward the query's words (0 negative – 4 positive)"
                    : "Tone of matching sentences (0 very negative – 4 very positive)";
        };
        return new WidgetSeries(title, name, measure == Measure.ARTICLES, dates, values, low, high);
    }

    /** A poll average with its band. */
    static WidgetSeries of(PollSeries polls, String title) {
        List<LocalDate> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>(), low = new ArrayList<>(), high = new ArrayList<>();
        for (PollAveragePoint p : polls.points()) {
            dates.add(p.date());
            values.add(p.estimate());
            low.add(p.low());
            high.add(p.high());
        }
        String answer = polls.answer().isEmpty() ? "" : Character.toUpperCase(polls.answer().charAt(0))
                + polls.answer().substring(1);
        return new WidgetSeries(title, answer + " (%), poll average with 95% band", false, dates, values, low, high);
    }

    /** "Latest: 24.3 (2019-08)": the last point that has a value. */
    String latest() {
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i) != null) {
                double v = values.get(i);
                String number = bars ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
                return "Latest: " + number + " (" + dates.get(i) + ")";
            }
        }
        return "No data yet";
    }

    /** "2016-01-01 to 2019-12-01", or empty when there are no points. */
    String range() {
        return dates.isEmpty() ? "" : dates.get(0) + " to " + dates.get(dates.size() - 1);
    }
}
