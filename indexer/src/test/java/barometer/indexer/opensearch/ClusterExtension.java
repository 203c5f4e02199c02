package barometer.indexer.opensearch;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Gives a test class the run's shared cluster ({@link SharedCluster}) before any of its tests or set-ups run. */
public final class ClusterExtension implements BeforeAllCallback {
    private volatile LocalClusterProcess cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = SharedCluster.of(context);
    }

    public LocalClusterProcess cluster() {
        return cluster;
    }
}
