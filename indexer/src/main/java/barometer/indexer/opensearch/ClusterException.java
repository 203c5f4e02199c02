package barometer.indexer.opensearch;

/** The OpenSearch cluster refused a request Barometer made (not the user's input: that is refused before). */
public final class ClusterException extends RuntimeException {
    public ClusterException(String message) {
        super(message);
    }
}
