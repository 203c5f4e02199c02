/**
 * The OpenSearch backend of {@link barometer.indexer.NewsIndex}: {@link barometer.indexer.opensearch.OpenSearchNewsIndex}
 * stores articles, sentences (with their phrase tones as nested mentions) and polls in a cluster, through the
 * opensearch-java client, and answers searches, facets and trends with the query DSL and aggregations.
 * {@link barometer.indexer.opensearch.SourceLeases} shares sources between workers on one cluster.
 *
 * <p>Queries are parsed once, as the embedded index parses them ({@link barometer.indexer.store.UserQueries}), and
 * translated; what both backends compute the same way (stories, poll merging, trend assembly) lives outside either.
 */
package barometer.indexer.opensearch;
