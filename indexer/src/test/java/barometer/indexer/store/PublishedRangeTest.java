package barometer.indexer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedRangeTest {
    @TempDir
    Path folder;

    private static Document published(Long millis) {
        Document d = new Document();
        if (millis != null) {
            d.add(new LongPoint(Fields.PUBLISHED, millis));
            d.add(new NumericDocValuesField(Fields.PUBLISHED, millis));
        }
        return d;
    }

    @Test
    void aRangeHoldingEveryPublicationTimeStaysPointsAndANarrowerOneMayBeReadFromDocValuesWithTheSameMatches()
            throws Exception {
        try (var dir = FSDirectory.open(folder); var writer = new IndexWriter(dir, new IndexWriterConfig())) {
            for (Long t : new Long[] {10L, 20L, 30L, null}) {
                writer.addDocument(published(t));
            }
            writer.commit();
            try (var reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);

                PublishedRange all = new PublishedRange(0, 100);
                PublishedRange narrow = new PublishedRange(15, 30);

                assertInstanceOf(PointRangeQuery.class, all.rewrite(searcher));
                assertInstanceOf(IndexOrDocValuesQuery.class, narrow.rewrite(searcher));
                assertEquals(3, searcher.count(all), "the undated document is outside every range");
                assertEquals(2, searcher.count(narrow));
                assertEquals(0, searcher.count(new PublishedRange(31, 40)));
            }
        }
    }
}
