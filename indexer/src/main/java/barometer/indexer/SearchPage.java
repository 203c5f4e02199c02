package barometer.indexer;

import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param total how many articles match in all
 * @param stories how many distinct stories they make (near-duplicate copies count once)
 * @param page the 1-based page number (1 when paging by cursor)
 * @param pageSize hits per page asked for
 * @param hits the hits on this page, in the asked order
 * @param facets counts over all matches: "source", "topic", "tone" and "year", each value to its count
 * @param nextCursor pass it back to get the next page, or {@code null} on the last page
 */
public record SearchPage(long total, long stories, int page, int pageSize, List<SearchHit> hits,
                         Map<String, Map<String, Long>> facets, String nextCursor) {
    public SearchPage {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }
}
