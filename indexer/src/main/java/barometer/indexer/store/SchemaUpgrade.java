package barometer.indexer.store;

import barometer.crawler.Article;
import barometer.indexer.sentiment.AnalysedArticle;
import barometer.indexer.sentiment.TaggedSentence;
import barometer.indexer.story.MinHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;

/**
 * Rebuilds an index written with an older schema from its own stored content: each stored article and
 * its stored sentences (text, label, probabilities) are read back and written again in the current shape,
 * into a new folder that then replaces the old one. Nothing is re-crawled or re-tagged.
 *
 * <p>The swap is two renames ({@code index} to {@code index.old}, {@code index.rebuild} to {@code index}); the
 * rebuilt folder is committed before the first. A crash between them leaves no {@code index}: the next start
 * finds the committed rebuild (or, failing that, the old folder) and puts it in place before anything else, so no
 * crash point loses the index. An index written by a newer build (a higher schema) is refused, untouched: an older
 * build would drop what it does not know.
 */
final class SchemaUpgrade {
    private static final Logger LOG = Logger.getLogger(SchemaUpgrade.class);

    private SchemaUpgrade() {
    }

    static void rebuildIfOlder(Path folder, int schema, Analyzer analyzer) throws IOException {
        finishInterruptedSwap(folder, schema);
        int found = schemaOf(folder);
        if (found < 0 || found == schema) {
            return;
        }
        if (found > schema) {
            throw new NewerIndexException("the index in " + folder.toAbsolutePath() + " was written by a newer "
                    + "Barometer (schema " + found + "; this build reads and writes schema " + schema + "); it was left "
                    + "untouched: run the newer build, or point barometer.data-dir at another folder");
        }
        LOG.infof("Index in %s has schema %d, this version writes %d: rebuilding it from its stored content",
                folder, found, schema);
        Path fresh = folder.resolveSibling(folder.getFileName() + ".rebuild");
        deleteTree(fresh);
        int articles = 0;
        try (FSDirectory oldDir = FSDirectory.open(folder);
             DirectoryReader reader = DirectoryReader.open(oldDir);
             FSDirectory newDir = FSDirectory.open(fresh);
             IndexWriter writer = new IndexWriter(newDir, new IndexWriterConfig(analyzer).setCodec(new LookupCodec()))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            StoredFields stored = searcher.storedFields();
            TopDocs all = searcher.search(new TermQuery(new Term(Fields.KIND, Fields.ARTICLE)), Math.max(1, reader.maxDoc()));
            for (ScoreDoc sd : all.scoreDocs) {
                Document doc = stored.document(sd.doc);
                Article article = ArticleDocuments.article(doc);
                List<TaggedSentence> sentences = sentencesOf(searcher, article.url(), Integer.MAX_VALUE - 1);
                // Older indexes have no story marks: each article starts as its own story.
                String story = doc.get(Fields.STORY) != null ? doc.get(Fields.STORY) : article.url();
                // Marked shared: exact whatever the story's size (the mark only lets single stories skip a set).
                writer.addDocuments(ArticleDocuments.block(new AnalysedArticle(article, sentences), story,
                        MinHash.of(article.text()), false, analyzer));
                articles++;
            }
            TopDocs polls = searcher.search(new TermQuery(new Term(Fields.KIND, Fields.POLL)), Math.max(1, reader.maxDoc()));
            for (ScoreDoc sd : polls.scoreDocs) {
                writer.addDocument(PollDocuments.of(PollDocuments.poll(stored.document(sd.doc))));
            }
            writer.setLiveCommitData(Map.of(Fields.SCHEMA_KEY, Integer.toString(schema)).entrySet());
            writer.commit();
        }
        Path old = folder.resolveSibling(folder.getFileName() + ".old");
        deleteTree(old);
        Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
        LOG.infof("Index rebuilt: %d articles", articles);
    }

    /** The schema of the index in a folder, or -1 when it holds none. */
    private static int schemaOf(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return -1;
        }
        try (FSDirectory dir = FSDirectory.open(folder)) {
            if (!DirectoryReader.indexExists(dir)) {
                return -1;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                String v = reader.getIndexCommit().getUserData().get(Fields.SCHEMA_KEY);
                return v == null ? 0 : Integer.parseInt(v);
            }
        }
    }

    /** Puts the index back in place after a crash between the two renames of a swap. */
    private static void finishInterruptedSwap(Path folder, int schema) throws IOException {
        if (schemaOf(folder) >= 0) {
            return;
        }
        Path fresh = folder.resolveSibling(folder.getFileName() + ".rebuild");
        Path old = folder.resolveSibling(folder.getFileName() + ".old");
        Path restore = schemaOf(fresh) == schema && Files.exists(old) ? fresh : schemaOf(old) >= 0 ? old : null;
        if (restore == null) {
            return;
        }
        LOG.warnf("No index in %s but %s holds one: an upgrade was interrupted; putting it in place", folder, restore);
        clearEmpty(folder);
        Files.move(restore, folder, StandardCopyOption.ATOMIC_MOVE);
        if (restore == fresh) {
            deleteTree(old);
        }
    }

    /** Removes a folder that holds no index (as the service creates before opening one); refuses anything else. */
    private static void clearEmpty(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> left = files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList();
            if (!left.isEmpty()) {
                throw new IOException(folder + " holds files but no index (" + left.get(0).getFileName()
                        + "); move them away to let the interrupted upgrade finish");
            }
        }
        deleteTree(folder);
    }

    /** The index was written by a newer build than this one. */
    static final class NewerIndexException extends IllegalStateException {
        NewerIndexException(String message) {
            super(message);
        }
    }

    /** The stored sentences of one article, in article order. */
    static List<TaggedSentence> sentencesOf(IndexSearcher searcher, String url, int max) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.URL, url)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, Fields.SENTENCE)), Occur.FILTER)
                .build();
        TopDocs top = searcher.search(q, Math.max(1, Math.min(max, searcher.getIndexReader().maxDoc())));
        StoredFields stored = searcher.storedFields();
        List<Document> docs = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            docs.add(stored.document(sd.doc));
        }
        return ArticleDocuments.sentences(docs);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
