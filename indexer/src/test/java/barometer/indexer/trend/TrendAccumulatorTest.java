package barometer.indexer.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendAccumulatorTest {

    private static long at(String day, ZoneId zone) {
        return LocalDate.parse(day).atTime(12, 0).atZone(zone).toInstant().toEpochMilli();
    }

    @Test
    void itemsYearsApartLandInTheirBucketsWhicheverComesFirst() {
        TrendAccumulator acc = new TrendAccumulator(Interval.MONTH, ZoneOffset.UTC, false);
        // The day array starts around the first item and grows both ways.
        acc.add(at("2015-01-10", ZoneOffset.UTC), 1.0, null, 7L, null);
        acc.add(at("2019-12-31", ZoneOffset.UTC), 0.0, null, 8L, null);
        acc.add(at("1990-06-01", ZoneOffset.UTC), -1.0, null, 7L, null);
        acc.add(at("2015-01-20", ZoneOffset.UTC), Double.NaN, null, 7L, null);
        acc.add(at("2015-01-31", ZoneOffset.UTC), 1.0, null, 9L, null);
        Map<LocalDate, BucketStats> overall = acc.overall();
        assertEquals(3, overall.get(LocalDate.of(2015, 1, 1)).count());
        assertEquals(2, overall.get(LocalDate.of(2015, 1, 1)).scored());
        assertEquals(2.0, overall.get(LocalDate.of(2015, 1, 1)).sum());
        assertEquals(1, overall.get(LocalDate.of(2019, 12, 1)).count());
        assertEquals(1, overall.get(LocalDate.of(1990, 6, 1)).count());
        assertEquals(Map.of(LocalDate.of(2015, 1, 1), 2, LocalDate.of(2019, 12, 1), 1, LocalDate.of(1990, 6, 1), 1),
                acc.stories());
    }

    @Test
    void daysOfOneBucketShareItsSumsAndTheNextBucketStartsOnItsFirstDay() {
        // Weeks start on Monday: 2016-02-28 is a Sunday, 2016-02-29 a Monday; a day offset shifts both.
        ZoneOffset east = ZoneOffset.ofHours(5);
        TrendAccumulator acc = new TrendAccumulator(Interval.WEEK, east, false);
        acc.add(at("2016-02-24", east), 1.0, null, 1L, null);
        acc.add(at("2016-02-28", east), 0.0, null, 2L, null);
        acc.add(at("2016-02-29", east), 1.0, null, 3L, null);
        acc.add(at("2011-01-01", east), 1.0, null, 4L, null); // grows the day array by years, before the rest
        acc.add(at("2016-02-22", east), 1.0, null, 1L, null);
        acc.add(at("2016-03-06", east), 0.0, null, 5L, null);
        Map<LocalDate, BucketStats> overall = acc.overall();
        assertEquals(3, overall.get(LocalDate.of(2016, 2, 22)).count());
        assertEquals(2.0, overall.get(LocalDate.of(2016, 2, 22)).sum());
        assertEquals(2, overall.get(LocalDate.of(2016, 2, 29)).count());
        assertEquals(1, overall.get(LocalDate.of(2010, 12, 27)).count());
        assertEquals(Map.of(LocalDate.of(2016, 2, 22), 2, LocalDate.of(2016, 2, 29), 2, LocalDate.of(2010, 12, 27), 1),
                acc.stories());
    }

    @Test
    void anAccumulatorMergedIntoAnotherStillTakesItems() {
        TrendAccumulator part = new TrendAccumulator(Interval.MONTH, ZoneOffset.UTC, false);
        part.add(at("2018-07-03", ZoneOffset.UTC), 1.0, null, 1L, null);
        new TrendAccumulator(Interval.MONTH, ZoneOffset.UTC, false).merge(part);
        part.add(at("2018-07-30", ZoneOffset.UTC), 0.0, null, 2L, null);
        assertEquals(2, part.overall().get(LocalDate.of(2018, 7, 1)).count());
        assertEquals(Map.of(LocalDate.of(2018, 7, 1), 2), part.stories());
    }

    @Test
    void aZoneWithDaylightSavingGivesTheSameBucketsThroughTheMaps() {
        ZoneId la = ZoneId.of("America/Los_Angeles");
        TrendAccumulator acc = new TrendAccumulator(Interval.DAY, la, false);
        acc.add(at("2017-03-12", la), 1.0, null, 1L, null);
        acc.add(at("2017-03-12", la), 1.0, null, 1L, null);
        assertEquals(2, acc.overall().get(LocalDate.of(2017, 3, 12)).count());
        assertEquals(Map.of(LocalDate.of(2017, 3, 12), 1), acc.stories());
    }

    @Test
    void mergingSlicesAddsTheirSumsAndUnitesTheirStories() {
        TrendAccumulator a = new TrendAccumulator(Interval.DAY, ZoneOffset.UTC, false);
        TrendAccumulator b = new TrendAccumulator(Interval.DAY, ZoneOffset.UTC, false);
        a.add(at("2016-05-05", ZoneOffset.UTC), 1.0, null, 1L, null);
        b.add(at("2016-05-05", ZoneOffset.UTC), 0.0, null, 1L, null);
        b.add(at("2016-05-05", ZoneOffset.UTC), 0.0, null, 2L, null);
        a.merge(b);
        a.add(at("2016-05-05", ZoneOffset.UTC), 1.0, null, 3L, null);
        assertEquals(4, a.overall().get(LocalDate.of(2016, 5, 5)).count());
        assertEquals(Map.of(LocalDate.of(2016, 5, 5), 3), a.stories());
    }

    @Test
    void singleStoriesCountOnceEachBesideTheSetOfSharedOnesAndOncePerArticleForSentences() {
        long day = at("2016-05-05", ZoneOffset.UTC);
        long single = TrendAccumulator.SINGLE_STORY;
        TrendAccumulator a = new TrendAccumulator(Interval.DAY, ZoneOffset.UTC, true);
        a.add(day, 1.0, "Ledger", single, TrendAccumulator.NONE);
        a.add(day, 1.0, "Ledger", single, TrendAccumulator.NONE);
        a.add(day, 0.0, "Courier", 7L, TrendAccumulator.NONE);
        a.add(day, 0.0, "Ledger", 7L, TrendAccumulator.NONE);
        // Three sentences of article 5, then two of article 6: two articles, two single stories.
        a.add(day, 2.0, "Courier", single, 5L);
        a.add(day, 2.0, "Courier", single, 5L);
        a.add(day, 2.0, "Courier", single, 5L);
        a.add(day, 3.0, "Courier", single, 6L);
        a.add(day, 3.0, "Courier", single, 6L);
        TrendAccumulator b = new TrendAccumulator(Interval.DAY, ZoneOffset.UTC, true);
        b.add(day, 1.0, "Ledger", single, TrendAccumulator.NONE);
        b.add(day, 1.0, "Ledger", 7L, TrendAccumulator.NONE);
        a.merge(b);

        LocalDate d = LocalDate.of(2016, 5, 5);
        assertEquals(Map.of(d, 2 + 1 + 2 + 1), a.stories(), "Ledger's three singles, story 7, articles 5 and 6");
        assertEquals(Map.of(d, 3 + 1), a.stories("Ledger"));
        assertEquals(Map.of(d, 1 + 2), a.stories("Courier"));
        assertEquals(Map.of("Ledger", Map.of(d, 4), "Courier", Map.of(d, 3)), a.series().sourceStories());
        assertEquals(11, a.overall().get(d).count());
    }
}
