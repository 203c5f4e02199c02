package barometer.indexer;

import java.time.LocalDate;

/**
 * A keyword search over articles.
 *
 * @param query Lucene query syntax over title and body; blank matches every article (newest first)
 * @param from first publication day included, or {@code null}
 * @param to last publication day included, or {@code null}
 * @param page 1-based page number
 * @param pageSize hits per page
 */
public record SearchRequest(String query, LocalDate from, LocalDate to, int page, int pageSize) {
    /** Deep pages are bounded: walking past this many hits needs a narrower query. */
    public static final int MAX_DEPTH = 10_000;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        if (page < 1) {
            throw new InvalidQueryException("page must be 1 or more, was " + page, "pages are numbered from 1");
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new InvalidQueryException("page size must be between 1 and 100, was " + pageSize,
                    "ask for at most 100 hits per page");
        }
        if ((long) page * pageSize > MAX_DEPTH) {
            throw new InvalidQueryException("results beyond the first " + MAX_DEPTH + " are not served",
                    "narrow the query or the date range");
        }
        DateRange.check(from, to);
    }
}
