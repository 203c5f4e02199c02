package barometer.cli;

import barometer.indexer.opensearch.ClusterSettings;
import java.util.Optional;

/**
 * The OpenSearch settings of a command-line tool, read from the same {@code barometer.opensearch.*} keys as the
 * service's (given as {@code -Dkey=value}), with the same defaults.
 */
public final class ClusterOptions {
    private ClusterOptions() {
    }

    public static ClusterSettings fromSystemProperties() {
        return new ClusterSettings(
                ClusterSettings.hosts(System.getProperty("barometer.opensearch.hosts", "http://127.0.0.1:9200")),
                optional("barometer.opensearch.user"), optional("barometer.opensearch.password"),
                optional("barometer.opensearch.api-key"),
                System.getProperty("barometer.opensearch.index-prefix", "barometer"),
                Integer.parseInt(System.getProperty("barometer.opensearch.shards", "3")),
                Integer.parseInt(System.getProperty("barometer.opensearch.replicas", "1")));
    }

    private static Optional<String> optional(String key) {
        return Optional.ofNullable(System.getProperty(key)).filter(v -> !v.isBlank());
    }
}
