package barometer.indexer.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import barometer.indexer.InvalidQueryException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendAccumulatorTest {
    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void weeksStartOnMonday() {
        assertEquals(LocalDate.of(2017, 1, 23), Interval.WEEK.bucketStart(LocalDate.of(2017, 1, 29)));
        assertEquals(LocalDate.of(2017, 1, 30), Interval.WEEK.bucketStart(LocalDate.of(2017, 1, 30)));
    }

    @Test
    void fillsEmptyBucketsWithZeroAndNoMean() {
        TrendAccumulator acc = new TrendAccumulator(Interval.MONTH, ZoneOffset.UTC);
        acc.add(at("2017-01-10T00:00:00Z"), 1);
        acc.add(at("2017-01-20T00:00:00Z"), 3);
        acc.add(at("2017-03-05T00:00:00Z"), 2);

        assertEquals(List.of(
                new TrendPoint(LocalDate.of(2017, 1, 1), 2, 2.0, 2.0),
                new TrendPoint(LocalDate.of(2017, 2, 1), 0, null, null),
                new TrendPoint(LocalDate.of(2017, 3, 1), 1, 2.0, null)),
                acc.series(null, null));
    }

    @Test
    void rangeExtendsTheSeriesBeyondTheData() {
        TrendAccumulator acc = new TrendAccumulator(Interval.DAY, ZoneOffset.UTC);
        acc.add(at("2017-01-02T12:00:00Z"), Double.NaN);

        assertEquals(List.of(
                new TrendPoint(LocalDate.of(2017, 1, 1), 0, null, null),
                new TrendPoint(LocalDate.of(2017, 1, 2), 1, null, null),
                new TrendPoint(LocalDate.of(2017, 1, 3), 0, null, null)),
                acc.series(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 1, 3)));
    }

    @Test
    void theZoneDecidesTheDay() {
        TrendAccumulator acc = new TrendAccumulator(Interval.DAY, ZoneId.of("America/Los_Angeles"));
        acc.add(at("2017-01-02T05:00:00Z"), 4);

        assertEquals(List.of(new TrendPoint(LocalDate.of(2017, 1, 1), 1, 4.0, null)), acc.series(null, null));
    }

    @Test
    void mergingPartialAccumulatorsAddsTheirSums() {
        TrendAccumulator a = new TrendAccumulator(Interval.DAY, ZoneOffset.UTC);
        TrendAccumulator b = new TrendAccumulator(Interval.DAY, ZoneOffset.UTC);
        a.add(at("2017-01-01T00:00:00Z"), 0);
        b.add(at("2017-01-01T10:00:00Z"), 4);

        assertEquals(List.of(new TrendPoint(LocalDate.of(2017, 1, 1), 2, 2.0, 8.0)), a.merge(b).series(null, null));
    }

    @Test
    void refusesSeriesWithTooManyBuckets() {
        TrendAccumulator acc = new TrendAccumulator(Interval.DAY, ZoneOffset.UTC);

        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> acc.series(LocalDate.of(1900, 1, 1), LocalDate.of(2020, 1, 1)));

        assertEquals("the series would have 43830 day buckets, more than 5000", e.getMessage());
    }
}
