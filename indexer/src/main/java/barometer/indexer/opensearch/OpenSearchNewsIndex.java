package barometer.indexer.opensearch;

import barometer.crawler.Article;
import barometer.crawler.poll.Poll;
import barometer.indexer.BackendHealth;
import barometer.indexer.ContentHash;
import barometer.indexer.ExportedArticle;
import barometer.indexer.NewsIndex;
import barometer.indexer.PollFilter;
import barometer.indexer.PollsAdded;
import barometer.indexer.SearchHit;
import barometer.indexer.SearchPage;
import barometer.indexer.SearchRequest;
import barometer.indexer.SearchSort;
import barometer.indexer.SentenceHit;
import barometer.indexer.Snippets;
import barometer.indexer.StoredArticle;
import barometer.indexer.TaggingShare;
import barometer.indexer.ToneScale;
import barometer.indexer.ToneScope;
import barometer.indexer.TrendQuery;
import barometer.indexer.TrendSeries;
import barometer.indexer.poll.PollJson;
import barometer.indexer.poll.PollMerge;
import barometer.indexer.poll.StoredPolls;
import barometer.indexer.sentiment.AnalysedArticle;
import barometer.indexer.sentiment.MentionTone;
import barometer.indexer.sentiment.TaggedSentence;
import barometer.indexer.sentiment.ToneClass;
import barometer.indexer.store.UserQueries;
import barometer.indexer.story.MinHash;
import barometer.indexer.story.StoryAssignment;
import barometer.indexer.trend.BucketSeries;
import barometer.indexer.trend.BucketStats;
import barometer.indexer.trend.Interval;
import barometer.indexer.trend.TotalsCache;
import barometer.indexer.trend.TrendAssembly;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.search.Query;

/**
 * The OpenSearch backend of {@link NewsIndex}: articles, sentences, phrase mentions and polls in indices of a
 * cluster ({@link IndexLayout}), through the opensearch-java client.
 *
 * <p>Queries are parsed by the same Lucene query parser and English analysis as the embedded index and translated
 * to the DSL ({@link QueryTranslation}); facets, trends and tone are aggregations: a {@code date_histogram} with
 * {@code extended_stats} of the tone (count, sum, sum of squares), {@code cardinality} of stories, and a scripted
 * metric for the sums per article that the clustered tone interval needs (an article's sentences and mentions are
 * routed to one shard, so each shard sums whole articles). Tone toward the query's words reads the mentions index:
 * one document per phrase with its tone, counted when the sentence matches the query and the phrase holds one of
 * its words: what the embedded index reads from the term frequencies of its phrase words (in a crowded sentence,
 * from the payloads at the matched positions).
 *
 * <p>Additions are sent in bulk, at the latest when something is read or committed, and made visible before
 * each read (so searches see them at once, as with the embedded index); {@link #commit()} returns once the cluster
 * has acknowledged them, which with its default translog means they survive a crash.
 */
public final class OpenSearchNewsIndex implements NewsIndex {
    private static final ObjectMapper JSON = ClusterConnection.json();
    private static final int BULK_ARTICLES = 200;
    private static final int PAGE = 1_000;
    private static final int MAX_SENTENCES_PER_ARTICLE = 10_000;
    private static final int FACET_SIZE = 10_000;
    private static final long VERSION_CACHE_NANOS = 500_000_000L;
    /**
     * Distinct stories are counted exactly up to this many over a search's matches (HyperLogLog++ beyond it, within
     * about 1%), and up to {@link #BUCKET_STORY_PRECISION} per trend bucket: each bucket holds its own counter of
     * about 8 bytes per story up to the threshold, and five years of days at the search's threshold would need a
     * gigabyte.
     */
    private static final int STORY_PRECISION = 40_000;
    private static final int BUCKET_STORY_PRECISION = 3_000;

    private final ClusterConnection cluster;
    private final IndexLayout layout;
    private final Analyzer analyzer = new EnglishAnalyzer();
    /** Candidates come per batch ({@link #candidatesOf}), never one search per article. */
    private final StoryAssignment stories = new StoryAssignment(10_000, (sig, limit) -> List.of());
    private final TotalsCache totalsCache = new TotalsCache();
    private final Object writes = new Object();
    private final StringBuilder bulk = new StringBuilder();
    /**
     * Articles in {@link #bulk} not yet sent: their sentence and mention counts, then the most an earlier version in
     * this batch had, so that a shorter version replaces them whole.
     */
    private final Map<String, Waiting> unsent = new LinkedHashMap<>();
    /** Sent but not yet refreshed: reads refresh first. */
    private boolean unrefreshed;
    private long localWrites;
    private long versionWrites = -1;
    private long versionAt;
    private long version;
    /** Read again when the cluster's version moved: another process may have added polls. */
    private final StoredPolls storedPolls = new StoredPolls(this::loadPolls, this::version);

    /** Connects, and creates the indices that do not exist yet. */
    public OpenSearchNewsIndex(ClusterSettings settings) {
        this.cluster = new ClusterConnection(settings);
        this.layout = new IndexLayout(settings);
        layout.create(cluster);
    }

    // ---- writing

    @Override
    public void add(AnalysedArticle analysed) {
        buffer(analysed, null);
    }

    @Override
    public void restore(StoredArticle stored) {
        buffer(stored.analysed(), stored.story());
    }

    /**
     * An article waiting in the batch: its latest version, the story it must keep (restored) or null (assigned when
     * the batch is sent), and the most sentences an earlier version in this batch had.
     */
    private record Waiting(AnalysedArticle analysed, String story, int earlierSentences) {
        int sentences() {
            return analysed.sentences().size();
        }
    }

    private void buffer(AnalysedArticle analysed, String story) {
        String url = analysed.article().url();
        synchronized (writes) {
            Waiting earlier = unsent.remove(url);
            unsent.put(url, new Waiting(analysed, story,
                    earlier == null ? 0 : Math.max(earlier.sentences(), earlier.earlierSentences())));
            if (unsent.size() >= BULK_ARTICLES) {
                send();
            }
        }
    }

    /**
     * Writes the batch into the bulk request: stories first (the near-duplicate candidates of every article that needs
     * one, found in one multi-search), then each article's documents in the order they were added.
     */
    private void writeBatch() {
        Map<String, List<StoryAssignment.Candidate>> candidates = candidatesOf(unsent.values().stream()
                .filter(w -> w.story() == null).map(Waiting::analysed).toList());
        Map<String, Integer> stored = storedCounts();
        for (Waiting w : unsent.values()) {
            Article article = w.analysed().article();
            StoryAssignment.Assigned story = w.story() != null
                    ? new StoryAssignment.Assigned(w.story(), MinHash.of(article.text()))
                    : stories.assign(article.url(), article.text(),
                            (sig, limit) -> candidates.getOrDefault(article.url(), List.of()));
            String id = id(article.url());
            List<TaggedSentence> sentences = w.analysed().sentences();
            for (int i = 0; i < sentences.size(); i++) {
                write(layout.sentences, id + "-" + i, id, sentenceDoc(article, id, i, sentences.get(i)));
            }
            write(layout.articles, id, null, articleDoc(w.analysed(), story, sentences.size()));
            // A shorter new version leaves none of the stored version's or an earlier batch version's sentences behind.
            int before = stored.getOrDefault(id, 0);
            for (int i = sentences.size(); i < Math.max(before, w.earlierSentences()); i++) {
                delete(layout.sentences, id + "-" + i, id);
            }
        }
    }

    /** The stored versions' sentence counts of the batch's articles, in one realtime multi-get. */
    private Map<String, Integer> storedCounts() {
        ObjectNode ids = JSON.createObjectNode();
        ArrayNode list = ids.putArray("ids");
        unsent.keySet().forEach(url -> list.add(id(url)));
        Map<String, Integer> stored = new HashMap<>();
        for (JsonNode doc : cluster.call("POST", "/" + layout.articles + "/_mget?_source_includes=sentence_count", ids)
                .path("docs")) {
            if (doc.path("found").asBoolean()) {
                stored.put(doc.path("_id").asText(), doc.path("_source").path("sentence_count").asInt());
            }
        }
        return stored;
    }

    private void write(String index, String id, String routing, ObjectNode doc) {
        ObjectNode action = JSON.createObjectNode();
        ObjectNode meta = action.putObject("index").put("_index", index).put("_id", id);
        if (routing != null) {
            meta.put("routing", routing);
        }
        bulk.append(action).append('\n').append(doc).append('\n');
    }

    private void delete(String index, String id, String routing) {
        ObjectNode action = JSON.createObjectNode();
        ObjectNode meta = action.putObject("delete").put("_index", index).put("_id", id);
        if (routing != null) {
            meta.put("routing", routing);
        }
        bulk.append(action).append('\n');
    }

    /** Sends what is buffered; the caller holds {@link #writes}. */
    private void send() {
        if (!unsent.isEmpty()) {
            writeBatch();
        }
        if (bulk.isEmpty()) {
            return;
        }
        cluster.bulk(bulk.toString());
        bulk.setLength(0);
        unsent.clear();
        unrefreshed = true;
        localWrites++;
    }

    /** Sends what is buffered and refreshes, so that a read sees every addition. */
    private void visible() {
        synchronized (writes) {
            send();
            if (unrefreshed) {
                cluster.call("POST", "/" + layout.joined() + "/_refresh");
                unrefreshed = false;
            }
        }
    }

    @Override
    public void commit() {
        visible();
    }

    private ObjectNode articleDoc(AnalysedArticle analysed, StoryAssignment.Assigned story, int sentences) {
        Article a = analysed.article();
        ObjectNode d = JSON.createObjectNode();
        d.put("url", a.url()).put("title", a.title()).put("body", a.text()).put("source", a.source());
        if (a.topic() != null && !a.topic().isEmpty()) {
            d.put("topic", a.topic());
        }
        if (a.published() != null) {
            d.put("published", a.published().toEpochMilli());
        }
        a.authors().forEach(d.withArray("authors")::add);
        if (!a.language().isEmpty()) {
            d.put("language", a.language());
        }
        if (!a.leadImage().isEmpty()) {
            d.put("lead_image", a.leadImage());
        }
        if (a.modified() != null) {
            d.put("modified", a.modified().toEpochMilli());
        }
        d.put("content_hash", ContentHash.of(a.text())).put("story", story.story());
        story.signature().ifPresent(sig -> {
            d.put("sim_hash", Base64.getEncoder().encodeToString(MinHash.toBytes(sig)));
            MinHash.bands(sig).forEach(d.withArray("sim_band")::add);
        });
        d.put("pending", analysed.pending()).put("slot", TaggingShare.slot(a.url()));
        double mean = analysed.meanSentiment();
        if (!Double.isNaN(mean)) {
            d.put("sentiment", mean).put("net", ToneScale.NET.value(mean, ToneScope.ARTICLES));
            d.put("tone_class", ToneClass.ofMean(mean).label());
            ArrayNode shares = d.putArray("tone_shares");
            for (ToneClass t : ToneClass.values()) {
                shares.add(analysed.share(t));
            }
        }
        d.put("sentence_count", sentences);
        return d;
    }

    /**
     * A sentence with its phrase tones as nested mentions: each carries its phrase (analysed like the text, to be
     * matched against the query's words), its tone on both scales and its article (for the per-article sums).
     */
    private static ObjectNode sentenceDoc(Article a, String id, int position, TaggedSentence s) {
        ObjectNode d = JSON.createObjectNode();
        d.put("url", a.url()).put("article", id).put("position", position).put("text", s.text());
        d.put("label", s.sentiment());
        if (s.isTagged()) {
            d.put("sentiment", s.sentiment()).put("net", (int) ToneScale.NET.value(s.sentiment(), ToneScope.SENTENCES));
        }
        s.probabilities().forEach(d.withArray("probabilities")::add);
        int seq = 0;
        for (MentionTone m : s.mentions()) {
            double value = m.tone().ordinal() * 2.0;
            d.withArray("mentions").addObject().put("from", m.from()).put("to", m.to()).put("tone", m.tone().name())
                    .put("phrase", s.text().substring(m.from(), m.to())).put("value", (int) value)
                    .put("net", (int) ToneScale.NET.value(value, ToneScope.MENTIONS)).put("article", id)
                    .put("seq", seq++);
        }
        sourceAndDate(d, a);
        return d;
    }

    private static void sourceAndDate(ObjectNode d, Article a) {
        d.put("source", a.source());
        if (a.published() != null) {
            d.put("published", a.published().toEpochMilli());
        }
    }

    /** The document id of an article: a digest of its URL (URLs may be longer than an id may be). */
    static String id(String url) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(url.getBytes(StandardCharsets.UTF_8)), 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stored articles sharing a MinHash band with each of the articles, by URL, in one multi-search: what the cluster
     * shows now (the articles added since its last refresh are the recent ones StoryAssignment remembers itself).
     */
    private Map<String, List<StoryAssignment.Candidate>> candidatesOf(List<AnalysedArticle> articles) {
        StringBuilder searches = new StringBuilder();
        List<String> urls = new ArrayList<>();
        for (AnalysedArticle a : articles) {
            Optional<int[]> sig = MinHash.of(a.article().text());
            if (sig.isEmpty()) {
                continue;
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("size", StoryAssignment.CANDIDATES);
            ArrayNode bands = body.putObject("query").putObject("terms").putArray("sim_band");
            MinHash.bands(sig.get()).forEach(bands::add);
            body.putArray("_source").add("url").add("story").add("sim_hash");
            searches.append(JSON.createObjectNode().put("index", layout.articles)).append('\n').append(body).append('\n');
            urls.add(a.article().url());
        }
        Map<String, List<StoryAssignment.Candidate>> out = new HashMap<>();
        if (urls.isEmpty()) {
            return out;
        }
        JsonNode responses = cluster.ndjson("/_msearch", searches.toString()).path("responses");
        for (int i = 0; i < urls.size(); i++) {
            List<StoryAssignment.Candidate> found = new ArrayList<>();
            for (JsonNode hit : responses.path(i).path("hits").path("hits")) {
                JsonNode src = hit.path("_source");
                int[] theirs = src.hasNonNull("sim_hash")
                        ? MinHash.fromBytes(Base64.getDecoder().decode(src.get("sim_hash").asText()), 0) : null;
                found.add(new StoryAssignment.Candidate(src.path("url").asText(), src.path("story").asText(), theirs));
            }
            out.put(urls.get(i), found);
        }
        return out;
    }

    @Override
    public long exportStored(Consumer<StoredArticle> sink) {
        visible();
        ArrayNode sort = JSON.createArrayNode();
        sort.addObject().put("url", "asc");
        ObjectNode all = matchAll();
        return forEachMatch(layout.articles, all, sort, hits -> {
            Map<String, List<TaggedSentence>> sentences = sentencesOfArticles(hits);
            for (JsonNode hit : hits) {
                JsonNode src = hit.path("_source");
                sink.accept(new StoredArticle(new AnalysedArticle(article(src),
                        sentences.getOrDefault(hit.path("_id").asText(), List.of()), src.path("pending").asBoolean()),
                        src.path("story").asText()));
            }
        });
    }

    /** The sentences of a page of articles, in article order, by article id. */
    private Map<String, List<TaggedSentence>> sentencesOfArticles(JsonNode articleHits) {
        List<String> ids = new ArrayList<>();
        articleHits.forEach(h -> ids.add(h.path("_id").asText()));
        Map<String, List<TaggedSentence>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        ObjectNode query = JSON.createObjectNode();
        ids.forEach(query.putObject("terms").putArray("article")::add);
        ArrayNode sort = JSON.createArrayNode();
        sort.addObject().put("article", "asc");
        sort.addObject().put("position", "asc");
        forEachMatch(layout.sentences, query, sort, hits -> hits.forEach(h -> out.computeIfAbsent(
                h.path("_source").path("article").asText(), k -> new ArrayList<>()).add(taggedSentence(h.path("_source")))));
        return out;
    }

    // ---- simple reads

    @Override
    public boolean contains(String url) {
        synchronized (writes) {
            if (unsent.containsKey(url)) {
                return true;
            }
        }
        return cluster.exists("/" + layout.articles + "/_doc/" + id(url));
    }

    @Override
    public Optional<List<TaggedSentence>> sentencesOf(String contentHash) {
        visible();
        ObjectNode body = JSON.createObjectNode();
        body.put("size", 1);
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.withArray("filter").addObject().putObject("term").put("content_hash", contentHash);
        bool.withArray("filter").addObject().putObject("term").put("pending", false);
        body.putArray("_source").add("url");
        JsonNode hits = search(layout.articles, body).path("hits").path("hits");
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        String url = hits.get(0).path("_source").path("url").asText();
        ObjectNode q = JSON.createObjectNode();
        q.put("size", MAX_SENTENCES_PER_ARTICLE);
        q.putObject("query").putObject("term").put("url", url);
        q.putArray("sort").addObject().put("position", "asc");
        List<TaggedSentence> out = new ArrayList<>();
        for (JsonNode hit : search(layout.sentences, q).path("hits").path("hits")) {
            out.add(taggedSentence(hit.path("_source")));
        }
        return Optional.of(List.copyOf(out));
    }

    private static TaggedSentence taggedSentence(JsonNode src) {
        List<Double> probabilities = new ArrayList<>();
        src.path("probabilities").forEach(p -> probabilities.add(p.asDouble()));
        List<MentionTone> mentions = new ArrayList<>();
        src.path("mentions").forEach(m -> mentions.add(new MentionTone(m.path("from").asInt(), m.path("to").asInt(),
                ToneClass.valueOf(m.path("tone").asText()))));
        return new TaggedSentence(src.path("text").asText(), src.path("label").asInt(TaggedSentence.UNTAGGED),
                probabilities, mentions);
    }

    @Override
    public List<Article> untagged(int limit, Set<String> except, TaggingShare share) {
        visible();
        ObjectNode body = JSON.createObjectNode();
        body.put("size", Math.max(1, limit + except.size()));
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.withArray("filter").addObject().putObject("term").put("pending", true);
        if (!share.equals(TaggingShare.ALL)) {
            ObjectNode either = bool.withArray("filter").addObject().putObject("bool");
            either.withArray("should").addObject().putObject("range").putObject("slot")
                    .put("gte", share.fromSlot()).put("lt", share.toSlot());
            if (share.part() == 0) {
                // Articles stored before the slot field existed belong to the first part.
                either.withArray("should").addObject().putObject("bool").withArray("must_not").addObject()
                        .putObject("exists").put("field", "slot");
            }
            either.put("minimum_should_match", 1);
        }
        body.putArray("sort").addObject().put("url", "asc");
        List<Article> out = new ArrayList<>();
        for (JsonNode hit : search(layout.articles, body).path("hits").path("hits")) {
            Article a = article(hit.path("_source"));
            if (!except.contains(a.url()) && out.size() < limit) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    private static Article article(JsonNode src) {
        List<String> authors = new ArrayList<>();
        src.path("authors").forEach(a -> authors.add(a.asText()));
        return new Article(src.path("url").asText(), src.path("title").asText(), src.path("source").asText(),
                src.hasNonNull("published") ? Instant.ofEpochMilli(src.get("published").asLong()) : null,
                src.path("body").asText(), src.hasNonNull("topic") ? src.get("topic").asText() : null, authors,
                src.hasNonNull("language") ? src.get("language").asText() : null,
                src.hasNonNull("lead_image") ? src.get("lead_image").asText() : null,
                src.hasNonNull("modified") ? Instant.ofEpochMilli(src.get("modified").asLong()) : null);
    }

    @Override
    public List<String> sentenceTexts(String query, int limit) {
        visible();
        ObjectNode body = JSON.createObjectNode();
        body.put("size", Math.max(1, limit));
        body.set("query", sentenceQuery(query, null, null, ZoneOffset.UTC));
        body.putArray("_source").add("text");
        List<String> out = new ArrayList<>();
        for (JsonNode hit : search(layout.sentences, body).path("hits").path("hits")) {
            out.add(hit.path("_source").path("text").asText());
        }
        return List.copyOf(out);
    }

    @Override
    public long untaggedCount() {
        visible();
        ObjectNode body = JSON.createObjectNode();
        body.putObject("query").putObject("term").put("pending", true);
        return cluster.call("POST", "/" + layout.articles + "/_count", body).path("count").asLong();
    }

    @Override
    public long articleCount() {
        visible();
        return cluster.call("GET", "/" + layout.articles + "/_count").path("count").asLong();
    }

    /**
     * The number of writes the cluster's primaries have taken (indexing and deletes, over Barometer's indices): it
     * grows with every change. Read at most every half second, and at once after this process wrote.
     */
    @Override
    public long version() {
        visible();
        synchronized (writes) {
            long now = System.nanoTime();
            if (versionWrites == localWrites && now - versionAt < VERSION_CACHE_NANOS) {
                return version;
            }
            JsonNode stats = cluster.call("GET", "/" + layout.joined() + "/_stats/indexing");
            JsonNode indexing = stats.path("_all").path("primaries").path("indexing");
            version = indexing.path("index_total").asLong() + indexing.path("delete_total").asLong();
            versionWrites = localWrites;
            versionAt = now;
            return version;
        }
    }

    // ---- search

    @Override
    public SearchPage search(SearchRequest request) {
        visible();
        ObjectNode body = JSON.createObjectNode();
        body.set("query", articleQuery(request.query(), request.from(), request.to(), ZoneOffset.UTC,
                request.sources(), request.topics(), request.tone()));
        body.put("track_total_hits", true);
        body.set("sort", sort(request.sort()));
        body.put("size", request.pageSize() + 1);
        if (request.cursor() != null) {
            body.set("search_after", Cursors.decode(request.sort(), request.cursor()));
        } else {
            body.put("from", (request.page() - 1) * request.pageSize());
        }
        body.putObject("_source").putArray("excludes").add("sim_hash").add("sim_band");
        ObjectNode aggs = body.putObject("aggs");
        aggs.putObject("source").putObject("terms").put("field", "source").put("size", FACET_SIZE);
        aggs.putObject("tone").putObject("terms").put("field", "tone_class").put("size", 10);
        aggs.putObject("topic").putObject("terms").put("field", "topic").put("size", FACET_SIZE);
        aggs.putObject("year").putObject("date_histogram").put("field", "published").put("calendar_interval", "year")
                .put("time_zone", "UTC").put("min_doc_count", 1);
        aggs.putObject("stories").putObject("cardinality").put("field", "story").put("precision_threshold", STORY_PRECISION);
        if (!request.query().isEmpty()) {
            ObjectNode highlight = body.putObject("highlight");
            highlight.put("encoder", "html").putArray("pre_tags").add("<mark>");
            highlight.putArray("post_tags").add("</mark>");
            highlight.putObject("fields").putObject("body").put("type", "unified").put("number_of_fragments", 2)
                    .put("boundary_scanner", "sentence").put("fragment_size", 240).put("no_match_size", 0);
            highlight.put("require_field_match", true);
        }
        JsonNode reply = search(layout.articles, body);
        JsonNode hits = reply.path("hits").path("hits");
        boolean more = hits.size() > request.pageSize();
        List<SearchHit> shown = new ArrayList<>();
        JsonNode last = null;
        for (int i = 0; i < Math.min(hits.size(), request.pageSize()); i++) {
            JsonNode hit = hits.get(i);
            shown.add(searchHit(hit));
            last = hit.path("sort");
        }
        JsonNode a = reply.path("aggregations");
        Map<String, Map<String, Long>> facets = Map.of("source", terms(a.path("source")), "tone", terms(a.path("tone")),
                "year", years(a.path("year")), "topic", terms(a.path("topic")));
        String next = more && last != null ? Cursors.encode(request.sort(), last) : null;
        return new SearchPage(reply.path("hits").path("total").path("value").asLong(),
                a.path("stories").path("value").asLong(), request.cursor() == null ? request.page() : 1,
                request.pageSize(), shown, facets, next);
    }

    private static Map<String, Long> terms(JsonNode agg) {
        Map<String, Long> out = new HashMap<>();
        agg.path("buckets").forEach(b -> out.put(b.path("key").asText(), b.path("doc_count").asLong()));
        return Map.copyOf(out);
    }

    private static Map<String, Long> years(JsonNode agg) {
        Map<String, Long> out = new HashMap<>();
        agg.path("buckets").forEach(b -> out.put(Integer.toString(
                Instant.ofEpochMilli(b.path("key").asLong()).atZone(ZoneOffset.UTC).getYear()), b.path("doc_count").asLong()));
        return Map.copyOf(out);
    }

    private static ArrayNode sort(SearchSort sort) {
        ArrayNode out = JSON.createArrayNode();
        if (sort == SearchSort.DATE) {
            out.addObject().putObject("published").put("order", "desc").put("missing", "_last");
        } else {
            out.addObject().put("_score", "desc");
        }
        out.addObject().put("url", "asc");
        return out;
    }

    private static SearchHit searchHit(JsonNode hit) {
        JsonNode src = hit.path("_source");
        JsonNode fragments = hit.path("highlight").path("body");
        String snippet;
        if (fragments.isArray() && !fragments.isEmpty()) {
            List<String> parts = new ArrayList<>();
            fragments.forEach(f -> parts.add(f.asText()));
            snippet = String.join(" … ", parts);
        } else {
            snippet = Snippets.lead(src.path("body").asText());
        }
        Double mean = src.hasNonNull("sentiment") ? src.get("sentiment").asDouble() : null;
        List<String> authors = new ArrayList<>();
        src.path("authors").forEach(x -> authors.add(x.asText()));
        return new SearchHit(src.path("url").asText(), src.path("title").asText(), src.path("source").asText(),
                src.hasNonNull("published") ? Instant.ofEpochMilli(src.get("published").asLong()) : null, mean,
                mean == null ? null : ToneClass.ofMean(mean).label(), share(src, 0), share(src, 1), share(src, 2),
                snippet.replaceAll("\\s+", " ").strip(), authors, src.path("language").asText(""));
    }

    private static Double share(JsonNode src, int i) {
        JsonNode shares = src.path("tone_shares");
        return shares.size() == 3 ? shares.get(i).asDouble() : null;
    }

    @Override
    public long countArticles(SearchRequest request) {
        visible();
        ObjectNode body = JSON.createObjectNode();
        body.set("query", articleQuery(request.query(), request.from(), request.to(), ZoneOffset.UTC,
                request.sources(), request.topics(), request.tone()));
        return cluster.call("POST", "/" + layout.articles + "/_count", body).path("count").asLong();
    }

    @Override
    public long exportArticles(SearchRequest request, boolean withText, Consumer<ExportedArticle> sink) {
        visible();
        ObjectNode query = articleQuery(request.query(), request.from(), request.to(), ZoneOffset.UTC,
                request.sources(), request.topics(), request.tone());
        ArrayNode sort = JSON.createArrayNode();
        sort.addObject().put("url", "asc");
        return forEachMatch(layout.articles, query, sort, hits -> {
            for (JsonNode hit : hits) {
                sink.accept(exported(hit.path("_source"), withText));
            }
        });
    }

    private static ExportedArticle exported(JsonNode src, boolean withText) {
        Double mean = src.hasNonNull("sentiment") ? src.get("sentiment").asDouble() : null;
        List<String> authors = new ArrayList<>();
        src.path("authors").forEach(x -> authors.add(x.asText()));
        return new ExportedArticle(src.path("url").asText(), src.path("title").asText(), src.path("source").asText(),
                src.hasNonNull("published") ? Instant.ofEpochMilli(src.get("published").asLong()) : null, authors,
                src.path("language").asText(""), src.path("story").asText(), mean,
                mean == null ? null : ToneClass.ofMean(mean).label(), share(src, 0), share(src, 1), share(src, 2),
                withText ? src.path("body").asText() : null);
    }

    /**
     * Every match in sort order, a page at a time, from one point in time of the index (what a long export reads
     * does not change under it). Returns how many.
     */
    private long forEachMatch(String index, ObjectNode query, ArrayNode sort, Consumer<JsonNode> page) {
        String pit = cluster.call("POST", "/" + index + "/_search/point_in_time?keep_alive=2m")
                .path("pit_id").asText();
        long sent = 0;
        try {
            JsonNode after = null;
            while (true) {
                ObjectNode body = JSON.createObjectNode();
                body.put("size", PAGE);
                body.set("query", query);
                body.set("sort", sort);
                body.putObject("pit").put("id", pit).put("keep_alive", "2m");
                body.put("track_total_hits", false);
                if (after != null) {
                    body.set("search_after", after);
                }
                JsonNode hits = cluster.call("POST", "/_search", body).path("hits").path("hits");
                page.accept(hits);
                sent += hits.size();
                if (hits.size() < PAGE) {
                    return sent;
                }
                after = hits.get(hits.size() - 1).path("sort");
            }
        } finally {
            ObjectNode close = JSON.createObjectNode();
            close.putArray("pit_id").add(pit);
            cluster.call("DELETE", "/_search/point_in_time", close);
        }
    }

    @Override
    public Map<String, Map<LocalDate, Long>> articlesPerDay(LocalDate from, LocalDate to) {
        visible();
        ObjectNode body = JSON.createObjectNode();
        body.put("size", 0);
        body.set("query", articleQuery("", from, to, ZoneOffset.UTC, List.of(), List.of(), null));
        ObjectNode bySource = body.putObject("aggs").putObject("source");
        bySource.putObject("terms").put("field", "source").put("size", FACET_SIZE);
        bySource.putObject("aggs").putObject("days").set("date_histogram", histogram(Interval.DAY, ZoneOffset.UTC));
        Map<String, Map<LocalDate, Long>> out = new TreeMap<>();
        for (JsonNode b : search(layout.articles, body).path("aggregations").path("source").path("buckets")) {
            Map<LocalDate, Long> days = new TreeMap<>();
            for (JsonNode d : b.path("days").path("buckets")) {
                days.put(day(d, ZoneOffset.UTC), d.path("doc_count").asLong());
            }
            out.put(b.path("key").asText(), java.util.Collections.unmodifiableMap(days));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    // ---- trends

    @Override
    public TrendSeries trend(TrendQuery trend) {
        TrendAssembly.checkLength(trend);
        ObjectNode matching = articleQuery(trend.query(), trend.from(), trend.to(), trend.zone(), List.of(), List.of(), null);
        ObjectNode all = articleQuery("", trend.from(), trend.to(), trend.zone(), List.of(), List.of(), null);
        String articleValue = trend.scale() == ToneScale.CLASS ? "sentiment" : "net";
        ObjectNode toneQuery = null;
        String toneValue = null;
        Extras toneExtras = null;
        if (trend.scope() == ToneScope.SENTENCES) {
            toneQuery = sentenceQuery(trend.query(), trend.from(), trend.to(), trend.zone());
            toneValue = trend.scale() == ToneScale.CLASS ? "sentiment" : "net";
            toneExtras = Extras.CLUSTERS;
        } else if (trend.scope() == ToneScope.MENTIONS) {
            toneQuery = mentionQuery(trend.query(), trend.from(), trend.to(), trend.zone());
            toneValue = trend.scale() == ToneScale.CLASS ? "mentions.value" : "mentions.net";
            toneExtras = Extras.mentions(namedPhrases(trend.query()));
        }
        visible();
        long version = version();
        BucketSeries articles = buckets(layout.articles, matching, trend, articleValue, Extras.ARTICLES);
        BucketSeries totals;
        try {
            totals = totalsCache.of(version, trend, () -> buckets(layout.articles, all, trend, "sentiment", Extras.ARTICLES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        BucketSeries tone = toneQuery == null ? null
                : buckets(layout.sentences, toneQuery, trend, toneValue, toneExtras);
        return TrendAssembly.series(trend, articles, totals, tone);
    }

    /**
     * What a trend's aggregation adds beside the sums: for articles, distinct stories and those stored before their
     * tagging; for sentences, the sums per article (the clustered interval); for mentions the same, over the nested
     * mentions whose phrase holds one of the query's words ({@code phrases}).
     */
    private record Extras(boolean articles, ObjectNode phrases) {
        static final Extras ARTICLES = new Extras(true, null);
        static final Extras CLUSTERS = new Extras(false, null);

        static Extras mentions(ObjectNode phrases) {
            return new Extras(false, phrases);
        }
    }

    private static final String CLUSTER_INIT = "state.m = new HashMap();";
    private static final String CLUSTER_MAP = "if (doc[params.v].size() > 0) { String k = doc[params.a].value; "
            + "double[] a = state.m.get(k); if (a == null) { a = new double[2]; state.m.put(k, a); } "
            + "a[0] += 1; a[1] += doc[params.v].value; }";
    private static final String CLUSTER_COMBINE = "double[] r = new double[4]; for (def a : state.m.values()) { "
            + "r[0] += 1; r[1] += a[1] * a[1]; r[2] += a[0] * a[1]; r[3] += a[0] * a[0]; } return r;";
    private static final String CLUSTER_REDUCE = "double[] r = new double[4]; for (def s : states) { if (s != null) { "
            + "for (int i = 0; i < 4; i++) { r[i] += s[i]; } } } return r;";

    private BucketSeries buckets(String index, ObjectNode query, TrendQuery trend, String valueField, Extras extras) {
        ObjectNode body = JSON.createObjectNode();
        body.put("size", 0);
        body.set("query", query);
        ObjectNode aggs = body.putObject("aggs");
        aggs.set("days", bucketAgg(trend, valueField, extras));
        if (trend.bySource()) {
            ObjectNode bySource = aggs.putObject("by_source");
            bySource.putObject("terms").put("field", "source").put("size", FACET_SIZE);
            bySource.putObject("aggs").set("days", bucketAgg(trend, valueField, extras));
        }
        JsonNode reply = search(index, body).path("aggregations");
        Part overall = part(reply.path("days"), trend.zone(), extras);
        Map<String, Map<LocalDate, BucketStats>> perSource = new HashMap<>();
        Map<String, Map<LocalDate, Integer>> sourceStories = new HashMap<>();
        Map<String, Map<LocalDate, Long>> sourceUntagged = new HashMap<>();
        for (JsonNode b : reply.path("by_source").path("buckets")) {
            Part p = part(b.path("days"), trend.zone(), extras);
            String source = b.path("key").asText();
            perSource.put(source, p.stats());
            if (!p.stories().isEmpty()) {
                sourceStories.put(source, p.stories());
            }
            if (!p.untagged().isEmpty()) {
                sourceUntagged.put(source, p.untagged());
            }
        }
        return new BucketSeries(overall.stats(), perSource, overall.stories(), sourceStories, overall.untagged(),
                sourceUntagged);
    }

    private record Part(Map<LocalDate, BucketStats> stats, Map<LocalDate, Integer> stories, Map<LocalDate, Long> untagged) {
    }

    private ObjectNode bucketAgg(TrendQuery trend, String valueField, Extras extras) {
        ObjectNode agg = JSON.createObjectNode();
        agg.set("date_histogram", histogram(trend.interval(), trend.zone()));
        ObjectNode sub = agg.putObject("aggs");
        if (extras.articles()) {
            sub.putObject("v").putObject("extended_stats").put("field", valueField);
            sub.putObject("stories").putObject("cardinality").put("field", "story")
                    .put("precision_threshold", BUCKET_STORY_PRECISION);
            sub.putObject("untagged").putObject("filter").putObject("term").put("pending", true);
            return agg;
        }
        ObjectNode values = sub;
        String article = "article";
        if (extras.phrases() != null) {
            ObjectNode nested = sub.putObject("m");
            nested.putObject("nested").put("path", "mentions");
            ObjectNode hit = nested.putObject("aggs").putObject("hit");
            hit.set("filter", extras.phrases());
            values = hit.putObject("aggs");
            article = "mentions.article";
        }
        values.putObject("v").putObject("extended_stats").put("field", valueField);
        ObjectNode script = values.putObject("clusters").putObject("scripted_metric");
        script.put("init_script", CLUSTER_INIT).put("map_script", CLUSTER_MAP)
                .put("combine_script", CLUSTER_COMBINE).put("reduce_script", CLUSTER_REDUCE);
        script.putObject("params").put("v", valueField).put("a", article);
        return agg;
    }

    private static Part part(JsonNode histogram, ZoneId zone, Extras extras) {
        Map<LocalDate, BucketStats> stats = new HashMap<>();
        Map<LocalDate, Integer> storyCounts = new HashMap<>();
        Map<LocalDate, Long> untagged = new HashMap<>();
        for (JsonNode bucket : histogram.path("buckets")) {
            LocalDate day = day(bucket, zone);
            JsonNode b = extras.phrases() == null ? bucket : bucket.path("m").path("hit");
            long count = b.path("doc_count").asLong();
            if (count == 0) {
                // Sentences matched but no phrase the query names: no item, as the embedded index counts it.
                continue;
            }
            JsonNode v = b.path("v");
            long scored = v.path("count").asLong();
            double sum = scored == 0 ? 0 : v.path("sum").asDouble();
            double squares = scored == 0 ? 0 : v.path("sum_of_squares").asDouble();
            if (extras.articles()) {
                stats.put(day, new BucketStats(count, scored, sum, squares));
                int s = b.path("stories").path("value").asInt();
                if (s > 0) {
                    storyCounts.put(day, s);
                }
                long u = b.path("untagged").path("doc_count").asLong();
                if (u > 0) {
                    untagged.put(day, u);
                }
            } else {
                JsonNode c = b.path("clusters").path("value");
                stats.put(day, new BucketStats(count, scored, sum, squares, c.path(0).asLong(), c.path(1).asDouble(),
                        c.path(2).asDouble(), c.path(3).asDouble()));
            }
        }
        return new Part(stats, storyCounts, untagged);
    }

    private static ObjectNode histogram(Interval interval, ZoneId zone) {
        ObjectNode h = JSON.createObjectNode();
        h.put("field", "published").put("calendar_interval", interval.name().toLowerCase(java.util.Locale.ROOT))
                .put("time_zone", zoneName(zone)).put("min_doc_count", 1);
        return h;
    }

    private static String zoneName(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    private static LocalDate day(JsonNode bucket, ZoneId zone) {
        return Instant.ofEpochMilli(bucket.path("key").asLong()).atZone(zone).toLocalDate();
    }

    // ---- evidence

    @Override
    public List<SentenceHit> sentences(String query, LocalDate from, LocalDate to, ZoneId zone, int limit) {
        visible();
        ObjectNode body = JSON.createObjectNode();
        body.put("size", Math.max(1, limit));
        body.set("query", evidenceQuery(query, from, to, zone));
        ArrayNode sort = body.putArray("sort");
        sort.addObject().putObject("published").put("order", "asc");
        sort.addObject().put("url", "asc");
        sort.addObject().put("position", "asc");
        return sentenceHits(search(layout.sentences, body).path("hits").path("hits"));
    }

    @Override
    public long exportSentences(String query, LocalDate from, LocalDate to, ZoneId zone, Consumer<SentenceHit> sink) {
        visible();
        ArrayNode sort = JSON.createArrayNode();
        sort.addObject().put("url", "asc");
        sort.addObject().put("position", "asc");
        return forEachMatch(layout.sentences, evidenceQuery(query, from, to, zone), sort,
                hits -> sentenceHits(hits).forEach(sink));
    }

    /** Sentence documents as evidence: their article's title and the tone toward the query's words in each. */
    private List<SentenceHit> sentenceHits(JsonNode hits) {
        Set<String> articles = new LinkedHashSet<>();
        for (JsonNode hit : hits) {
            articles.add(hit.path("_source").path("article").asText());
        }
        Map<String, String> titles = titles(articles);
        List<SentenceHit> out = new ArrayList<>(hits.size());
        for (JsonNode hit : hits) {
            JsonNode src = hit.path("_source");
            out.add(new SentenceHit(src.path("text").asText(), src.path("label").asInt(TaggedSentence.UNTAGGED),
                    src.path("url").asText(), titles.getOrDefault(src.path("article").asText(), ""),
                    src.path("source").asText(),
                    src.hasNonNull("published") ? Instant.ofEpochMilli(src.get("published").asLong()) : null,
                    namedTones(hit)));
        }
        return List.copyOf(out);
    }

    private Map<String, String> titles(Set<String> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        ObjectNode body = JSON.createObjectNode();
        articleIds.forEach(body.putArray("ids")::add);
        Map<String, String> out = new HashMap<>();
        for (JsonNode doc : cluster.call("POST", "/" + layout.articles + "/_mget?_source_includes=title", body).path("docs")) {
            if (doc.path("found").asBoolean()) {
                out.put(doc.path("_id").asText(), doc.path("_source").path("title").asText());
            }
        }
        return out;
    }

    /** The tones of a sentence hit's mentions that the query names, in the sentence's order. */
    private static List<ToneClass> namedTones(JsonNode hit) {
        List<ToneClass> out = new ArrayList<>();
        hit.path("inner_hits").path("named").path("hits").path("hits")
                .forEach(m -> out.add(ToneClass.valueOf(m.path("_source").path("tone").asText())));
        return out;
    }

    // ---- queries

    private ObjectNode articleQuery(String userQuery, LocalDate from, LocalDate to, ZoneId zone, List<String> sources,
                                    List<String> topics, ToneClass tone) {
        ObjectNode bool = JSON.createObjectNode();
        bool.withArray("must").add(userQuery.isEmpty() ? matchAll()
                : QueryTranslation.of(UserQueries.overArticles(userQuery, analyzer)));
        filters(bool, from, to, zone);
        if (!sources.isEmpty()) {
            sources.forEach(bool.withArray("filter").addObject().putObject("terms").putArray("source")::add);
        }
        if (!topics.isEmpty()) {
            topics.forEach(bool.withArray("filter").addObject().putObject("terms").putArray("topic")::add);
        }
        if (tone != null) {
            bool.withArray("filter").addObject().putObject("term").put("tone_class", tone.label());
        }
        return wrap("bool", bool);
    }

    private ObjectNode sentenceQuery(String userQuery, LocalDate from, LocalDate to, ZoneId zone) {
        ObjectNode bool = JSON.createObjectNode();
        bool.withArray("must").add(userQuery.isEmpty() ? matchAll()
                : QueryTranslation.of(UserQueries.over(UserQueries.SENTENCE_FIELD, userQuery, analyzer)));
        filters(bool, from, to, zone);
        return wrap("bool", bool);
    }

    /** Sentences that match the query and hold a mention whose phrase has one of the words it looks for. */
    private ObjectNode mentionQuery(String userQuery, LocalDate from, LocalDate to, ZoneId zone) {
        Query parsed = UserQueries.over(UserQueries.SENTENCE_FIELD, userQuery, analyzer);
        ObjectNode bool = JSON.createObjectNode();
        bool.withArray("must").add(QueryTranslation.of(parsed));
        ObjectNode nested = bool.withArray("filter").addObject().putObject("nested");
        nested.put("path", "mentions").set("query", namedPhrases(userQuery));
        filters(bool, from, to, zone);
        return wrap("bool", bool);
    }

    /** Mentions whose phrase holds one of the words the query looks for (not those it excludes). */
    private ObjectNode namedPhrases(String userQuery) {
        return QueryTranslation.anyWordOf(UserQueries.over(UserQueries.SENTENCE_FIELD, userQuery, analyzer),
                UserQueries.SENTENCE_FIELD, "mentions.phrase");
    }

    /**
     * Sentences that match the query, each with its mentions whose phrase the query names as inner hits, in order:
     * the evidence of tone toward the query's words.
     */
    private ObjectNode evidenceQuery(String userQuery, LocalDate from, LocalDate to, ZoneId zone) {
        ObjectNode query = sentenceQuery(userQuery, from, to, zone);
        if (!userQuery.isBlank()) {
            ObjectNode nested = ((ObjectNode) query.get("bool")).withArray("should").addObject().putObject("nested");
            nested.put("path", "mentions").set("query", namedPhrases(userQuery));
            ObjectNode inner = nested.putObject("inner_hits");
            inner.put("name", "named").put("size", 100);
            inner.putArray("sort").addObject().put("mentions.seq", "asc");
        }
        return query;
    }

    private static void filters(ObjectNode bool, LocalDate from, LocalDate to, ZoneId zone) {
        if (from == null && to == null) {
            return;
        }
        long lower = from == null ? Long.MIN_VALUE : from.atStartOfDay(zone).toInstant().toEpochMilli();
        long upper = to == null ? Long.MAX_VALUE : to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
        ObjectNode range = bool.withArray("filter").addObject().putObject("range").putObject("published");
        if (from != null) {
            range.put("gte", lower);
        }
        if (to != null) {
            range.put("lte", upper);
        }
    }

    private static ObjectNode matchAll() {
        return wrap("match_all", JSON.createObjectNode());
    }

    private static ObjectNode wrap(String kind, ObjectNode body) {
        ObjectNode o = JSON.createObjectNode();
        o.set(kind, body);
        return o;
    }

    private JsonNode search(String index, ObjectNode body) {
        return cluster.call("POST", "/" + index + "/_search", body);
    }

    // ---- polls

    @Override
    public PollsAdded addPolls(List<Poll> polls) {
        synchronized (writes) {
            PollMerge change = PollMerge.of(polls(PollFilter.ALL), polls);
            if (!change.changes()) {
                return change.counts();
            }
            for (String key : change.deleted()) {
                delete(layout.polls, id(key), null);
            }
            for (Poll poll : change.written()) {
                ObjectNode doc = JSON.createObjectNode();
                doc.put("key", poll.key()).put("topic", poll.topic()).put("json", PollJson.write(poll));
                write(layout.polls, id(poll.key()), null, doc);
            }
            visible();
            storedPolls.replace(change.all());
            return change.counts();
        }
    }

    @Override
    public List<Poll> polls(PollFilter filter) {
        return storedPolls.matching(filter);
    }

    private List<Poll> loadPolls() {
        visible();
        List<Poll> out = new ArrayList<>();
        ArrayNode sort = JSON.createArrayNode();
        sort.addObject().put("key", "asc");
        forEachMatch(layout.polls, matchAll(), sort, hits -> hits.forEach(
                h -> out.add(PollJson.read(h.path("_source").path("json").asText()))));
        return out;
    }

    // ---- life

    /** The cluster's health: green, yellow or red, and its nodes' names. */
    @Override
    public BackendHealth health() {
        JsonNode h = cluster.call("GET", "/_cluster/health");
        List<String> nodes = new ArrayList<>();
        cluster.call("GET", "/_nodes/_all/none").path("nodes")
                .forEach(n -> nodes.add(n.path("name").asText()));
        nodes.sort(null);
        return new BackendHealth("opensearch", h.path("status").asText(), nodes);
    }

    /** Bytes the primaries of Barometer's indices take on the cluster's disks (replicas not counted). */
    public long storeBytes() {
        visible();
        return cluster.call("GET", "/" + layout.joined() + "/_stats/store")
                .path("_all").path("primaries").path("store").path("size_in_bytes").asLong();
    }

    /**
     * Heap in use by the cluster's JVMs, each counted once (the local cluster's nodes share one JVM, and report the
     * same figure).
     */
    public long clusterHeapBytes() {
        JsonNode stats = cluster.call("GET", "/_nodes/stats/jvm").path("nodes");
        Map<Long, Long> byProcess = new HashMap<>();
        processIds().forEach((node, pid) -> byProcess.put(pid,
                stats.path(node).path("jvm").path("mem").path("heap_used_in_bytes").asLong()));
        return byProcess.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Resident memory of the cluster's processes, each counted once, read from {@code /proc}: known only for a
     * cluster on this machine (-1 otherwise).
     */
    public long clusterResidentBytes() {
        long total = 0;
        for (long pid : new java.util.HashSet<>(processIds().values())) {
            long rss = residentBytes(pid);
            if (rss < 0) {
                return -1;
            }
            total += rss;
        }
        return total;
    }

    /** Each node's operating-system process id. */
    private Map<String, Long> processIds() {
        Map<String, Long> out = new HashMap<>();
        cluster.call("GET", "/_nodes/process").path("nodes").properties()
                .forEach(e -> out.put(e.getKey(), e.getValue().path("process").path("id").asLong()));
        return out;
    }

    private static long residentBytes(long pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Not on this machine.
        }
        return -1;
    }

    /** Deletes this index's data on the cluster (tests; a reindex that starts over). */
    public void deleteAll() {
        synchronized (writes) {
            bulk.setLength(0);
            unsent.clear();
            layout.delete(cluster);
            storedPolls.forget();
        }
    }

    @Override
    public void close() {
        try {
            commit();
        } finally {
            cluster.close();
        }
    }
}
