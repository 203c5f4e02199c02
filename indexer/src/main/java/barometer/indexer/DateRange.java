package barometer.indexer;

import java.time.LocalDate;

/** Checks shared by every query that takes a from/to day range. */
final class DateRange {
    private DateRange() {
    }

    static void check(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryException("from (" + from + ") is after to (" + to + ")",
                    "swap the two dates");
        }
    }
}
