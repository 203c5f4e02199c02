package barometer.indexer;

/** Where stored news lives. */
public enum IndexBackend {
    /** The embedded Lucene index in a folder on disk (the default: no outside service). */
    LUCENE,
    /** An OpenSearch cluster, for more data and cores than one machine has. */
    OPENSEARCH
}
