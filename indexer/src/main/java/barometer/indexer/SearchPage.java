package barometer.indexer;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total how many articles match in all
 * @param page the 1-based page number
 * @param pageSize hits per page asked for
 * @param hits the hits on this page, best first
 */
public record SearchPage(long total, int page, int pageSize, List<SearchHit> hits) {
    public SearchPage {
        hits = List.copyOf(hits);
    }
}
