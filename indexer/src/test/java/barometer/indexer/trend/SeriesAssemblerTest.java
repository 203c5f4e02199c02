package barometer.indexer.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.indexer.ShareOf;
import barometer.indexer.ToneScale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesAssemblerTest {
    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void weeksStartOnMondayAndYearsOnTheFirstOfJanuary() {
        assertEquals(LocalDate.of(2017, 1, 23), Interval.WEEK.bucketStart(LocalDate.of(2017, 1, 29)));
        assertEquals(LocalDate.of(2017, 1, 30), Interval.WEEK.bucketStart(LocalDate.of(2017, 1, 30)));
        assertEquals(LocalDate.of(2017, 1, 1), Interval.YEAR.bucketStart(LocalDate.of(2017, 8, 30)));
    }

    @Test
    void theZoneDecidesTheDay() {
        TrendAccumulator acc = new TrendAccumulator(Interval.DAY, ZoneId.of("America/Los_Angeles"), false);
        acc.add(at("2017-01-02T05:00:00Z"), 4, null);

        assertEquals(Map.of(LocalDate.of(2017, 1, 1), new BucketStats(1, 1, 4, 16)), acc.overall());
    }

    @Test
    void mergingPartialAccumulatorsAddsTheirSums() {
        TrendAccumulator a = new TrendAccumulator(Interval.DAY, ZoneOffset.UTC, true);
        TrendAccumulator b = new TrendAccumulator(Interval.DAY, ZoneOffset.UTC, true);
        a.add(at("2017-01-01T00:00:00Z"), 0, "X");
        b.add(at("2017-01-01T10:00:00Z"), 4, "Y");
        b.add(at("2017-01-01T11:00:00Z"), Double.NaN, "Y");

        a.merge(b);

        assertEquals(Map.of(LocalDate.of(2017, 1, 1), new BucketStats(3, 2, 4, 16)), a.overall());
        assertEquals(Map.of(LocalDate.of(2017, 1, 1), new BucketStats(2, 1, 4, 16)), a.perSource().get("Y"));
    }

    @Test
    void aRangeBeyondTheDataIsZeroFilled() {
        SeriesAssembler assembler = new SeriesAssembler(Interval.DAY, 1, ToneScale.NET, ShareOf.ARTICLES);
        LocalDate d2 = LocalDate.of(2017, 1, 2);

        List<TrendPoint> points = assembler.assemble(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 1, 3),
                Map.of(d2, new BucketStats(1, 0, 0, 0)), Map.of(d2, new BucketStats(4, 0, 0, 0)), Map.of(), Map.of(d2, 1),
                Map.of(d2, 3));

        // Wilson for 1 of 4: centre (0.25 + 1.9208/4) / (1 + 3.8415/4), half 1.96/1.9604 · √(0.046875 + 0.060024).
        TrendPoint middle = points.get(1);
        assertEquals(new TrendPoint(LocalDate.of(2017, 1, 1), 0, 0, 0, 0, null, null, null, null, 0, 0, null, null, null,
                false, 0), points.get(0));
        assertEquals(0.25, middle.share());
        assertEquals(0.045587, middle.shareLow(), 1e-6);
        assertEquals(0.699358, middle.shareHigh(), 1e-6);
        assertEquals(3, middle.allStories());
    }

    @Test
    void theShareOfStoriesCountsEachStoryOnce() {
        SeriesAssembler assembler = new SeriesAssembler(Interval.DAY, 1, ToneScale.NET, ShareOf.STORIES);
        LocalDate d = LocalDate.of(2017, 1, 1);
        List<TrendPoint> points = assembler.assemble(d, d, Map.of(d, new BucketStats(6, 0, 0, 0)),
                Map.of(d, new BucketStats(10, 0, 0, 0)), Map.of(), Map.of(d, 1), Map.of(d, 5));
        assertEquals(0.2, points.get(0).share(), 1e-12);
    }

    @Test
    void wilsonIntervalOfNoneInTwentyIsZeroToTheRuleOfThreeBound() {
        double[] band = Intervals.wilson(0, 20);
        assertEquals(0.0, band[0]);
        assertEquals(0.161125, band[1], 1e-6);
        assertNull(Intervals.wilson(0, 0));
    }

    @Test
    void toneIntervalTreatsEachArticleAsOneDraw() {
        // Three articles: A (+1, +1), B (-1), C (0, 0, +1): N = 6, mean 1/3; residuals s_i - m·n_i = 4/3, -4/3, 0;
        // CR1 variance = 3/2 · (32/9) / 36 = 0.148148.
        TrendAccumulator acc = new TrendAccumulator(Interval.DAY, ZoneOffset.UTC, false);
        long t = LocalDate.of(2017, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        for (double[] v : new double[][] {{1, 1}, {1, 1}, {2, -1}, {3, 0}, {3, 0}, {3, 1}}) {
            acc.add(t, v[1], null, null, (long) v[0]);
        }
        BucketStats stats = acc.overall().get(LocalDate.of(2017, 1, 1));
        assertEquals(3, stats.clusters());
        assertEquals(0.148148, stats.clusteredVariance(), 1e-6);
        assertNull(Intervals.tone(stats, -1, 1), "3 articles are too few for an interval");

        SeriesAssembler assembler = new SeriesAssembler(Interval.DAY, 1, ToneScale.NET, ShareOf.ARTICLES);
        LocalDate d = LocalDate.of(2017, 1, 1);
        TrendPoint p = assembler.assemble(d, d, Map.of(), Map.of(), acc.overall(), Map.of(), Map.of()).get(0);
        assertEquals(1.0 / 3, p.tone(), 1e-12);
        assertNull(p.toneLow());
        assertTrue(p.toneTooFew());
        assertEquals(3, p.toneArticles());
        assertEquals(6, p.toneCount());
    }

    @Test
    void toneIntervalOfTenArticlesUsesTWithNineDegreesOfFreedom() {
        // Five articles with one +1, five with (-1, 0): N = 15, mean 0, each residual ±1: CR1 variance
        // 10/9 · 10 / 225 = 0.0493827, se 0.222222, t(9) = 2.262157: half width 0.502702.
        TrendAccumulator acc = new TrendAccumulator(Interval.DAY, ZoneOffset.UTC, false);
        long t = LocalDate.of(2017, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        for (long a = 0; a < 5; a++) {
            acc.add(t, 1, null, null, a);
            acc.add(t, -1, null, null, 10 + a);
            acc.add(t, 0, null, null, 10 + a);
        }
        double[] band = Intervals.tone(acc.overall().get(LocalDate.of(2017, 1, 1)), -1, 1);
        assertEquals(-0.502702, band[0], 1e-6);
        assertEquals(0.502702, band[1], 1e-6);
    }

    @Test
    void articlesThatAllAgreeGetTheRuleOfThreeRatherThanAZeroWidthBand() {
        TrendAccumulator acc = new TrendAccumulator(Interval.DAY, ZoneOffset.UTC, false);
        long t = LocalDate.of(2017, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        for (long a = 0; a < 10; a++) {
            acc.add(t, 1, null, null, a);
            acc.add(t, 1, null, null, a);
        }
        double[] band = Intervals.tone(acc.overall().get(LocalDate.of(2017, 1, 1)), -1, 1);
        assertEquals(0.7, band[0], 1e-12);
        assertEquals(1.0, band[1], 1e-12);
    }
}
