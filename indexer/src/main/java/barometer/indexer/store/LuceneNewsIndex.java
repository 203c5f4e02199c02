package barometer.indexer.store;

import barometer.crawler.Article;
import barometer.indexer.InvalidQueryException;
import barometer.indexer.NewsIndex;
import barometer.indexer.SearchHit;
import barometer.indexer.SearchPage;
import barometer.indexer.SearchRequest;
import barometer.indexer.TrendQuery;
import barometer.indexer.TrendSeries;
import barometer.indexer.sentiment.AnalysedArticle;
import barometer.indexer.sentiment.TaggedSentence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * The embedded backend of {@link NewsIndex}: a Lucene index in a folder on disk.
 *
 * <p>Each article is one document, followed by one document per sentence, written as a block under the
 * article's URL so that re-adding the URL replaces the article and its sentences together. Searches see
 * additions at once (near-real-time, through a {@link SearcherManager}); {@link #commit()} makes them
 * durable. Only one process may open a folder at a time (Lucene's write lock).
 */
public final class LuceneNewsIndex implements NewsIndex {
    private static final FieldType BODY_TYPE = bodyType();
    private static final Map<String, Float> SEARCH_FIELDS = Map.of(Fields.TITLE, 2f, Fields.BODY, 1f);
    private static final int SNIPPET_FALLBACK_CHARS = 240;

    private final FSDirectory directory;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean changed = new AtomicBoolean();

    /** Opens (or creates) the index in a folder. */
    public LuceneNewsIndex(Path folder) {
        try {
            directory = FSDirectory.open(folder);
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + folder, e);
        }
    }

    private static FieldType bodyType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        // Offsets in the postings let the highlighter work without re-analysing the text.
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    @Override
    public void add(AnalysedArticle analysed) {
        Article article = analysed.article();
        List<Document> block = new ArrayList<>();
        Document doc = new Document();
        doc.add(new StringField(Fields.KIND, Fields.ARTICLE, Field.Store.NO));
        doc.add(new StringField(Fields.URL, article.url(), Field.Store.YES));
        doc.add(new TextField(Fields.TITLE, article.title(), Field.Store.YES));
        doc.add(new Field(Fields.BODY, article.text(), BODY_TYPE));
        addSourceAndDate(doc, article);
        double sentiment = analysed.meanSentiment();
        if (!Double.isNaN(sentiment)) {
            doc.add(new NumericDocValuesField(Fields.SENTIMENT, NumericUtils.doubleToSortableLong(sentiment)));
            doc.add(new StoredField(Fields.SENTIMENT, sentiment));
        }
        doc.add(new StoredField(Fields.SENTENCE_COUNT, analysed.sentences().size()));
        block.add(doc);
        int position = 0;
        for (TaggedSentence sentence : analysed.sentences()) {
            block.add(sentenceDocument(article, sentence, position++));
        }
        try {
            writer.updateDocuments(new Term(Fields.URL, article.url()), block);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + article.url(), e);
        }
        changed.set(true);
    }

    private static Document sentenceDocument(Article article, TaggedSentence sentence, int position) {
        Document doc = new Document();
        doc.add(new StringField(Fields.KIND, Fields.SENTENCE, Field.Store.NO));
        doc.add(new StringField(Fields.URL, article.url(), Field.Store.YES));
        doc.add(new TextField(Fields.TEXT, sentence.text(), Field.Store.YES));
        doc.add(new StoredField(Fields.POSITION, position));
        addSourceAndDate(doc, article);
        if (sentence.isTagged()) {
            doc.add(new NumericDocValuesField(Fields.SENTIMENT,
                    NumericUtils.doubleToSortableLong(sentence.sentiment())));
            doc.add(new StoredField(Fields.SENTIMENT, sentence.sentiment()));
        }
        return doc;
    }

    private static void addSourceAndDate(Document doc, Article article) {
        doc.add(new StringField(Fields.SOURCE, article.source(), Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.SOURCE, new BytesRef(article.source())));
        if (article.published() != null) {
            long millis = article.published().toEpochMilli();
            doc.add(new LongPoint(Fields.PUBLISHED, millis));
            doc.add(new NumericDocValuesField(Fields.PUBLISHED, millis));
            doc.add(new StoredField(Fields.PUBLISHED, millis));
        }
    }

    @Override
    public boolean contains(String url) {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.URL, url)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, Fields.ARTICLE)), Occur.FILTER)
                .build();
        return withSearcher(s -> s.count(q) > 0);
    }

    @Override
    public void commit() {
        try {
            writer.commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the index", e);
        }
    }

    @Override
    public long articleCount() {
        return withSearcher(s -> (long) s.count(new TermQuery(new Term(Fields.KIND, Fields.ARTICLE))));
    }

    @Override
    public SearchPage search(SearchRequest request) {
        Query query = articles(request.query(), request.from(), request.to(), ZoneOffset.UTC);
        return withSearcher(searcher -> {
            int total = searcher.count(query);
            int wanted = request.page() * request.pageSize();
            TopDocs top = request.query().isEmpty()
                    ? searcher.search(query, wanted, new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true)))
                    : searcher.search(query, wanted);
            int from = Math.min(top.scoreDocs.length, (request.page() - 1) * request.pageSize());
            ScoreDoc[] pageDocs = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
            String[] snippets = highlight(searcher, query, new TopDocs(top.totalHits, pageDocs));
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>(pageDocs.length);
            for (int i = 0; i < pageDocs.length; i++) {
                hits.add(hit(stored.document(pageDocs[i].doc), snippets[i]));
            }
            return new SearchPage(total, request.page(), request.pageSize(), hits);
        });
    }

    private String[] highlight(IndexSearcher searcher, Query query, TopDocs docs) throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .build();
        return highlighter.highlight(Fields.BODY, query, docs, 2);
    }

    private static SearchHit hit(Document doc, String snippet) {
        Number published = doc.getField(Fields.PUBLISHED) == null ? null : doc.getField(Fields.PUBLISHED).numericValue();
        Number sentiment = doc.getField(Fields.SENTIMENT) == null ? null : doc.getField(Fields.SENTIMENT).numericValue();
        if (snippet == null || snippet.isBlank()) {
            String body = doc.get(Fields.BODY);
            snippet = escapeHtml(body.length() <= SNIPPET_FALLBACK_CHARS ? body
                    : body.substring(0, SNIPPET_FALLBACK_CHARS) + " …");
        }
        return new SearchHit(doc.get(Fields.URL), doc.get(Fields.TITLE), doc.get(Fields.SOURCE),
                published == null ? null : Instant.ofEpochMilli(published.longValue()),
                sentiment == null ? null : sentiment.doubleValue(), snippet.replaceAll("\\s+", " ").strip());
    }

    @Override
    public TrendSeries trend(TrendQuery trend) {
        Query query = articles(trend.query(), trend.from(), trend.to(), trend.zone());
        var accumulator = withSearcher(s -> s.search(query, TrendCollector.manager(trend.interval(), trend.zone())));
        return new TrendSeries(trend.query(), trend.interval(), accumulator.series(trend.from(), trend.to()));
    }

    /** Articles matching a user query, published within the day range (in the given zone) if one is set. */
    private Query articles(String userQuery, LocalDate from, LocalDate to, ZoneId zone) {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.ARTICLE)), Occur.FILTER);
        q.add(userQuery.isEmpty() ? new MatchAllDocsQuery() : parse(userQuery), Occur.MUST);
        if (from != null || to != null) {
            long lower = from == null ? Long.MIN_VALUE : from.atStartOfDay(zone).toInstant().toEpochMilli();
            long upper = to == null ? Long.MAX_VALUE : to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
            q.add(LongPoint.newRangeQuery(Fields.PUBLISHED, lower, upper), Occur.FILTER);
        }
        return q.build();
    }

    private Query parse(String userQuery) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(
                SEARCH_FIELDS.keySet().toArray(String[]::new), analyzer, SEARCH_FIELDS);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        try {
            return parser.parse(userQuery);
        } catch (ParseException e) {
            throw new InvalidQueryException("cannot parse the query '" + userQuery + "': " + firstLine(e.getMessage()),
                    "use Lucene syntax: words, \"a phrase\", AND / OR / NOT, title:word, word*; "
                    + "quote or escape special characters such as ( ) [ ] : with a backslash");
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("the query expands to too many terms", "make wildcard prefixes longer");
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String escapeHtml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            if (changed.getAndSet(false)) {
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("the query expands to too many terms", "make wildcard prefixes longer");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index", e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the index", e);
        }
    }
}
