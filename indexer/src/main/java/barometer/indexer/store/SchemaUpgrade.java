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
 */
final class SchemaUpgrade {
    private static final Logger LOG = Logger.getLogger(SchemaUpgrade.class);

    private SchemaUpgrade() {
    }

    static void rebuildIfOlder(Path folder, int schema, Analyzer analyzer) throws IOException {
        int found;
        try (FSDirectory dir = FSDirectory.open(folder)) {
            if (!DirectoryReader.indexExists(dir)) {
                return;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                String v = reader.getIndexCommit().getUserData().get(Fields.SCHEMA_KEY);
                found = v == null ? 0 : Integer.parseInt(v);
            }
        }
        if (found == schema) {
            return;
        }
        LOG.infof("Index in %s has schema %d, this version writes %d: rebuilding it from its stored content",
                folder, found, schema);
        Path fresh = folder.resolveSibling(folder.getFileName() + ".rebuild");
        deleteTree(fresh);
        int articles = 0;
        try (FSDirectory oldDir = FSDirectory.open(folder);
             DirectoryReader reader = DirectoryReader.open(oldDir);
             FSDirectory newDir = FSDirectory.open(fresh);
             IndexWriter writer = new IndexWriter(newDir, new IndexWriterConfig(analyzer))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            StoredFields stored = searcher.storedFields();
            TopDocs all = searcher.search(new TermQuery(new Term(Fields.KIND, Fields.ARTICLE)), Math.max(1, reader.maxDoc()));
            for (ScoreDoc sd : all.scoreDocs) {
                Document doc = stored.document(sd.doc);
                Article article = ArticleDocuments.article(doc);
                List<TaggedSentence> sentences = sentencesOf(searcher, article.url(), Integer.MAX_VALUE - 1);
                // Older indexes have no story marks: each article starts as its own story.
                String story = doc.get(Fields.STORY) != null ? doc.get(Fields.STORY) : article.url();
                writer.addDocuments(ArticleDocuments.block(new AnalysedArticle(article, sentences), story,
                        MinHash.of(article.text()), analyzer));
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
