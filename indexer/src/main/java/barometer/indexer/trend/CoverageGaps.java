package barometer.indexer.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Days a source published far below its usual volume: what tells "no coverage" from "no data". The usual volume
 * of a day is the median of the source's daily article counts over the {@value #WINDOW} days before it (days
 * without articles count as 0, from the source's first article on); a day is in a gap when that median is at
 * least {@value #MIN_USUAL} article a day and the day has less than a quarter of it. Consecutive gap days make
 * one gap. Sources that publish less than daily have a median of 0 and never show gaps: for them, a quiet day is
 * ordinary.
 */
public final class CoverageGaps {
    /** Days of history a day's usual volume is read from. */
    public static final int WINDOW = 28;
    /** The usual daily volume below which no day counts as a gap. */
    public static final double MIN_USUAL = 1.0;
    /** A day under this share of the usual volume is a gap day. */
    public static final double GAP_SHARE = 0.25;

    /** One gap: its first and last day and the usual daily volume at its start. */
    public record Gap(LocalDate from, LocalDate to, double usualPerDay) {
    }

    private CoverageGaps() {
    }

    /**
     * The gaps in a source's daily article counts between {@code first} and {@code last} (inclusive; days missing
     * from the map count as 0).
     */
    public static List<Gap> find(Map<LocalDate, Long> daily, LocalDate first, LocalDate last) {
        int days = (int) (last.toEpochDay() - first.toEpochDay() + 1);
        if (days <= WINDOW) {
            return List.of();
        }
        long[] counts = new long[days];
        for (int d = 0; d < days; d++) {
            counts[d] = daily.getOrDefault(first.plusDays(d), 0L);
        }
        List<Gap> gaps = new ArrayList<>();
        LocalDate gapFrom = null;
        double gapUsual = 0;
        for (int d = WINDOW; d < days; d++) {
            double usual = median(Arrays.copyOfRange(counts, d - WINDOW, d));
            boolean gap = usual >= MIN_USUAL && counts[d] < usual * GAP_SHARE;
            if (gap && gapFrom == null) {
                gapFrom = first.plusDays(d);
                gapUsual = usual;
            } else if (!gap && gapFrom != null) {
                gaps.add(new Gap(gapFrom, first.plusDays(d - 1), gapUsual));
                gapFrom = null;
            }
        }
        if (gapFrom != null) {
            gaps.add(new Gap(gapFrom, last, gapUsual));
        }
        return List.copyOf(gaps);
    }

    private static double median(long[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    }
}
