package barometer.indexer;

import barometer.indexer.trend.Interval;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A trend: how many articles match a query per time bucket, and their mean sentiment.
 *
 * @param query Lucene query syntax over title and body; blank matches every article
 * @param from first day included, or {@code null} for the first matching article's
 * @param to last day included, or {@code null} for the last matching article's
 * @param interval bucket width
 * @param zone the time zone that decides which day an article falls on
 */
public record TrendQuery(String query, LocalDate from, LocalDate to, Interval interval, ZoneId zone) {
    public TrendQuery {
        query = query == null ? "" : query.strip();
        interval = interval == null ? Interval.MONTH : interval;
        zone = zone == null ? ZoneOffset.UTC : zone;
        DateRange.check(from, to);
    }
}
