package barometer.indexer;

import java.util.List;

/**
 * What {@code /api/status} says about the index's backend.
 *
 * @param backend lucene or opensearch
 * @param health for a cluster: green (every shard and its replica placed), yellow (a replica missing: nothing lost,
 *     less redundancy) or red (a primary missing); null for the embedded index
 * @param nodes the cluster's node names (empty for the embedded index)
 */
public record BackendHealth(String backend, String health, List<String> nodes) {
    public BackendHealth {
        nodes = List.copyOf(nodes);
    }
}
