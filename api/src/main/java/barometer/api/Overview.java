package barometer.api;

import barometer.indexer.NewsIndex;
import barometer.indexer.PollFilter;
import barometer.indexer.ToneScope;
import barometer.indexer.TrendQuery;
import barometer.indexer.TrendSeries;
import barometer.indexer.poll.PollAverage;
import barometer.indexer.poll.PollAveragePoint;
import barometer.indexer.poll.PollAverageSettings;
import barometer.indexer.poll.PollSeries;
import barometer.indexer.trend.Interval;
import barometer.indexer.trend.TrendPoint;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the public thinks beside what the press says, on one time axis: for each bucket of a topic's coverage, the
 * poll average of one answer with its band, the share of coverage the topic's words had with its Wilson interval,
 * and the net tone toward those words with its interval.
 *
 * <p>The poll average is daily; a bucket carries the average of its last day (the estimate as it stood when the
 * period closed), or of the average's last day when the period runs past it, with that day's 95% interval. A
 * bucket wholly before the first poll or after the last has no support value: the average is not extrapolated.
 *
 * @param topic the poll topic
 * @param answer the poll answer averaged
 * @param query the coverage query (the topic's words)
 * @param interval the buckets' width
 * @param toneMeasure what the tone is ({@code mentions}: toward the query's words)
 * @param pollsUsed polls that informed the average
 * @param points one per bucket, oldest first
 */
public record Overview(String topic, String answer, String query, String interval, String toneMeasure,
        int pollsUsed, List<Point> points) {

    /** The three measures, their units and the axis each is drawn on. */
    enum Measure {
        SUPPORT("percent of respondents"), SHARE("percent of all articles"), TONE("net tone, -1 to +1");

        final String unit;

        Measure(String unit) {
            this.unit = unit;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One bucket.
     *
     * @param start first day
     * @param supportDay the day of the poll average quoted, or null where the bucket has none
     * @param support the poll average in percent
     * @param polls polls in the average's trailing window on that day
     * @param articles matching articles in the bucket
     * @param share share of all articles in the bucket, in percent
     * @param toneArticles articles behind the tone
     */
    @JsonPropertyOrder({"start", "supportDay", "support", "supportLow", "supportHigh", "polls", "articles", "share",
        "shareLow", "shareHigh", "tone", "toneLow", "toneHigh", "toneArticles", "toneTooFew"})
    public record Point(LocalDate start, LocalDate supportDay, Double support, Double supportLow, Double supportHigh,
            Integer polls, long articles, Double share, Double shareLow, Double shareHigh, Double tone, Double toneLow,
            Double toneHigh, long toneArticles, boolean toneTooFew) {
    }

    /** One tidy CSV row: one measure of one bucket. */
    @JsonPropertyOrder({"date", "measure", "unit", "value", "low", "high", "n"})
    public record Row(LocalDate date, String measure, String unit, Double value, Double low, Double high, Long n) {
    }

    /**
     * The overview of {@code query}'s coverage and {@code topic}'s polls over the same buckets: from the earlier of
     * the first poll and the first matching article to the later of the last of each, unless {@code from} or
     * {@code to} are given.
     */
    static Overview compute(NewsIndex index, String topic, String answer, String query, LocalDate from, LocalDate to,
            Interval interval) {
        PollSeries polls = new PollAverage(PollAverageSettings.DEFAULTS)
                .compute(index.polls(new PollFilter(topic, null, null, null, null, false)), answer);
        TrendSeries trend = index.trend(new TrendQuery(query, from, to, interval, ZoneOffset.UTC, ToneScope.MENTIONS,
                false, 1));
        if ((from == null || to == null) && !polls.points().isEmpty()) {
            LocalDate first = polls.points().get(0).date(), last = polls.points().get(polls.points().size() - 1).date();
            boolean covered = false;
            if (!trend.points().isEmpty()) {
                LocalDate a = trend.points().get(0).start();
                LocalDate b = interval.next(trend.points().get(trend.points().size() - 1).start()).minusDays(1);
                covered = !first.isBefore(a) && !last.isAfter(b);
                first = a.isBefore(first) ? a : first;
                last = b.isAfter(last) ? b : last;
            }
            // Asked again only when the polls reach past the coverage's own span.
            if (!covered) {
                trend = index.trend(new TrendQuery(query, from != null ? from : first, to != null ? to : last,
                        interval, ZoneOffset.UTC, ToneScope.MENTIONS, false, 1));
            }
        }
        return of(topic, answer, trend, polls);
    }

    /** The two series put on the trend's buckets. */
    static Overview of(String topic, String answer, TrendSeries trend, PollSeries polls) {
        List<PollAveragePoint> days = polls.points();
        List<Point> points = new ArrayList<>();
        for (TrendPoint t : trend.points()) {
            LocalDate end = trend.interval().next(t.start()).minusDays(1);
            PollAveragePoint day = dayFor(days, t.start(), end);
            points.add(new Point(t.start(), day == null ? null : day.date(), day == null ? null : day.estimate(),
                    day == null ? null : day.low(), day == null ? null : day.high(), day == null ? null : day.polls(),
                    t.articles(), percent(t.share()), percent(t.shareLow()), percent(t.shareHigh()), t.tone(),
                    t.toneLow(), t.toneHigh(), t.toneArticles(), t.toneTooFew()));
        }
        return new Overview(topic, answer, trend.query(), trend.interval().name().toLowerCase(Locale.ROOT),
                trend.scope().name().toLowerCase(Locale.ROOT), polls.pollsUsed(), points);
    }

    /** The average's point on the bucket's last day, or on its own last day if that falls inside the bucket. */
    private static PollAveragePoint dayFor(List<PollAveragePoint> days, LocalDate start, LocalDate end) {
        if (days.isEmpty() || end.isBefore(days.get(0).date()) || start.isAfter(days.get(days.size() - 1).date())) {
            return null;
        }
        int lo = 0, hi = days.size() - 1;
        while (lo < hi) {
            // the last day on or before the bucket's end
            int mid = (lo + hi + 1) >>> 1;
            if (days.get(mid).date().isAfter(end)) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        return days.get(lo);
    }

    private static Double percent(Double fraction) {
        return fraction == null ? null : fraction * 100;
    }

    /** Three rows per bucket (support, share, tone), empty cells where a measure has no value. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Point p : points) {
            rows.add(new Row(p.start(), Measure.SUPPORT.label(), Measure.SUPPORT.unit, p.support(), p.supportLow(),
                    p.supportHigh(), p.polls() == null ? null : (long) p.polls()));
            rows.add(new Row(p.start(), Measure.SHARE.label(), Measure.SHARE.unit, p.share(), p.shareLow(),
                    p.shareHigh(), p.articles()));
            rows.add(new Row(p.start(), Measure.TONE.label(), Measure.TONE.unit, p.tone(), p.toneLow(), p.toneHigh(),
                    p.toneArticles()));
        }
        return rows;
    }
}
