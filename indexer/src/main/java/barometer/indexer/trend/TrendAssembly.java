package barometer.indexer.trend;

import barometer.indexer.TrendQuery;
import barometer.indexer.TrendSeries;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns what a store computed into a trend series, the same way for every backend: the series runs from the
 * query's first day (or the first bucket anything fell in) to its last, empty buckets included, overall and, when
 * asked, per source; shares divide by the totals; tone comes from the tone matches (or the articles themselves for
 * article-scoped tone).
 */
public final class TrendAssembly {
    private TrendAssembly() {
    }

    /**
     * @param articles the matching articles
     * @param totals every article in the range, the share's denominator
     * @param tone the matches tone is read from (sentences or mentions), or null for the articles' own tone
     */
    public static TrendSeries series(TrendQuery trend, BucketSeries articles, BucketSeries totals, BucketSeries tone) {
        SeriesAssembler assembler = assembler(trend);
        BucketSeries toneFrom = tone == null ? articles : tone;
        TreeSet<LocalDate> seen = new TreeSet<>(articles.overall().keySet());
        seen.addAll(toneFrom.overall().keySet());
        LocalDate first = trend.from() != null ? trend.from() : seen.isEmpty() ? null : seen.first();
        LocalDate last = trend.to() != null ? trend.to() : seen.isEmpty() ? null : seen.last();
        List<TrendPoint> points = assembler.assemble(first, last, articles.overall(), totals.overall(),
                toneFrom.overall(), articles.stories(), totals.stories(), articles.untagged());
        Map<String, List<TrendPoint>> bySource = new HashMap<>();
        if (trend.bySource()) {
            TreeSet<String> outlets = new TreeSet<>(articles.perSource().keySet());
            outlets.addAll(toneFrom.perSource().keySet());
            for (String outlet : outlets) {
                bySource.put(outlet, assembler.assemble(first, last,
                        articles.perSource().getOrDefault(outlet, Map.of()),
                        totals.perSource().getOrDefault(outlet, Map.of()),
                        toneFrom.perSource().getOrDefault(outlet, Map.of()),
                        articles.sourceStories().getOrDefault(outlet, Map.of()),
                        totals.sourceStories().getOrDefault(outlet, Map.of()),
                        articles.sourceUntagged().getOrDefault(outlet, Map.of())));
            }
        }
        return new TrendSeries(trend.query(), trend.interval(), trend.scope(), trend.smoothing(), points, bySource,
                trend.scale(), trend.shareOf());
    }

    /**
     * Refuses a series longer than {@link SeriesAssembler#MAX_BUCKETS} before any store work.
     *
     * @throws barometer.indexer.InvalidQueryException when it would be too long
     */
    public static void checkLength(TrendQuery trend) {
        assembler(trend).checkLength(trend.from(), trend.to());
    }

    private static SeriesAssembler assembler(TrendQuery trend) {
        return new SeriesAssembler(trend.interval(), trend.smoothing(), trend.scale(), trend.shareOf());
    }
}
