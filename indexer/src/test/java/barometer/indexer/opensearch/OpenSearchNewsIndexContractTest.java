package barometer.indexer.opensearch;

import barometer.indexer.NewsIndex;
import barometer.indexer.NewsIndexContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The backend contract on a real three-node OpenSearch cluster on loopback (3 shards, 1 replica), each test on
 * indices of its own, deleted after it.
 */
class OpenSearchNewsIndexContractTest extends NewsIndexContract {
    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();
    private static final AtomicInteger TESTS = new AtomicInteger();

    @Override
    protected NewsIndex open() {
        return new OpenSearchNewsIndex(ClusterSettings.of(CLUSTER.cluster().hosts(), "contract-" + TESTS.incrementAndGet()));
    }

    @Override
    protected void discard(NewsIndex opened) {
        ((OpenSearchNewsIndex) opened).deleteAll();
    }
}
