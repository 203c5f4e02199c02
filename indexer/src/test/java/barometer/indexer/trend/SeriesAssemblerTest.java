package barometer.indexer.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        SeriesAssembler assembler = new SeriesAssembler(Interval.DAY, 1);
        LocalDate d2 = LocalDate.of(2017, 1, 2);

        List<TrendPoint> points = assembler.assemble(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 1, 3),
                Map.of(d2, new BucketStats(1, 0, 0, 0)), Map.of(d2, new BucketStats(4, 0, 0, 0)), Map.of(), Map.of(d2, 1));

        assertEquals(List.of(
                new TrendPoint(LocalDate.of(2017, 1, 1), 0, 0, 0, null, null, 0, null, null, null),
                new TrendPoint(d2, 1, 1, 4, 0.25, null, 0, null, null, null),
                new TrendPoint(LocalDate.of(2017, 1, 3), 0, 0, 0, null, null, 0, null, null, null)), points);
    }

    @Test
    void confidenceIntervalIsClippedToTheScale() {
        SeriesAssembler assembler = new SeriesAssembler(Interval.DAY, 1);
        LocalDate d = LocalDate.of(2017, 1, 1);
        // Labels 0 and 4: mean 2, sample variance 8, half-width 1.959964·√(8/2) = 3.92 -> clipped to 0..4.
        List<TrendPoint> points = assembler.assemble(d, d, Map.of(d, new BucketStats(2, 0, 0, 0)),
                Map.of(d, new BucketStats(2, 0, 0, 0)), Map.of(d, new BucketStats(2, 2, 4, 16)), Map.of(d, 1));

        assertEquals(new TrendPoint(d, 2, 1, 2, 1.0, null, 2, 2.0, 0.0, 4.0), points.get(0));
    }
}
