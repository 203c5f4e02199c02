package barometer.indexer.opensearch;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * How to reach an OpenSearch cluster and lay out Barometer's indices on it.
 *
 * @param hosts the nodes' HTTP addresses ({@code http://host:9200}, {@code https://...}); requests go round them
 * @param user basic-authentication user, or empty
 * @param password its password, or empty
 * @param apiKey an API key (sent as {@code Authorization: ApiKey ...}) instead of a user, or empty
 * @param indexPrefix the start of every index name, so that several Barometers (or tests) share a cluster
 * @param shards primary shards of each index created
 * @param replicas copies of each shard on other nodes (1: no document is lost when one node is)
 */
public record ClusterSettings(List<URI> hosts, Optional<String> user, Optional<String> password, Optional<String> apiKey,
                              String indexPrefix, int shards, int replicas) {
    public ClusterSettings {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("barometer.opensearch.hosts: give at least one node, e.g. http://127.0.0.1:9200");
        }
        for (URI h : hosts) {
            if (!"http".equals(h.getScheme()) && !"https".equals(h.getScheme()) || h.getHost() == null || h.getPort() < 0) {
                throw new IllegalArgumentException("barometer.opensearch.hosts: '" + h
                        + "' is not http(s)://host:port");
            }
        }
        if (!indexPrefix.matches("[a-z0-9][a-z0-9_-]{0,60}")) {
            throw new IllegalArgumentException("barometer.opensearch.index-prefix: lower-case letters, digits, - and _ only, was '"
                    + indexPrefix + "'");
        }
        if (shards < 1 || replicas < 0) {
            throw new IllegalArgumentException("barometer.opensearch: shards must be 1 or more and replicas 0 or more");
        }
    }

    /** Parses a comma-separated host list. */
    public static List<URI> hosts(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(URI::create).toList();
    }

    /** Plain HTTP nodes, no authentication, 3 shards with one replica each. */
    public static ClusterSettings of(List<URI> hosts, String indexPrefix) {
        return new ClusterSettings(hosts, Optional.empty(), Optional.empty(), Optional.empty(), indexPrefix, 3, 1);
    }
}
