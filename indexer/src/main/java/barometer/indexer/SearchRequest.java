package barometer.indexer;

import barometer.indexer.sentiment.ToneClass;
import java.time.LocalDate;
import java.util.List;

/**
 * A keyword search over articles.
 *
 * @param query Lucene query syntax over title and body; blank matches every article
 * @param from first publication day included (UTC), or {@code null}
 * @param to last publication day included (UTC), or {@code null}
 * @param sources only articles from these outlets (any of them); empty for all
 * @param topics only articles with these topic tags (any of them); empty for all
 * @param kinds only documents of these kinds: "article" (polls are not searched here, see /api/polls); empty for articles
 * @param tone only articles whose mean tone is in this class, or {@code null} for all
 * @param sort relevance (the default for a query) or date (newest first; the only order without a query)
 * @param page 1-based page number, for shallow paging
 * @param pageSize hits per page
 * @param cursor the {@link SearchPage#nextCursor()} of the previous page, for deep paging; overrides page
 */
public record SearchRequest(String query, LocalDate from, LocalDate to, List<String> sources, List<String> topics,
                            List<String> kinds, ToneClass tone,
                            SearchSort sort, int page, int pageSize, String cursor) {
    /** Page-number paging stops here; a cursor walks on as far as the results go. */
    public static final int MAX_DEPTH = 10_000;
    /** The kinds of documents a search can ask for. */
    public static final List<String> KINDS = List.of("article");

    public SearchRequest {
        query = query == null ? "" : query.strip();
        sources = sources == null ? List.of() : List.copyOf(sources);
        topics = topics == null ? List.of() : List.copyOf(topics);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        for (String kind : kinds) {
            if (!KINDS.contains(kind)) {
                throw new InvalidQueryException("kind must be article, was '" + kind + "'",
                        "search finds articles; polls are listed at /api/polls");
            }
        }
        sort = query.isEmpty() || sort == null ? (query.isEmpty() ? SearchSort.DATE : SearchSort.RELEVANCE) : sort;
        cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
        if (page < 1) {
            throw new InvalidQueryException("page must be 1 or more, was " + page, "pages are numbered from 1");
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new InvalidQueryException("page size must be between 1 and 100, was " + pageSize,
                    "ask for at most 100 hits per page");
        }
        if (cursor == null && (long) page * pageSize > MAX_DEPTH) {
            throw new InvalidQueryException("page numbers reach only the first " + MAX_DEPTH + " results",
                    "follow nextCursor from page to page to go deeper, or narrow the query");
        }
        DateRange.check(from, to);
    }

    /** A plain keyword search: no filters, default order, one page. */
    public static SearchRequest of(String query, LocalDate from, LocalDate to, int page, int pageSize) {
        return new SearchRequest(query, from, to, List.of(), List.of(), List.of(), null, null, page, pageSize, null);
    }
}
