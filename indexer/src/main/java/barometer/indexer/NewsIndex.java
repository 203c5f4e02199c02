package barometer.indexer;

import barometer.indexer.sentiment.AnalysedArticle;

/**
 * The one door to stored news: add analysed articles, search them, and aggregate them into trend series.
 *
 * <p>No Lucene type appears here, so that a cluster backend can stand beside the embedded Lucene one
 * ({@link barometer.indexer.store.LuceneNewsIndex}). Implementations are safe for concurrent use: one
 * thread may add while others search.
 */
public interface NewsIndex extends AutoCloseable {

    /** Stores an article and its sentences, replacing whatever was stored under the same URL. */
    void add(AnalysedArticle article);

    /** Whether an article with this URL is stored (including ones added but not yet committed). */
    boolean contains(String url);

    /** Makes everything added so far durable: it survives a crash once this returns. */
    void commit();

    /** Number of stored articles. */
    long articleCount();

    /**
     * One page of articles matching a query.
     *
     * @throws InvalidQueryException when the query cannot be parsed or asks for too much
     */
    SearchPage search(SearchRequest request);

    /**
     * Counts and mean sentiment of the matching articles per time bucket, empty buckets included.
     *
     * @throws InvalidQueryException when the query cannot be parsed or the series would be too long
     */
    TrendSeries trend(TrendQuery query);

    @Override
    void close();
}
