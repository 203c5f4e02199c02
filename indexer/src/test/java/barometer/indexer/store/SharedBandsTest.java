package barometer.indexer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedBandsTest {
    @TempDir
    Path folder;

    private static Document doc(String id, String... bands) {
        Document d = new Document();
        d.add(new StringField("id", id, Field.Store.YES));
        for (String b : bands) {
            d.add(new StringField(Fields.SIM_BAND, b, Field.Store.NO));
        }
        return d;
    }

    @Test
    void candidatesSharingMoreBandsComeFirstThenOlderOnesAndDeletedOnesNotAtAll() throws Exception {
        try (var dir = FSDirectory.open(folder); var writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.addDocument(doc("one band", "b1", "x1"));
            writer.addDocument(doc("deleted", "b1", "b2", "b3"));
            writer.commit(); // a second segment from here
            writer.addDocument(doc("three bands", "b1", "b2", "b3"));
            writer.addDocument(doc("two bands", "b2", "b3", "x2"));
            writer.addDocument(doc("another one band", "b3"));
            writer.addDocument(doc("none", "x3"));
            writer.deleteDocuments(new Term("id", "deleted"));
            writer.commit();

            try (var reader = DirectoryReader.open(dir)) {
                List<Integer> best = SharedBands.best(reader, List.of("b1", "b2", "b3"), 3);
                var stored = reader.storedFields();
                List<String> ids = best.stream().map(d -> {
                    try {
                        return stored.document(d).get("id");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();

                assertEquals(List.of("three bands", "two bands", "one band"), ids);
                assertEquals(4, SharedBands.best(reader, List.of("b1", "b2", "b3"), 10).size());
            }
        }
    }
}
