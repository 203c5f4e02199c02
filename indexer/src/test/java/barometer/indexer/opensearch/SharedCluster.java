package barometer.indexer.opensearch;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One three-node cluster for every OpenSearch test of a run: started by the first test that asks, stopped when the
 * run ends (JUnit closes what its root store holds). Each test class uses its own index prefix.
 */
public final class SharedCluster {
    private SharedCluster() {
    }

    /** The run's cluster, started on first use. */
    public static LocalClusterProcess of(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedCluster.class, k -> start(), Holder.class).cluster;
    }

    private static Holder start() {
        try {
            return new Holder(LocalClusterProcess.start(3));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test cluster", e);
        }
    }

    private record Holder(LocalClusterProcess cluster) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            cluster.close();
        }
    }
}
