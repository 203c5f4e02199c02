package barometer.indexer.store;

import barometer.indexer.NewsIndex;
import barometer.indexer.NewsIndexContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The backend contract on the embedded Lucene index, in a temporary folder. */
class LuceneNewsIndexContractTest extends NewsIndexContract {
    @TempDir
    Path folder;

    private int opened;

    @Override
    protected NewsIndex open() {
        return new LuceneNewsIndex(folder.resolve("index-" + ++opened));
    }
}
