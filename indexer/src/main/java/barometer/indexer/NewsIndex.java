package barometer.indexer;

import barometer.crawler.Article;
import barometer.indexer.sentiment.AnalysedArticle;
import barometer.indexer.sentiment.TaggedSentence;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one door to stored news: add analysed articles, search them, and aggregate them into trend series.
 *
 * <p>No Lucene type appears here, so that a cluster backend can stand beside the embedded Lucene one
 * ({@link barometer.indexer.store.LuceneNewsIndex}). Implementations are safe for concurrent use: one
 * thread may add while others search, and searches see additions at once.
 */
public interface NewsIndex extends AutoCloseable {

    /** Stores an article and its sentences, replacing whatever was stored under the same URL. */
    void add(AnalysedArticle article);

    /**
     * Stores an article read from another backend as it was there ({@link #exportStored}): its story is kept, not
     * assigned again, so that a copied index answers as the original did.
     */
    void restore(StoredArticle article);

    /**
     * Every stored article with its sentences, tones, pending state and story, to the sink one by one, from one
     * snapshot (memory stays bounded): what {@link #restore} takes. Returns how many were sent.
     */
    long exportStored(java.util.function.Consumer<StoredArticle> sink);

    /** Whether an article with this URL is stored (including ones added but not yet committed). */
    boolean contains(String url);

    /**
     * The tagged sentences of a stored article with this {@link ContentHash}, if there is one, as a recent view of
     * the index shows them: an article stored in the last second or so may be missed (it is then tagged again).
     */
    Optional<List<TaggedSentence>> sentencesOf(String contentHash);

    /** Makes everything added so far durable: it survives a crash once this returns. */
    void commit();

    /**
     * Up to {@code limit} articles stored before their tagging, in this process's {@code share} of the queue, leaving
     * out the URLs in {@code except} (those being tagged): what the tagging queue works through, after a restart too.
     */
    List<Article> untagged(int limit, java.util.Set<String> except, TaggingShare share);

    /**
     * The text of up to {@code limit} sentences that match the query, best matches first: only the text, for
     * judging how the query's words are written (no titles, dates or tones are read).
     */
    List<String> sentenceTexts(String query, int limit);

    /** Articles stored and not yet tagged. */
    long untaggedCount();

    /** Number of stored articles. */
    long articleCount();

    /** Changes whenever what searches see changes; equal values mean equal answers (for HTTP caching). */
    long version();

    /**
     * One page of articles matching a query, with facet counts over all matches.
     *
     * @throws InvalidQueryException when the query cannot be parsed or asks for too much
     */
    SearchPage search(SearchRequest request);

    /**
     * Every article the request's query and filters match (its paging is ignored), to the sink one by one in
     * index order, from one snapshot of the index: memory stays bounded whatever the number of matches.
     * Returns how many were sent. An exception the sink throws stops the export and comes out here.
     *
     * @param withText whether each article carries its main text
     */
    long exportArticles(SearchRequest request, boolean withText, java.util.function.Consumer<ExportedArticle> sink);

    /**
     * How many articles the request's query and filters match (its paging ignored): what an export will send.
     *
     * @throws InvalidQueryException when the query cannot be read
     */
    long countArticles(SearchRequest request);

    /**
     * Articles per UTC day of each source in the period (days without articles left out): what coverage health
     * reads ({@link barometer.indexer.trend.CoverageGaps}).
     */
    Map<String, Map<LocalDate, Long>> articlesPerDay(LocalDate from, LocalDate to);

    /**
     * Every stored sentence that matches the query in the period: the values behind its tone series (the
     * sentence class, and the tone toward each phrase the query names), to the sink in index order (an article's
     * sentences together), from one snapshot, a page at a time. Returns how many were sent.
     */
    long exportSentences(String query, LocalDate from, LocalDate to, ZoneId zone,
                         java.util.function.Consumer<SentenceHit> sink);

    /**
     * Per-bucket counts, share of coverage and tone of the matching articles, empty buckets included.
     *
     * @throws InvalidQueryException when the query cannot be parsed or the series would be too long
     */
    TrendSeries trend(TrendQuery query);

    /**
     * The tagged sentences that match a query within a day range (in a zone), oldest first: the evidence
     * behind a bucket's sentence-scoped tone.
     *
     * @param limit at most this many
     * @throws InvalidQueryException when the query cannot be parsed
     */
    List<SentenceHit> sentences(String query, LocalDate from, LocalDate to, ZoneId zone, int limit);

    /**
     * Stores polls. A poll with the key of a stored one ({@link barometer.crawler.poll.Poll#key()}) is not stored
     * twice; a poll that another report already gave ({@link barometer.crawler.poll.Poll#sameAs}) is merged into
     * it, keeping every source. Call {@link #commit()} to make them durable.
     */
    PollsAdded addPolls(List<barometer.crawler.poll.Poll> polls);

    /** The stored polls that pass a filter, oldest first. */
    List<barometer.crawler.poll.Poll> polls(PollFilter filter);

    /** Which backend this is and, for a cluster, its health. */
    default BackendHealth health() {
        return new BackendHealth("lucene", null, List.of());
    }

    @Override
    void close();
}
