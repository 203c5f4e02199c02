/**
 * The embedded backend of {@link barometer.indexer.NewsIndex}: {@link barometer.indexer.store.LuceneNewsIndex}, an
 * Apache Lucene index in a folder on disk, the default, with no outside service.
 *
 * <p>Each article is one block of documents: the article, then one document per sentence
 * ({@link barometer.indexer.store.ArticleDocuments}; field names in {@link barometer.indexer.store.Fields}). Everything
 * needed to rebuild the index is stored, so a schema change rebuilds it on open from its own content
 * ({@link barometer.indexer.store.SchemaUpgrade}), never by re-crawling or re-tagging. Searches and trends read doc
 * values and postings in collectors ({@link barometer.indexer.store.FacetCollector},
 * {@link barometer.indexer.store.TrendCollector}, {@link barometer.indexer.store.MentionToneCollector}, the tone toward
 * the query's words read from phrase tones kept in the postings, {@link barometer.indexer.store.MentionTones}), whose
 * sums are kept per unchanged segment ({@link barometer.indexer.store.SegmentSums}). User queries are parsed once for
 * either backend ({@link barometer.indexer.store.UserQueries}) with their costly corners closed
 * ({@link barometer.indexer.store.BoundedQueryParser}). Near-duplicate lookups while storing read MinHash bands
 * straight from each segment's terms ({@link barometer.indexer.store.SharedBands}) behind a bloom filter
 * ({@link barometer.indexer.store.LookupCodec}).
 *
 * <p>Public beside {@code LuceneNewsIndex}: {@link barometer.indexer.store.KeptSums} (what its status shows), and
 * {@code UserQueries} and {@link barometer.indexer.store.NamedWords}, which the OpenSearch backend uses to read a query
 * as this one does. {@code NewsIndex} itself carries no Lucene type, so that other backends sit beside this one.
 */
package barometer.indexer.store;
