package barometer.indexer.trend;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** The width of a trend bucket. Weeks start on Monday (ISO 8601). */
public enum Interval {
    DAY(ChronoUnit.DAYS),
    WEEK(ChronoUnit.WEEKS),
    MONTH(ChronoUnit.MONTHS),
    YEAR(ChronoUnit.YEARS);

    private final ChronoUnit unit;

    Interval(ChronoUnit unit) {
        this.unit = unit;
    }

    /** The first day of the bucket that holds this day. */
    public LocalDate bucketStart(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day of the next bucket. */
    public LocalDate next(LocalDate bucketStart) {
        return bucketStart.plus(1, unit);
    }

    /** Number of buckets from the one holding {@code from} to the one holding {@code to}, both included. */
    public long bucketsBetween(LocalDate from, LocalDate to) {
        return unit.between(bucketStart(from), bucketStart(to)) + 1;
    }
}
