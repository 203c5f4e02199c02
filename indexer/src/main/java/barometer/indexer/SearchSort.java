package barometer.indexer;

/** Order of search results: best match first, or newest first. */
public enum SearchSort {
    RELEVANCE, DATE
}
