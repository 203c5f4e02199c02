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
 * @param measure the measure's name ("Articles", "Share of coverage (%)", "Net tone ...", "Support (%)")
 * @param bars whether the values are counts drawn as bars
 * @param dates one per point
 * @param values the value per point, {@code null} where there is none
 * @param low lower band per point, {@code null} where there is none
 * @param high upper band per point
 * @param outerLow lower end of a second, wider band (a poll average's predictive interval), {@code null} where
 *        there is none
 * @param outerHigh upper end of the second band
 * @param bands what the bands are, drawn under the chart ("shaded: 95% interval of the average; ..."), or empty
 * @param axis the value axis's short label with its unit, where several series share a chart ("Support (%)")
 */
public record WidgetSeries(String title, String measure, boolean bars, List<LocalDate> dates, List<Double> values,
        List<Double> low, List<Double> high, List<Double> outerLow, List<Double> outerHigh, String bands,
        String axis) {

    /** Trend measures a widget can show. */
    enum Measure { ARTICLES, SHARE, TONE }

    public WidgetSeries {
        dates = List.copyOf(dates);
        values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        low = java.util.Collections.unmodifiableList(new ArrayList<>(low));
        high = java.util.Collections.unmodifiableList(new ArrayList<>(high));
        outerLow = java.util.Collections.unmodifiableList(new ArrayList<>(outerLow));
        outerHigh = java.util.Collections.unmodifiableList(new ArrayList<>(outerHigh));
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
                    low.add(p.shareLow() == null ? null : p.shareLow() * 100);
                    high.add(p.shareHigh() == null ? null : p.shareHigh() * 100);
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
            case TONE -> (trend.scope() == ToneScope.MENTIONS ? "Net tone toward the query's words"
                    : trend.scope() == ToneScope.ARTICLES ? "Net tone of matching articles"
                    : "Net tone of matching sentences") + " (-1 negative – +1 positive)";
        };
        String bands = switch (measure) {
            case ARTICLES -> "";
            case SHARE -> "band: 95% interval (Wilson)";
            case TONE -> "band: 95% interval, articles as clusters; no band where under "
                    + barometer.indexer.trend.Intervals.MIN_ARTICLES + " articles";
        };
        List<Double> none = java.util.Collections.nCopies(dates.size(), null);
        String axis = switch (measure) {
            case ARTICLES -> "Articles";
            case SHARE -> "Share of coverage (%)";
            case TONE -> "Net tone (−1 to +1)";
        };
        return new WidgetSeries(title, name, measure == Measure.ARTICLES, dates, values, low, high, none, none, bands,
                axis);
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
        List<Double> nextLow = new ArrayList<>(), nextHigh = new ArrayList<>();
        for (PollAveragePoint p : polls.points()) {
            nextLow.add(p.nextLow());
            nextHigh.add(p.nextHigh());
        }
        String answer = polls.answer().isEmpty() ? "" : Character.toUpperCase(polls.answer().charAt(0))
                + polls.answer().substring(1);
        return new WidgetSeries(title, answer + " (%), poll average", false, dates, values, low, high, nextLow,
                nextHigh, String.format(Locale.ROOT, "dark band: %.0f%% interval of the average; light band: %.0f%% "
                        + "of new polls expected inside", 100 * polls.settings().level(),
                        100 * PollAveragePoint.NEXT_LEVEL), answer + " (%)");
    }

    /**
     * An overview's three measures over its buckets: the poll average (its 95% band), the share of coverage (its
     * Wilson band) and the net tone toward the query's words (its band), each on its own axis.
     */
    static List<WidgetSeries> of(Overview overview, String title) {
        List<LocalDate> dates = overview.points().stream().map(Overview.Point::start).toList();
        List<Double> none = java.util.Collections.nCopies(dates.size(), null);
        List<Double> support = new ArrayList<>(), supportLow = new ArrayList<>(), supportHigh = new ArrayList<>();
        List<Double> share = new ArrayList<>(), shareLow = new ArrayList<>(), shareHigh = new ArrayList<>();
        List<Double> tone = new ArrayList<>(), toneLow = new ArrayList<>(), toneHigh = new ArrayList<>();
        for (Overview.Point p : overview.points()) {
            support.add(p.support());
            supportLow.add(p.supportLow());
            supportHigh.add(p.supportHigh());
            share.add(p.share());
            shareLow.add(p.shareLow());
            shareHigh.add(p.shareHigh());
            tone.add(p.tone());
            toneLow.add(p.toneLow());
            toneHigh.add(p.toneHigh());
        }
        String answer = overview.answer().isEmpty() ? "Support" : Character.toUpperCase(overview.answer().charAt(0))
                + overview.answer().substring(1);
        return List.of(
                new WidgetSeries(title, answer + " (%), poll average", false, dates, support, supportLow, supportHigh,
                        none, none, "95% interval of the average", answer + " (%)"),
                new WidgetSeries(title, "Share of coverage (%)", false, dates, share, shareLow, shareHigh, none, none,
                        "95% interval (Wilson)", "Share of coverage (%)"),
                new WidgetSeries(title, "Net tone toward the query's words (-1 negative – +1 positive)", false, dates,
                        tone, toneLow, toneHigh, none, none, "95% interval, articles as clusters", "Net tone (−1 to +1)"));
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

    /**
     * The chart in words, for screen readers and wherever an image cannot be seen (SVG title, oEmbed): what it
     * shows, where it started and ended, its highest point, and the band at the end, e.g. "“secession”: share of
     * coverage: rose from 0.8% (2017-03-01) to 2.1% (2017-06-01); highest 2.4% (2017-05-01); band at the end
     * 1.5% to 2.7% (band: 95% interval (Wilson))."
     */
    String altText() {
        // The measure is named unless the title names it already ("“calexit”: articles per month").
        String firstWord = java.util.Arrays.stream(measure.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
                .filter(w -> w.length() > 3).findFirst().orElse(measure.toLowerCase(Locale.ROOT));
        String what = title.toLowerCase(Locale.ROOT).contains(firstWord) ? title
                : title + ", " + Character.toLowerCase(measure.charAt(0)) + measure.substring(1);
        return what + ": " + change() + ".";
    }

    /**
     * Several series on one chart in words: the title, then each measure and how it moved, e.g. "“secession”:
     * support, attention and tone. Support (%), poll average: fell from 31.0% (2017-01-01) to 22.0% (2019-12-01);
     * Share of coverage (%): ...".
     */
    static String altText(List<WidgetSeries> series) {
        if (series.size() == 1) {
            return series.get(0).altText();
        }
        StringBuilder out = new StringBuilder(series.get(0).title()).append(". ");
        for (int i = 0; i < series.size(); i++) {
            out.append(i == 0 ? "" : " ").append(series.get(i).measure()).append(": ").append(series.get(i).change())
                    .append('.');
        }
        return out.toString();
    }

    /** How the values moved: first and last, the highest between, and the band at the end. */
    private String change() {
        int first = -1, last = -1, top = -1;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                first = first < 0 ? i : first;
                last = i;
                top = top < 0 || values.get(i) > values.get(top) ? i : top;
            }
        }
        if (first < 0) {
            return "no data" + (dates.isEmpty() ? "" : " from " + range());
        }
        double a = values.get(first), b = values.get(last);
        String change = first == last ? "one value, " + format(a) + " (" + dates.get(first) + ")"
                : (b > a ? "rose from " : b < a ? "fell from " : "stayed at ") + format(a) + " (" + dates.get(first)
                        + ")" + (b == a ? " through " + dates.get(last) : " to " + format(b) + " (" + dates.get(last) + ")");
        StringBuilder out = new StringBuilder(change);
        if (top != first && top != last) {
            out.append("; highest ").append(format(values.get(top))).append(" (").append(dates.get(top)).append(')');
        }
        if (low.get(last) != null && high.get(last) != null) {
            out.append("; band at the end ").append(format(low.get(last))).append(" to ").append(format(high.get(last)));
            if (!bands.isEmpty()) {
                out.append(" (").append(bands).append(')');
            }
        }
        return out.toString();
    }

    /** A value as the chart's words write it: counts whole, percentages with %, tone signed. */
    String format(double v) {
        if (bars) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (measure.contains("(%)")) {
            return String.format(Locale.ROOT, "%.1f%%", v);
        }
        return String.format(Locale.ROOT, measure.startsWith("Net tone") ? "%+.2f" : "%.1f", v);
    }
}
