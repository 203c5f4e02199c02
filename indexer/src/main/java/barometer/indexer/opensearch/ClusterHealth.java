package barometer.indexer.opensearch;

import java.util.List;

/**
 * An OpenSearch cluster's health as {@code /api/status} shows it.
 *
 * @param status green (every shard and replica placed), yellow (a replica missing) or red (a primary missing)
 * @param nodes how many nodes are in the cluster
 * @param names the nodes' names
 */
public record ClusterHealth(String status, int nodes, List<String> names) {
    public ClusterHealth {
        names = List.copyOf(names);
    }
}
