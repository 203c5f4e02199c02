package barometer.indexer.store;

import barometer.crawler.Article;
import barometer.crawler.poll.Poll;
import barometer.indexer.PollFilter;
import barometer.indexer.PollsAdded;
import barometer.indexer.poll.PollMerge;
import barometer.indexer.poll.StoredPolls;
import barometer.indexer.ExportedArticle;
import barometer.indexer.InvalidQueryException;
import barometer.indexer.NewsIndex;
import barometer.indexer.SearchHit;
import barometer.indexer.SearchPage;
import barometer.indexer.SearchRequest;
import barometer.indexer.SearchSort;
import barometer.indexer.StoredArticle;
import barometer.indexer.Snippets;
import barometer.indexer.SentenceHit;
import barometer.indexer.ToneScale;
import barometer.indexer.ToneScope;
import barometer.indexer.TrendQuery;
import barometer.indexer.TrendSeries;
import barometer.indexer.sentiment.AnalysedArticle;
import barometer.indexer.sentiment.TaggedSentence;
import barometer.indexer.sentiment.ToneClass;
import barometer.indexer.story.MinHash;
import barometer.indexer.story.StoryAssignment;
import org.apache.lucene.util.BytesRef;
import barometer.indexer.trend.Interval;
import barometer.indexer.trend.BucketSeries;
import barometer.indexer.trend.TotalsCache;
import barometer.indexer.trend.TrendAssembly;
import barometer.indexer.trend.TrendAccumulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;

/**
 * The embedded backend of {@link NewsIndex}: a Lucene index in a folder on disk.
 *
 * <p>Each article is one document, followed by one document per sentence, written as a block under the
 * article's URL so that re-adding the URL replaces the article and its sentences together. Searches see
 * additions at once (near-real-time, through a {@link SearcherManager}); {@link #commit()} makes them
 * durable. The index records the schema version it was written with; opening one written with another
 * version rebuilds it from its stored content, with no re-crawl. Only one process may open a folder at a
 * time (Lucene's write lock).
 */
public final class LuceneNewsIndex implements NewsIndex {
    /** Bump when the documents change shape; older indexes are then rebuilt on open. */
    public static final int SCHEMA_VERSION = 5;

    private static final Logger LOG = Logger.getLogger(LuceneNewsIndex.class);
    private static final int MAX_SENTENCES_PER_ARTICLE = 10_000;
    private static final long ADD_REFRESH_NANOS = 1_000_000_000L;
    /** The heap that buffers new documents before they are flushed to a segment (Lucene's default is 16). */
    private static final double INDEXING_BUFFER_MB = 64;
    /** The largest segment merges make, in MB (Lucene's default is 5 GB). */
    private static final double MAX_SEGMENT_MB = 256;
    /** Above this rate of new articles, lookups while adding reopen the reader by count ({@link #BULK_REFRESH_ADDS}). */
    private static final int BULK_ADDS_PER_SECOND = 1_000;
    /** The articles an import adds between two reopenings: well within {@link #RECENT_STORIES}. */
    private static final int BULK_REFRESH_ADDS = 4_000;
    /** URLs kept in memory for {@link #contains} before a write reopens the searcher itself. */
    private static final int MAX_UNSEEN_URLS = 2 * BULK_REFRESH_ADDS;
    /** Recent articles whose stories are found in memory, before a searcher can see them. */
    private static final int RECENT_STORIES = 10_000;

    private final FSDirectory directory;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /**
     * Searches one query's segments in parallel, one thread per core: a query over a million articles visits a
     * fifth of them for a common word, and one core alone made that the latency.
     */
    private final java.util.concurrent.ExecutorService searchThreads;
    /** Which documents of each segment are articles: the clusters of the tone interval. */
    private final ArticleBlocks.Cache articleBlocks = new ArticleBlocks.Cache();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final StoryAssignment stories = new StoryAssignment(RECENT_STORIES, this::sharingBands);
    /** Stories that got a second article since this index was opened (their first article is marked shared). */
    private final java.util.Set<String> sharedStories = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Writes to one story take one of these (by the story's hash): see {@link #write}. */
    private final Object[] storyLocks = java.util.stream.Stream.generate(Object::new).limit(64).toArray();
    private final java.util.concurrent.atomic.AtomicLong lastAddRefresh = new java.util.concurrent.atomic.AtomicLong();
    /** Articles written since the searcher was last reopened: what only {@link StoryAssignment}'s memory can see. */
    private final java.util.concurrent.atomic.AtomicInteger unseenAdds = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * The URLs written since the searcher was last reopened, and (while a reopening runs) those written before it
     * began: with the searcher, {@link #contains} sees every article written, without reopening it per lookup.
     */
    private volatile java.util.Set<String> unseenUrls = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile java.util.Set<String> reopeningUrls = java.util.Set.of();
    /** One reopening at a time, so that the URL sets above hand over in order. */
    private final Object reopenLock = new Object();
    private final TotalsCache totalsCache = new TotalsCache();
    private final SegmentSums segmentSums;
    /** The heap {@link SegmentSums} may hold by default: the sums of some hundred trends over a large archive. */
    public static final long TREND_CACHE_BYTES = 64L << 20;
    /** Only this process writes its folder (Lucene's lock), so its own changes keep the polls current. */
    private final StoredPolls storedPolls = new StoredPolls(this::loadPolls, () -> 0);

    /** Opens (or creates) the index in a folder, rebuilding it first if it was written with another schema. */
    public LuceneNewsIndex(Path folder) {
        this(folder, TREND_CACHE_BYTES);
    }

    /**
     * @param trendCacheBytes the heap that trend and facet sums of unchanged segments may hold ({@link SegmentSums});
     *        0 sums every trend and search afresh
     */
    public LuceneNewsIndex(Path folder, long trendCacheBytes) {
        this(folder, SCHEMA_VERSION, trendCacheBytes);
    }

    /** Opens the index as if the current schema were {@code schema}; tests use it to write "old" indexes. */
    static LuceneNewsIndex withSchema(Path folder, int schema) {
        return new LuceneNewsIndex(folder, schema, TREND_CACHE_BYTES);
    }

    private LuceneNewsIndex(Path folder, int schema, long trendCacheBytes) {
        segmentSums = new SegmentSums(trendCacheBytes);
        try {
            SchemaUpgrade.rebuildIfOlder(folder, schema, analyzer);
            directory = FSDirectory.open(folder);
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setCodec(new LookupCodec())
                    // Fewer, larger flushed segments in an import: each segment costs every lookup while adding a
                    // seek per MinHash band, and merges rewrite the small ones again and again.
                    .setRAMBufferSizeMB(INDEXING_BUFFER_MB)
                    .setMergePolicy(mergePolicy())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            writer.setLiveCommitData(Map.of(Fields.SCHEMA_KEY, Integer.toString(schema)).entrySet());
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            searchThreads = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "barometer-search");
                t.setDaemon(true);
                return t;
            });
            searchers = new SearcherManager(writer, new org.apache.lucene.search.SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
                        org.apache.lucene.index.IndexReader previous) {
                    return new IndexSearcher(reader, searchThreads) {
                        // As many slices as threads, of about equal size: each slice gets its own collector, and
                        // merging Lucene's default many small slices' per-day sums cost a fifth of a trend.
                        @Override
                        protected LeafSlice[] slices(List<org.apache.lucene.index.LeafReaderContext> leaves) {
                            long docs = 0;
                            for (var leaf : leaves) {
                                docs += leaf.reader().maxDoc();
                            }
                            int perSlice = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (docs + threads - 1) / threads));
                            return slices(leaves, perSlice, Integer.MAX_VALUE, false);
                        }
                    };
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + folder, e);
        }
    }

    /**
     * Lucene's tiered merges, with segments of at most {@link #MAX_SEGMENT_MB}: a query's segments are summed in
     * parallel, one thread per core, and one segment of more than half the index (at a million articles the
     * default 5 GB cap let one hold 57%) kept a core idle for the rest; a merge rewrites less, and fewer kept
     * trend sums go with it.
     */
    private static org.apache.lucene.index.MergePolicy mergePolicy() {
        var tiered = new org.apache.lucene.index.TieredMergePolicy();
        tiered.setMaxMergedSegmentMB(MAX_SEGMENT_MB);
        return tiered;
    }

    @Override
    public void add(AnalysedArticle analysed) {
        String url = analysed.article().url();
        StoryAssignment.Assigned story = stories.assign(url, analysed.article().text());
        write(analysed, story.story(), story.signature());
    }

    @Override
    public void restore(StoredArticle stored) {
        write(stored.analysed(), stored.story(), MinHash.of(stored.analysed().article().text()));
    }

    /**
     * Stores an article's block and keeps {@link Fields#STORY_SINGLE} true only of stories with one article: an
     * article that joins another's story marks that first article shared (a doc-values update in place). Writes to
     * one story hold one lock, so that a first article written again cannot miss a copy written meanwhile.
     */
    private void write(AnalysedArticle analysed, String story, Optional<int[]> signature) {
        String url = analysed.article().url();
        boolean own = story.equals(url);
        try {
            synchronized (storyLocks[Math.floorMod(story.hashCode(), storyLocks.length)]) {
                boolean single = own && !sharedStories.contains(story) && !hasCopies(url);
                writer.updateDocuments(new Term(Fields.URL, url),
                        ArticleDocuments.block(analysed, story, signature, single, analyzer));
                if (!own && sharedStories.add(story)) {
                    // The URL term also names the first article's sentences; they get the 0 too, unread.
                    writer.updateNumericDocValue(new Term(Fields.URL, story), Fields.STORY_SINGLE, 0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + url, e);
        }
        // After the write: a reopening that starts later sees it, one that started earlier keeps it in this set.
        unseenUrls.add(url);
        changed.set(true);
        if (unseenAdds.incrementAndGet() >= MAX_UNSEEN_URLS) {
            // Writes without lookups (a reindex's restores) reopen nowhere else: this bounds the memory of URLs.
            try {
                reopen();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reopen the index", e);
            }
        }
    }

    /**
     * Whether other articles are in the story this URL started, as the index showed at its last refresh: copies
     * written since this index was opened are in {@link #sharedStories} already.
     */
    private boolean hasCopies(String url) {
        Query copies = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.STORY, url)), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.URL, url)), Occur.MUST_NOT)
                .build();
        return withSearcher(s -> s.count(copies) > 0, false);
    }

    @Override
    public long exportStored(java.util.function.Consumer<StoredArticle> sink) {
        return withSearcher(searcher -> {
            StoredFields stored = searcher.storedFields();
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            return forEachMatch(searcher, kind(Fields.ARTICLE), doc -> {
                Document d = stored.document(doc);
                Article article = ArticleDocuments.article(d);
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                var pending = leaf.reader().getNumericDocValues(Fields.PENDING);
                boolean isPending = pending != null && pending.advanceExact(doc - leaf.docBase);
                List<TaggedSentence> sentences = SchemaUpgrade.sentencesOf(searcher, article.url(), MAX_SENTENCES_PER_ARTICLE);
                sink.accept(new StoredArticle(new AnalysedArticle(article, sentences, isPending), d.get(Fields.STORY)));
            });
        });
    }

    /** Stored articles that share a MinHash band with a signature: the near-duplicate candidates of a story. */
    private List<StoryAssignment.Candidate> sharingBands(int[] signature, int limit) {
        List<String> bands = MinHash.bands(signature);
        return withRecentSearcher(s -> {
            StoredFields stored = s.storedFields();
            List<StoryAssignment.Candidate> out = new ArrayList<>();
            for (int doc : SharedBands.best(s.getIndexReader(), bands, limit)) {
                Document d = stored.document(doc);
                IndexableField theirs = d.getField(Fields.SIM_HASH);
                BytesRef bytes = theirs == null ? null : theirs.binaryValue();
                out.add(new StoryAssignment.Candidate(d.get(Fields.URL), d.get(Fields.STORY),
                        bytes == null ? null : MinHash.fromBytes(bytes.bytes, bytes.offset)));
            }
            return out;
        });
    }

    /**
     * Exact without reopening the reader (asked for every record of an import and every link of a crawl: reopened
     * per lookup, it flushed a segment per article and held an import to about 140 records a second): an article
     * written since the last reopening is in memory, older ones are in the searcher. No article is ever deleted, so
     * a searcher that is behind can only miss what the memory holds.
     */
    @Override
    public boolean contains(String url) {
        // In this order: a URL leaves unseenUrls for reopeningUrls, and leaves that once the new searcher is in.
        if (unseenUrls.contains(url) || reopeningUrls.contains(url)) {
            return true;
        }
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.URL, url)), Occur.FILTER)
                .add(kind(Fields.ARTICLE), Occur.FILTER)
                .build();
        return withRecentSearcher(s -> s.count(q) > 0);
    }

    @Override
    public Optional<List<TaggedSentence>> sentencesOf(String contentHash) {
        Query article = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.CONTENT_HASH, contentHash)), Occur.FILTER)
                .add(kind(Fields.ARTICLE), Occur.FILTER)
                .add(new TermQuery(new Term(Fields.PENDING, "1")), Occur.MUST_NOT)
                .build();
        // Asked before every article is stored: a reader reopened for each would flush a segment per article and
        // halve the ingest rate. A copy stored within a refresh of its original is tagged again, to the same tags.
        return withRecentSearcher(s -> {
            TopDocs top = s.search(article, 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            String url = s.storedFields().document(top.scoreDocs[0].doc).get(Fields.URL);
            return Optional.of(SchemaUpgrade.sentencesOf(s, url, MAX_SENTENCES_PER_ARTICLE));
        });
    }

    @Override
    public List<Article> untagged(int limit, java.util.Set<String> except, barometer.indexer.TaggingShare share) {
        Query pending = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.PENDING, "1")), Occur.FILTER)
                .add(kind(Fields.ARTICLE), Occur.FILTER)
                .build();
        if (share.equals(barometer.indexer.TaggingShare.ALL)) {
            return withSearcher(s -> {
                List<Article> out = new ArrayList<>();
                StoredFields stored = s.storedFields();
                TopDocs top = s.search(pending, Math.max(1, limit + except.size()));
                for (ScoreDoc sd : top.scoreDocs) {
                    Article a = ArticleDocuments.article(stored.document(sd.doc));
                    if (!except.contains(a.url()) && out.size() < limit) {
                        out.add(a);
                    }
                }
                return List.copyOf(out);
            });
        }
        // A part of the queue (one index is not shared by processes, but the contract holds): the slot is a hash of
        // the URL, so the pending articles are read a page at a time, in index order, until enough are in the part.
        return withSearcher(s -> {
            List<Article> out = new ArrayList<>();
            StoredFields stored = s.storedFields();
            ScoreDoc after = null;
            while (out.size() < limit) {
                TopDocs page = s.searchAfter(after, pending, EXPORT_PAGE, Sort.INDEXORDER, false);
                for (ScoreDoc sd : page.scoreDocs) {
                    String url = stored.document(sd.doc, java.util.Set.of(Fields.URL)).get(Fields.URL);
                    if (out.size() < limit && share.holds(url) && !except.contains(url)) {
                        out.add(ArticleDocuments.article(stored.document(sd.doc)));
                    }
                }
                if (page.scoreDocs.length < EXPORT_PAGE) {
                    break;
                }
                after = page.scoreDocs[page.scoreDocs.length - 1];
            }
            return List.copyOf(out);
        });
    }

    @Override
    public List<String> sentenceTexts(String query, int limit) {
        Query q = sentences(TrendQuery.of(query, null, null, null, null));
        return withSearcher(s -> {
            StoredFields stored = s.storedFields();
            List<String> out = new ArrayList<>();
            for (ScoreDoc sd : s.search(q, Math.max(1, limit)).scoreDocs) {
                out.add(stored.document(sd.doc, java.util.Set.of(Fields.TEXT)).get(Fields.TEXT));
            }
            return List.copyOf(out);
        });
    }

    @Override
    public long untaggedCount() {
        Query pending = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.PENDING, "1")), Occur.FILTER)
                .add(kind(Fields.ARTICLE), Occur.FILTER)
                .build();
        return withSearcher(s -> (long) s.count(pending));
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
        return withSearcher(s -> (long) s.count(kind(Fields.ARTICLE)));
    }

    @Override
    public long version() {
        return withSearcher(s -> ((DirectoryReader) s.getIndexReader()).getVersion());
    }

    // ---- search

    @Override
    public SearchPage search(SearchRequest request) {
        Query query = articles(request.query(), request.from(), request.to(), ZoneOffset.UTC, request.sources(),
                request.topics(), request.tone());
        Sort sort = sort(request.sort());
        return withSearcher(searcher -> {
            // The facets visit every match anyway: they count them too, instead of a pass of its own.
            FacetCollector.Facets facets = segmentSums.sum(searcher, query, FacetCollector.class,
                    FacetCollector.manager());
            int total = Math.toIntExact(facets.matches());
            ScoreDoc[] shown;
            boolean more;
            if (request.cursor() != null) {
                FieldDoc after = SearchCursor.decode(request.sort(), request.cursor(),
                        Math.max(0, searcher.getIndexReader().maxDoc() - 1));
                TopFieldDocs top = searcher.searchAfter(after, query, request.pageSize() + 1, sort, false);
                more = top.scoreDocs.length > request.pageSize();
                shown = Arrays.copyOf(top.scoreDocs, Math.min(top.scoreDocs.length, request.pageSize()));
            } else {
                int end = request.page() * request.pageSize();
                TopFieldDocs top = searcher.search(query, end + 1, sort, false);
                more = top.scoreDocs.length > end;
                int from = Math.min(top.scoreDocs.length, end - request.pageSize());
                shown = Arrays.copyOfRange(top.scoreDocs, from, Math.min(end, top.scoreDocs.length));
            }
            String[] snippets = highlight(searcher, query, new TopDocs(new org.apache.lucene.search.TotalHits(
                    total, org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), shown));
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>(shown.length);
            for (int i = 0; i < shown.length; i++) {
                hits.add(hit(stored.document(shown[i].doc), snippets[i]));
            }
            String next = more && shown.length > 0
                    ? SearchCursor.encode(request.sort(), (FieldDoc) shown[shown.length - 1]) : null;
            return new SearchPage(total, facets.stories(), request.cursor() == null ? request.page() : 1,
                    request.pageSize(), hits, facets.counts(), next);
        });
    }

    /** Matches read per page of an export: enough to amortise a page's search, few enough to hold. */
    private static final int EXPORT_PAGE = 1_000;

    @Override
    public long exportArticles(SearchRequest request, boolean withText, java.util.function.Consumer<ExportedArticle> sink) {
        Query query = articles(request.query(), request.from(), request.to(), ZoneOffset.UTC, request.sources(),
                request.topics(), request.tone());
        return withSearcher(searcher -> {
            StoredFields stored = searcher.storedFields();
            return forEachMatch(searcher, query, doc -> sink.accept(exported(stored.document(doc), withText)));
        });
    }

    /** What an export does with one matching document (its searcher-wide id). */
    private interface MatchSink {
        void accept(int doc) throws IOException;
    }

    /** Every match of the query, in index order, a page at a time; returns how many. */
    private static long forEachMatch(IndexSearcher searcher, Query query, MatchSink sink) throws IOException {
        long sent = 0;
        ScoreDoc after = null;
        while (true) {
            TopDocs page = after == null ? searcher.search(query, EXPORT_PAGE, Sort.INDEXORDER, false)
                    : searcher.searchAfter(after, query, EXPORT_PAGE, Sort.INDEXORDER, false);
            for (ScoreDoc sd : page.scoreDocs) {
                sink.accept(sd.doc);
                sent++;
            }
            if (page.scoreDocs.length < EXPORT_PAGE) {
                return sent;
            }
            after = page.scoreDocs[page.scoreDocs.length - 1];
        }
    }

    @Override
    public Map<String, Map<LocalDate, Long>> articlesPerDay(LocalDate from, LocalDate to) {
        Query all = articles("", from, to, ZoneOffset.UTC, List.of(), List.of(), null);
        return withSearcher(s -> {
            TrendAccumulator perDay = s.search(all, TrendCollector.manager(Interval.DAY, ZoneOffset.UTC, true,
                    ToneScale.CLASS));
            Map<String, Map<LocalDate, Long>> out = new java.util.TreeMap<>();
            perDay.perSource().forEach((source, buckets) -> {
                Map<LocalDate, Long> days = new java.util.TreeMap<>();
                buckets.forEach((day, stats) -> days.put(day, stats.count()));
                out.put(source, java.util.Collections.unmodifiableMap(days));
            });
            return java.util.Collections.unmodifiableMap(out);
        });
    }

    @Override
    public long countArticles(SearchRequest request) {
        Query query = articles(request.query(), request.from(), request.to(), ZoneOffset.UTC, request.sources(),
                request.topics(), request.tone());
        return withSearcher(searcher -> (long) searcher.count(query));
    }

    private static ExportedArticle exported(Document doc, boolean withText) {
        IndexableField published = doc.getField(Fields.PUBLISHED);
        IndexableField sentiment = doc.getField(Fields.SENTIMENT);
        IndexableField[] shares = doc.getFields(Fields.TONE_SHARES);
        Double mean = sentiment == null ? null : sentiment.numericValue().doubleValue();
        ToneClass tone = mean == null ? null : ToneClass.ofMean(mean);
        return new ExportedArticle(doc.get(Fields.URL), doc.get(Fields.TITLE), doc.get(Fields.SOURCE),
                published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue()),
                List.of(doc.getValues(Fields.AUTHORS)), doc.get(Fields.LANGUAGE), doc.get(Fields.STORY), mean,
                tone == null ? null : tone.label(), share(shares, 0), share(shares, 1), share(shares, 2),
                withText ? doc.get(Fields.BODY) : null);
    }

    private static Sort sort(SearchSort sort) {
        SortField url = new SortField(Fields.URL, SortField.Type.STRING);
        if (sort == SearchSort.DATE) {
            SortField published = new SortField(Fields.PUBLISHED, SortField.Type.LONG, true);
            published.setMissingValue(Long.MIN_VALUE);
            return new Sort(published, url);
        }
        return new Sort(SortField.FIELD_SCORE, url);
    }

    private String[] highlight(IndexSearcher searcher, Query query, TopDocs docs) throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .build();
        return highlighter.highlight(Fields.BODY, query, docs, 2);
    }

    private static SearchHit hit(Document doc, String snippet) {
        IndexableField published = doc.getField(Fields.PUBLISHED);
        IndexableField sentiment = doc.getField(Fields.SENTIMENT);
        IndexableField[] shares = doc.getFields(Fields.TONE_SHARES);
        if (snippet == null || snippet.isBlank()) {
            snippet = Snippets.lead(doc.get(Fields.BODY));
        }
        Double mean = sentiment == null ? null : sentiment.numericValue().doubleValue();
        ToneClass tone = mean == null ? null : ToneClass.ofMean(mean);
        return new SearchHit(doc.get(Fields.URL), doc.get(Fields.TITLE), doc.get(Fields.SOURCE),
                published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue()),
                mean, tone == null ? null : tone.label(),
                share(shares, 0), share(shares, 1), share(shares, 2),
                snippet.replaceAll("\\s+", " ").strip(), List.of(doc.getValues(Fields.AUTHORS)),
                doc.get(Fields.LANGUAGE));
    }

    private static Double share(IndexableField[] shares, int i) {
        return shares.length == 3 ? shares[i].numericValue().doubleValue() : null;
    }

    // ---- trends

    @Override
    public TrendSeries trend(TrendQuery trend) {
        TrendAssembly.checkLength(trend);
        Query matching = articles(trend.query(), trend.from(), trend.to(), trend.zone(), List.of(), List.of(), null);
        Query all = articles("", trend.from(), trend.to(), trend.zone(), List.of(), List.of(), null);
        Query sentences = trend.scope() == ToneScope.ARTICLES ? null : sentences(trend);
        var manager = TrendCollector.manager(trend.interval(), trend.zone(), trend.bySource(), trend.scale());
        var toneManager = trend.scope() == ToneScope.MENTIONS
                ? MentionToneCollector.manager(trend.interval(), trend.zone(), trend.bySource(),
                        QueryTerms.of(sentences, Fields.TEXT), trend.scale(), articleBlocks)
                : TrendCollector.manager(trend.interval(), trend.zone(), trend.bySource(), trend.scale(), articleBlocks);
        return withSearcher(s -> {
            BucketSeries articles = segmentSums.sum(s, matching, measure(ToneScope.ARTICLES, trend, trend.scale()),
                    manager).series();
            BucketSeries totals = totalsCache.of(((DirectoryReader) s.getIndexReader()).getVersion(), trend,
                    () -> segmentSums.sum(s, all, measure(ToneScope.ARTICLES, trend, ToneScale.CLASS),
                            TrendCollector.manager(trend.interval(), trend.zone(), trend.bySource(), ToneScale.CLASS))
                            .series());
            BucketSeries tone = sentences == null ? null
                    : segmentSums.sum(s, sentences, measure(trend.scope(), trend, trend.scale()), toneManager)
                            .series();
            return TrendAssembly.series(trend, articles, totals, tone);
        });
    }

    /**
     * What makes two trends' per-segment sums alike besides the query (a key of {@link SegmentSums}): what is summed
     * (articles, sentences or mentions), how it is bucketed, and the tone scale.
     */
    private static List<Object> measure(ToneScope summed, TrendQuery trend, ToneScale scale) {
        return List.of(summed, trend.interval(), trend.zone(), trend.bySource(), scale);
    }

    /** What the kept per-segment trend and facet sums hold and how often they answered. */
    public KeptSums keptSums() {
        return segmentSums.use();
    }

    @Override
    public List<SentenceHit> sentences(String query, LocalDate from, LocalDate to, ZoneId zone, int limit) {
        Query q = sentences(TrendQuery.of(query, from, to, null, zone));
        QueryTerms terms = QueryTerms.of(q, Fields.TEXT);
        SortField published = new SortField(Fields.PUBLISHED, SortField.Type.LONG);
        return withSearcher(s -> {
            TopFieldDocs top = s.search(q, Math.max(1, limit), new Sort(published), false);
            StoredFields stored = s.storedFields();
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            Map<String, String> titles = new HashMap<>();
            List<SentenceHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = stored.document(sd.doc);
                String url = d.get(Fields.URL);
                String title = titles.computeIfAbsent(url, u -> titleOf(s, u));
                hits.add(sentenceHit(d, title, leaves, sd.doc, terms));
            }
            return List.copyOf(hits);
        });
    }

    @Override
    public long exportSentences(String query, LocalDate from, LocalDate to, ZoneId zone,
                                java.util.function.Consumer<SentenceHit> sink) {
        Query q = sentences(TrendQuery.of(query, from, to, null, zone));
        QueryTerms terms = QueryTerms.of(q, Fields.TEXT);
        return withSearcher(s -> {
            StoredFields stored = s.storedFields();
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            // An article's sentences come together in index order: its title is looked up once, and only the last
            // one is kept, so memory stays flat.
            String[] last = {null, null};
            return forEachMatch(s, q, doc -> {
                Document d = stored.document(doc);
                String url = d.get(Fields.URL);
                if (!url.equals(last[0])) {
                    last[0] = url;
                    last[1] = titleOf(s, url);
                }
                sink.accept(sentenceHit(d, last[1], leaves, doc, terms));
            });
        });
    }

    /** A stored sentence document as evidence: its text and class, its article, the tone toward the query's words. */
    private static SentenceHit sentenceHit(Document d, String title, List<LeafReaderContext> leaves, int doc,
            QueryTerms terms) throws IOException {
        IndexableField when = d.getField(Fields.PUBLISHED);
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        IndexableField label = d.getField(Fields.SENTIMENT);
        return new SentenceHit(d.get(Fields.TEXT),
                label == null ? TaggedSentence.UNTAGGED : label.numericValue().intValue(),
                d.get(Fields.URL), title, d.get(Fields.SOURCE),
                when == null ? null : Instant.ofEpochMilli(when.numericValue().longValue()),
                MentionToneCollector.tonesAt(leaf, doc - leaf.docBase, terms));
    }

    private static String titleOf(IndexSearcher s, String url) {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.URL, url)), Occur.FILTER)
                .add(kind(Fields.ARTICLE), Occur.FILTER)
                .build();
        try {
            TopDocs top = s.search(q, 1);
            return top.scoreDocs.length == 0 ? "" : s.storedFields().document(top.scoreDocs[0].doc).get(Fields.TITLE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index", e);
        }
    }

    /** The tagged sentences that match the query, in the range: the evidence behind sentence-scoped tone. */
    private Query sentences(TrendQuery trend) {
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(kind(Fields.SENTENCE), Occur.FILTER);
        q.add(trend.query().isEmpty() ? new MatchAllDocsQuery() : parse(trend.query(), Fields.TEXT), Occur.MUST);
        Query range = range(trend.from(), trend.to(), trend.zone());
        if (range != null) {
            q.add(range, Occur.FILTER);
        }
        return q.build();
    }

    // ---- queries

    private static Query kind(String kind) {
        return new TermQuery(new Term(Fields.KIND, kind));
    }

    /** Articles matching a user query and the filters; the day range is taken in the given zone. */
    private Query articles(String userQuery, LocalDate from, LocalDate to, ZoneId zone, List<String> sources,
                           List<String> topics, ToneClass tone) {
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(kind(Fields.ARTICLE), Occur.FILTER);
        q.add(userQuery.isEmpty() ? new MatchAllDocsQuery() : parse(userQuery, null), Occur.MUST);
        Query range = range(from, to, zone);
        if (range != null) {
            q.add(range, Occur.FILTER);
        }
        anyOf(q, Fields.SOURCE, sources);
        anyOf(q, Fields.TOPIC, topics);
        if (tone != null) {
            q.add(new TermQuery(new Term(Fields.TONE_CLASS, tone.label())), Occur.FILTER);
        }
        return q.build();
    }

    private static void anyOf(BooleanQuery.Builder q, String field, List<String> values) {
        if (!values.isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            values.forEach(v -> any.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
            q.add(any.build(), Occur.FILTER);
        }
    }

    private static Query range(LocalDate from, LocalDate to, ZoneId zone) {
        if (from == null && to == null) {
            return null;
        }
        long lower = from == null ? Long.MIN_VALUE : from.atStartOfDay(zone).toInstant().toEpochMilli();
        long upper = to == null ? Long.MAX_VALUE : to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
        return new PublishedRange(lower, upper);
    }

    /** Parses a user query over title and body, or over one field (sentences) when {@code field} is set. */
    private Query parse(String userQuery, String field) {
        return field == null ? UserQueries.overArticles(userQuery, analyzer) : UserQueries.over(field, userQuery, analyzer);
    }

    private static InvalidQueryException tooManyTerms() {
        return UserQueries.tooManyTerms();
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        return withSearcher(work, true);
    }

    /**
     * For lookups made while adding (near-duplicates, copies' tags): reopening the reader after every article would
     * make bulk indexing crawl, so it is refreshed at most every {@link #ADD_REFRESH_NANOS}, and while articles
     * arrive faster than {@link #BULK_ADDS_PER_SECOND} (an import) only every {@link #BULK_REFRESH_ADDS}: each
     * reopening flushes a segment, and a segment a second at 1,300 articles a second made many small segments that
     * every later lookup visits and merges rewrite. Articles the searcher cannot see yet are in
     * {@link StoryAssignment}'s memory of the last {@link #RECENT_STORIES}; a copy whose original is not yet
     * visible is tagged again (to the same tags).
     */
    private <T> T withRecentSearcher(SearcherWork<T> work) {
        long elapsed = System.nanoTime() - lastAddRefresh.get();
        int unseen = unseenAdds.get();
        boolean refresh = unseen >= BULK_REFRESH_ADDS
                || elapsed > ADD_REFRESH_NANOS && unseen < BULK_ADDS_PER_SECOND * (elapsed / 1e9);
        return withSearcher(work, refresh);
    }

    /** Reopens the searcher on what has been written; the URLs it now sees leave memory. */
    private void reopen() throws IOException {
        synchronized (reopenLock) {
            lastAddRefresh.set(System.nanoTime());
            unseenAdds.set(0);
            reopeningUrls = unseenUrls;
            unseenUrls = java.util.concurrent.ConcurrentHashMap.newKeySet();
            searchers.maybeRefreshBlocking();
            reopeningUrls = java.util.Set.of();
        }
    }

    private <T> T withSearcher(SearcherWork<T> work, boolean refreshIfChanged) {
        try {
            if (refreshIfChanged && changed.getAndSet(false)) {
                reopen();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyTerms();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index", e);
        }
    }

    // ---- polls

    @Override
    public synchronized PollsAdded addPolls(List<Poll> polls) {
        PollMerge change = PollMerge.of(polls(PollFilter.ALL), polls);
        if (!change.changes()) {
            return change.counts();
        }
        try {
            for (String key : change.deleted()) {
                writer.deleteDocuments(new Term(Fields.POLL_KEY, key));
            }
            for (Poll poll : change.written()) {
                writer.updateDocument(new Term(Fields.POLL_KEY, poll.key()), PollDocuments.of(poll));
            }
            changed.set(true);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store polls", e);
        }
        storedPolls.replace(change.all());
        return change.counts();
    }

    @Override
    public List<Poll> polls(PollFilter filter) {
        return storedPolls.matching(filter);
    }

    private List<Poll> loadPolls() {
        return withSearcher(s -> {
            List<Poll> out = new ArrayList<>();
            StoredFields fields = s.storedFields();
            for (ScoreDoc sd : s.search(kind(Fields.POLL), Math.max(1, s.getIndexReader().maxDoc())).scoreDocs) {
                out.add(PollDocuments.poll(fields.document(sd.doc)));
            }
            return out;
        });
    }

    @Override
    public void close() {
        try {
            searchers.close();
            searchThreads.shutdown();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the index", e);
        }
        LOG.debug("index closed");
    }
}
