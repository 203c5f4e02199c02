package barometer.indexer.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageGapsTest {
    private static final LocalDate START = LocalDate.of(2020, 1, 1);

    /** Counts per day from START, one entry per day. */
    private static Map<LocalDate, Long> series(long... counts) {
        Map<LocalDate, Long> out = new HashMap<>();
        for (int d = 0; d < counts.length; d++) {
            if (counts[d] > 0) {
                out.put(START.plusDays(d), counts[d]);
            }
        }
        return out;
    }

    private static long[] steady(int days, long perDay) {
        long[] out = new long[days];
        java.util.Arrays.fill(out, perDay);
        return out;
    }

    private static long[] join(long[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToLong(java.util.Arrays::stream).toArray();
    }

    @Test
    void threeSilentDaysOfADailySourceAreOneGap() {
        long[] counts = join(steady(40, 5), steady(3, 0), steady(10, 5));
        List<CoverageGaps.Gap> gaps = CoverageGaps.find(series(counts), START, START.plusDays(counts.length - 1));
        assertEquals(List.of(new CoverageGaps.Gap(START.plusDays(40), START.plusDays(42), 5.0)), gaps);
    }

    @Test
    void aDipToAQuarterOrMoreIsNoGapButBelowItIs() {
        long[] counts = join(steady(40, 8), new long[] {2, 1, 8}, steady(5, 8));
        List<CoverageGaps.Gap> gaps = CoverageGaps.find(series(counts), START, START.plusDays(counts.length - 1));
        // 2 is exactly a quarter of 8: not a gap; 1 is below it.
        assertEquals(List.of(new CoverageGaps.Gap(START.plusDays(41), START.plusDays(41), 8.0)), gaps);
    }

    @Test
    void aSourceThatPublishesEveryOtherDayHasNoGaps() {
        long[] counts = new long[90];
        for (int d = 0; d < counts.length; d += 2) {
            counts[d] = 1;
        }
        assertEquals(List.of(), CoverageGaps.find(series(counts), START, START.plusDays(89)));
    }

    @Test
    void aGapRunningToTheEndOfThePeriodIsClosedThere() {
        long[] counts = join(steady(30, 3), steady(4, 0));
        assertEquals(List.of(new CoverageGaps.Gap(START.plusDays(30), START.plusDays(33), 3.0)),
                CoverageGaps.find(series(counts), START, START.plusDays(33)));
    }
}
