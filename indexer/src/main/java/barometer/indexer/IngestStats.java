package barometer.indexer;

/**
 * What an {@link Ingest} has done.
 *
 * @param articlesStored articles tagged (or reused) and committed
 * @param articlesFailed articles that could not be tagged or stored (each logged with its URL)
 * @param sentencesTagged sentences run through CoreNLP
 * @param sentencesReused sentences copied from an article with the same text, not tagged again
 * @param sentencesOverCap sentences left untagged because they were longer than the cap
 * @param taggingSeconds time spent tagging, summed over the worker threads
 * @param pollsFound polls read from the articles (before merging reports of the same poll)
 * @param pollsFailed articles whose polls could not be read or stored (logged; the article is kept)
 */
public record IngestStats(long articlesStored, long articlesFailed, long sentencesTagged, long sentencesReused,
                          long sentencesOverCap, double taggingSeconds, long pollsFound, long pollsFailed) {
}
