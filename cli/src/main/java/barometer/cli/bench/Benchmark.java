package barometer.cli.bench;

import barometer.crawler.Article;
import barometer.indexer.CommitPolicy;
import barometer.indexer.Ingest;
import barometer.indexer.Tagging;
import barometer.indexer.SearchRequest;
import barometer.indexer.ToneScope;
import barometer.indexer.TrendQuery;
import barometer.indexer.sentiment.Parser;
import barometer.indexer.sentiment.SentimentTagger;
import barometer.indexer.sentiment.ToneModel;
import barometer.indexer.sentiment.TaggedSentence;
import barometer.indexer.sentiment.ToneClass;
import barometer.indexer.store.LuceneNewsIndex;
import barometer.indexer.IndexBackend;
import barometer.indexer.NewsIndex;
import barometer.indexer.opensearch.OpenSearchNewsIndex;
import barometer.indexer.trend.Interval;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code ./barometer bench [--articles N] [--sentiment-articles N] [--import-articles N] [--dir DIR [--reuse]]
 * [--backend lucene|opensearch] [--no-sentiment] [-Dbarometer.opensearch.hosts=...]}: indexes a seeded synthetic
 * corpus into a real Lucene index (or the indices {@code bench-*} of an OpenSearch cluster) and measures indexing
 * rate, search and trend latency, heap and index size; the import of archives (JSON lines and WARC, untagged, and
 * with tagging on the shared pages); then CoreNLP sentiment throughput on real news text (the shared extraction
 * pages, when present) against a plain single-threaded pipeline in the same run. The last line sums it up.
 */
public final class Benchmark {
    private static final long SEED = 20_261_125L;
    /** Distinct words of the synthetic corpus. */
    private static final int VOCABULARY = 20_000;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            if (a.startsWith("-D") && a.contains("=")) {
                System.setProperty(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        int articles = intArg(args, "--articles", 100_000);
        IndexBackend backend = args(args, "--backend") == null ? IndexBackend.LUCENE
                : IndexBackend.valueOf(args(args, "--backend").toUpperCase(java.util.Locale.ROOT));
        boolean withSentiment = !Arrays.asList(args).contains("--no-sentiment");
        int sentimentArticles = intArg(args, "--sentiment-articles", 60);
        Path dir = args(args, "--dir") != null ? Path.of(args(args, "--dir"))
                : Files.createTempDirectory("barometer-bench");
        Path sharedDir = Path.of(System.getProperty("shared.dir", "../shared"));
        System.out.printf("Barometer benchmark: %,d synthetic articles, %s index%s, %d cores, max heap %d MB%n",
                articles, backend.name().toLowerCase(java.util.Locale.ROOT),
                backend == IndexBackend.LUCENE ? " in " + dir : " on " + System.getProperty("barometer.opensearch.hosts",
                        "http://127.0.0.1:9200"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        double indexRate;
        double[] search, trendCommon, trendRare;
        long heapMb, indexMb;
        if (backend == IndexBackend.OPENSEARCH) {
            try (OpenSearchNewsIndex stale = new OpenSearchNewsIndex(benchCluster())) {
                stale.deleteAll();
            }
        }
        boolean reuse = Arrays.asList(args).contains("--reuse") && backend == IndexBackend.LUCENE
                && Files.isDirectory(dir.resolve("index"));
        try (NewsIndex building = open(backend, dir)) {
            // A kept index holds the articles the last run's kept-sums section added too (a few thousand).
            if (reuse && building.articleCount() >= articles) {
                // The queries again on an index kept by an earlier run (--dir): no build, no index rate.
                System.out.printf("reusing the index in %s (%,d articles): no build%n", dir, articles);
                indexRate = Double.NaN;
            } else {
                indexRate = indexCorpus(building, articles);
            }
        }
        // Queries run on the index at rest: closing waits for the merges the build left running (minutes at a
        // million articles), which otherwise share the two cores with the queries and set their p99.
        long t1 = System.nanoTime();
        // The trend figures below are sums afresh (no kept per-segment sums): what a query new to the index costs.
        try (NewsIndex index = open(backend, dir, 0)) {
            System.out.printf("merges finished and index reopened in %.1f s%n", (System.nanoTime() - t1) / 1e9);
            search = latencies("search", 300, queryMix(index));
            trendCommon = latencies("trend, common term, day interval, 5 years", 200, () -> index.trend(
                    TrendQuery.of(SyntheticCorpus.COMMON, SyntheticCorpus.FIRST_DAY, SyntheticCorpus.LAST_DAY,
                            Interval.DAY, ZoneOffset.UTC)));
            trendRare = latencies("trend, rare term, day interval, 5 years", 200, () -> index.trend(
                    TrendQuery.of(SyntheticCorpus.RARE, SyntheticCorpus.FIRST_DAY, SyntheticCorpus.LAST_DAY,
                            Interval.DAY, ZoneOffset.UTC)));
            latencies("trend, common term, sentence measure (for comparison)", 200, () -> index.trend(
                    new TrendQuery(SyntheticCorpus.COMMON, SyntheticCorpus.FIRST_DAY, SyntheticCorpus.LAST_DAY,
                            Interval.DAY, ZoneOffset.UTC, ToneScope.SENTENCES, false, 1)));
            latencies("trend, prefix query govern*, mention measure", 100, () -> index.trend(
                    TrendQuery.of("govern*", SyntheticCorpus.FIRST_DAY, SyntheticCorpus.LAST_DAY,
                            Interval.MONTH, ZoneOffset.UTC)));
            latencies("trend, five compared queries (as /api/trends?q=...&q=...), month interval, 5 years", 100, () -> {
                for (String q : COMPARED) {
                    index.trend(TrendQuery.of(q, SyntheticCorpus.FIRST_DAY, SyntheticCorpus.LAST_DAY, Interval.MONTH,
                            ZoneOffset.UTC));
                }
                return COMPARED.length;
            });
            java.time.LocalDate[] day = {SyntheticCorpus.FIRST_DAY};
            latencies("evidence, the common word's sentences behind one day's point", 200, () -> {
                day[0] = day[0].plusDays(7).isAfter(SyntheticCorpus.LAST_DAY) ? SyntheticCorpus.FIRST_DAY
                        : day[0].plusDays(7);
                return index.sentences(SyntheticCorpus.COMMON, day[0], day[0], ZoneOffset.UTC, 20);
            });
            latencies("search, common word, page 1 (facets and stories over a fifth of the articles)", 200,
                    () -> index.search(SearchRequest.of(SyntheticCorpus.COMMON, null, null, 1, 10)).facets());
            exportRate(index);
            heapMb = heapAfterGc();
            if (index instanceof OpenSearchNewsIndex cluster) {
                indexMb = cluster.storeBytes() >> 20;
                System.out.printf("cluster: %s; its JVM's heap in use %d MB, resident %d MB%n", cluster.health(),
                        cluster.clusterHeapBytes() >> 20, cluster.clusterResidentBytes() >> 20);
            } else {
                indexMb = size(dir.resolve("index")) >> 20;
            }
        }
        System.out.printf("heap in use after GC with the index open: %d MB; index on disk (primaries): %d MB%n", heapMb,
                indexMb);
        if (backend == IndexBackend.LUCENE) {
            keptSums(dir);
        }

        int importArticles = intArg(args, "--import-articles", 20_000);
        double[] imports = {Double.NaN, Double.NaN};
        if (importArticles > 0) {
            imports = importRates(importArticles, dir.resolve("import"));
        }

        double[] sentiment = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        if (withSentiment) {
            List<String> texts = newsTexts(sharedDir.resolve("extraction"), sentimentArticles);
            sentiment = sentimentThroughput(texts, dir.resolve("sentiment-index"));
            if (importArticles > 0 && Files.isDirectory(sharedDir.resolve("extraction"))) {
                taggedImportRates(sharedDir.resolve("extraction"), sentimentArticles, dir.resolve("import-tagged"));
            }
        }
        double[] trend = merge(trendCommon, trendRare);
        System.out.printf("articles=%d index-rate=%.0f search-p50-ms=%.1f search-p99-ms=%.1f trend-p50-ms=%.1f "
                + "trend-p99-ms=%.1f sentiment-sent-per-s=%.1f sentiment-speedup=%.2f heap-mb=%d index-mb=%d "
                + "ingest-sent-per-s=%.1f queued-ingest-sent-per-s=%.1f import-jsonl-per-s=%.0f "
                + "import-warc-per-s=%.0f%n", articles, indexRate, pct(search, 50),
                pct(search, 99), pct(trend, 50), pct(trend, 99), sentiment[0], sentiment[1], heapMb, indexMb,
                sentiment[2], sentiment[3], imports[0], imports[1]);
    }

    /**
     * The import without tagging ({@code --no-tag}), each archive into a fresh data folder: {@code n} synthetic
     * articles as JSON lines, the same as a WARC of HTML pages (extraction included), then the JSON lines again into
     * the folder that holds them (every record already stored). Returns {JSON lines, WARC} records per second.
     */
    private static double[] importRates(int n, Path dir) throws IOException {
        ImportRates.clear(dir);
        Path jsonl = ImportRates.syntheticJsonLines(corpus(), n, dir.resolve("synthetic.jsonl"));
        Path warc = ImportRates.syntheticWarc(corpus(), n, dir.resolve("synthetic.warc.gz"));
        System.out.printf("import archives: %,d synthetic articles, JSON lines %.1f MB, WARC.gz %.1f MB%n", n,
                Files.size(jsonl) / 1e6, Files.size(warc) / 1e6);
        int cores = Runtime.getRuntime().availableProcessors();
        ImportRates.Rate fromJsonl = ImportRates.importFile("JSON lines, untagged", jsonl, dir.resolve("jsonl"), null,
                cores);
        System.out.println(fromJsonl);
        ImportRates.Rate fromWarc = ImportRates.importFile("WARC.gz, extraction of every page, untagged", warc,
                dir.resolve("warc"), null, cores);
        System.out.println(fromWarc);
        // A second import of a file starts at its saved progress and reads nothing; a copy of it under another name
        // has no progress yet, so every record is read and found already stored.
        Path again = Files.copy(jsonl, dir.resolve("synthetic-again.jsonl"));
        System.out.println(ImportRates.importFile("the same JSON lines again, under another name", again,
                dir.resolve("jsonl"), null, cores));
        return new double[] {fromJsonl.perSecond(), fromWarc.perSecond()};
    }

    /** The import with the default tagging: the shared pages as a WARC of their HTML, and their text as JSON lines. */
    private static void taggedImportRates(Path extraction, int n, Path dir) throws IOException {
        ImportRates.clear(dir);
        int cores = Runtime.getRuntime().availableProcessors();
        // A tagger each: a tagger reuses the sentences it tagged lately, and both files hold the same articles.
        ToneModel toneModel = ToneModel.bundled();
        System.out.println(ImportRates.importFile("shared pages' text as JSON lines, tagged", ImportRates
                .sharedJsonLines(extraction, n, dir.resolve("shared.jsonl")), dir.resolve("jsonl"),
                new SentimentTagger(80, 1, cores, Parser.DEFAULT, toneModel), cores));
        System.out.println(ImportRates.importFile("shared pages' HTML as WARC.gz, extracted and tagged", ImportRates
                .sharedWarc(extraction, n, dir.resolve("shared.warc.gz")), dir.resolve("warc"),
                new SentimentTagger(80, 1, cores, Parser.DEFAULT, toneModel), cores));
    }

    /** The benchmark's corpus from its first article: the same articles in every section that asks for it. */
    private static SyntheticCorpus corpus() {
        return new SyntheticCorpus(SEED, VOCABULARY);
    }

    /** The index under test: the embedded one in {@code dir}, or the bench's indices on the cluster. */
    private static NewsIndex open(IndexBackend backend, Path dir) {
        return open(backend, dir, LuceneNewsIndex.TREND_CACHE_BYTES);
    }

    /** As {@link #open(IndexBackend, Path)}, the embedded index keeping up to {@code trendCacheBytes} of trend sums. */
    private static NewsIndex open(IndexBackend backend, Path dir, long trendCacheBytes) {
        return backend == IndexBackend.OPENSEARCH ? new OpenSearchNewsIndex(benchCluster())
                : new LuceneNewsIndex(dir.resolve("index"), trendCacheBytes);
    }

    /** The queries of a comparison chart, as /api/trends?q=...&q=... asks them. */
    private static final String[] COMPARED = {SyntheticCorpus.COMMON, SyntheticCorpus.RARE, "vote", "poll OR support",
        "govern*"};

    /** New articles stored between two runs of the kept-sums section: a minute of a busy crawl. */
    private static final int ARRIVING = 20;

    /**
     * Trends asked again while articles keep arriving, with the service's default kept sums per segment: before each
     * timed run {@value #ARRIVING} new articles are stored and committed, so each run sums the new segment (and
     * whatever a merge rewrote) afresh and adds the kept sums of the rest.
     */
    private static void keptSums(Path dir) {
        SyntheticCorpus arriving = new SyntheticCorpus(SEED + 1, VOCABULARY);
        int[] next = {Integer.MAX_VALUE / 2};
        try (LuceneNewsIndex index = new LuceneNewsIndex(dir.resolve("index"))) {
            Runnable newArticles = () -> {
                for (int i = 0; i < ARRIVING; i++) {
                    index.add(arriving.next(next[0]++));
                }
                index.commit();
            };
            latencies("trend, five compared queries, kept sums per segment, " + ARRIVING + " new articles before each run",
                    100, newArticles, () -> {
                        for (String q : COMPARED) {
                            index.trend(TrendQuery.of(q, SyntheticCorpus.FIRST_DAY, SyntheticCorpus.LAST_DAY,
                                    Interval.MONTH, ZoneOffset.UTC));
                        }
                        return COMPARED.length;
                    });
            latencies("trend, common term, day interval, kept sums per segment, " + ARRIVING
                    + " new articles before each run", 200, newArticles, () -> index.trend(TrendQuery.of(
                            SyntheticCorpus.COMMON, SyntheticCorpus.FIRST_DAY, SyntheticCorpus.LAST_DAY, Interval.DAY,
                            ZoneOffset.UTC)));
            // A first ask under the default: each run's queries are new (the same words OR a word no article has:
            // the same matches and range, another key), so no segment's sums are kept and every segment is summed
            // on its own and merged (afresh above, a query is summed in two slices); the totals are kept.
            int[] absent = {0};
            latencies("trend, five compared queries, first asked (new queries, the same matches), kept sums on", 50,
                    () -> { }, () -> {
                        String nowhere = "zqxv" + ++absent[0];
                        for (String q : COMPARED) {
                            index.trend(TrendQuery.of("(" + q + ") OR " + nowhere, SyntheticCorpus.FIRST_DAY,
                                    SyntheticCorpus.LAST_DAY, Interval.MONTH, ZoneOffset.UTC));
                        }
                        return COMPARED.length;
                    });
            latencies("search (the same mix), facets from kept sums per segment, " + ARRIVING
                    + " new articles before each run", 300, newArticles, queryMix(index));
            System.out.printf("kept sums: %s%n", index.keptSums());
        }
    }

    /** The cluster settings given with -D, on indices of the bench's own (deleted before each build). */
    private static barometer.indexer.opensearch.ClusterSettings benchCluster() {
        var given = barometer.cli.ClusterOptions.fromSystemProperties();
        return new barometer.indexer.opensearch.ClusterSettings(given.hosts(), given.user(), given.password(),
                given.apiKey(), "bench", given.shards(), given.replicas());
    }

    private static double indexCorpus(NewsIndex index, int n) {
        SyntheticCorpus corpus = corpus();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            index.add(corpus.next(i));
            if ((i + 1) % 20_000 == 0) {
                index.commit();
            }
        }
        index.commit();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = n / seconds;
        System.out.printf("indexing without sentiment (pre-labelled): %,d articles in %.1f s = %.0f articles/s%n",
                n, seconds, rate);
        return rate;
    }

    /** A mix of what people type: common and rare words, a phrase, boolean, wildcard, date range, filter. */
    private static Supplier<Object> queryMix(NewsIndex index) {
        String[] queries = {SyntheticCorpus.COMMON, SyntheticCorpus.RARE, "vote AND campaign", "\"state vote\"",
            "support OR poll", "govern*", "people NOT city", "title:campaign", SyntheticCorpus.COMMON + " AND poll"};
        int[] i = {0};
        return () -> {
            String q = queries[i[0]++ % queries.length];
            return index.search(i[0] % 3 == 0
                    ? new SearchRequest(q, SyntheticCorpus.FIRST_DAY.plusYears(2), SyntheticCorpus.LAST_DAY,
                            List.of("Outlet 3", "Outlet 7"), List.of(), List.of(), null, null, 1, 10, null)
                    : SearchRequest.of(q, null, null, 1 + i[0] % 5, 10));
        };
    }

    /** The least time each query section runs untimed before it is timed. */
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private static double[] latencies(String what, int runs, Supplier<Object> work) {
        return latencies(what, runs, () -> { }, work);
    }

    /** As {@link #latencies(String, int, Supplier)}, with {@code before} run untimed before each run. */
    private static double[] latencies(String what, int runs, Runnable before, Supplier<Object> work) {
        // Untimed runs first, at least a fifth of the timed ones and WARM_UP_NANOS: the figures are those of a
        // service that has run these code paths before (with runs / 5 alone, a million-article search mix was
        // still being compiled by the JIT in its timed runs, and those set its p99).
        long warmStart = System.nanoTime();
        for (int i = 0; i < Math.max(5, runs / 5) || System.nanoTime() - warmStart < WARM_UP_NANOS; i++) {
            before.run();
            work.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            before.run();
            long t0 = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%s: %d runs, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, runs, pct(ms, 50),
                pct(ms, 99), ms[ms.length - 1]);
        return ms;
    }

    /**
     * Sentences per second of the product's tagging (a pool of pipelines, one worker per core) against a
     * plain single-threaded CoreNLP pipeline and the other ways to use the cores, on the same paragraphs
     * of real news; then the shift-reduce parser against the PCFG one (speed and label agreement).
     *
     * <p>The product's tagging is measured first, on a heap that holds only its own models (a shift-reduce set
     * holds about 650 MB: with the baselines' models alive too, the collector, not
     * the tagger, set the pace), and twice: the first pass over the paragraphs on a cold JVM, then the
     * median of the last three of six further passes, the rate a long import or crawl runs at once warm.
     * Returns {steady product rate, the product's rate / the PCFG baseline's on the baseline sample, ingest rate with
     * group commits, the same through the tagging queue}.
     */
    private static double[] sentimentThroughput(List<String> articles, Path indexDir) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        // Paragraphs, not whole articles, are the units of tagging alone: a crawl tags many articles at once, and a
        // few long articles would otherwise leave workers idle at the end of so short a run.
        List<String> texts = paragraphs(articles);
        double words = texts.stream().mapToLong(t -> t.split("\\s+").length).sum();
        ToneModel toneModel = ToneModel.bundled();
        // A new tagger for every pass: a tagger reuses the sentences it tagged lately, and the passes repeat the
        // same paragraphs. CoreNLP's annotator cache hands each new tagger the same loaded models, so only the
        // reuse starts afresh; the JIT stays warm.
        java.util.function.Supplier<SentimentTagger> fresh = () -> new SentimentTagger(80, 1, cores, Parser.DEFAULT,
                toneModel);
        long[] count = new long[1];
        double cold = inParallel(fresh.get(), texts, cores, count);
        long sentences = count[0];
        // The JIT is still compiling CoreNLP's hot paths for the first thousand sentences or two (the rate rises
        // pass by pass); a long import runs at the rate it reaches after that: the median of the last three passes.
        double[] passes = new double[6];
        SentimentTagger last = null;
        for (int i = 0; i < passes.length; i++) {
            last = fresh.get();
            passes[i] = inParallel(last, texts, cores, count);
        }
        double[] sorted = java.util.Arrays.copyOfRange(passes, passes.length - 3, passes.length);
        java.util.Arrays.sort(sorted);
        double workers = sorted[1];
        System.out.printf("shift-reduce + keyword tone, %d workers on one set of models (the product's default), "
                + "%d sentences (%.1f words each) in %d paragraphs of %d articles: first pass (cold JVM) %.1f "
                + "sentences/s; then %s (steady, the median of the last three: %.1f)%n", cores, sentences,
                words / sentences, texts.size(), articles.size(), cold, java.util.Arrays.stream(passes)
                .mapToObj(r -> String.format(java.util.Locale.ROOT, "%.1f", r))
                .collect(java.util.stream.Collectors.joining(", ")), workers);
        System.out.println("tagging profile, the last pass (where the time went):\n  "
                + last.profile().replace("\n", "\n  "));
        // The ingest path takes whole articles, as a crawl or an import hands them over: each is one story lookup,
        // one block stored, one place in a commit group. Its share is of tagging alone on the same articles, whose
        // last long one leaves a worker idle at the end of both runs alike.
        double[] whole = new double[3];
        for (int i = 0; i < whole.length; i++) {
            whole[i] = inParallel(fresh.get(), articles, cores, count);
        }
        long articleSentences = count[0];
        java.util.Arrays.sort(whole);
        double alone = whole[1];
        System.out.printf("tagging alone, the same %d articles whole (%d sentences), %d workers: %.1f sentences/s "
                + "(the median of three passes)%n", articles.size(), articleSentences, cores, alone);
        double each = ingestRate(fresh.get(), articles, indexDir.resolve("each"), cores, new CommitPolicy(1,
                java.time.Duration.ZERO), articleSentences, Tagging.INLINE);
        System.out.printf("indexing with sentiment (ingest: tag, store, commit each article; %d workers): %.1f "
                + "sentences/s (%.0f%% of tagging alone)%n", cores, each, 100 * each / alone);
        double grouped = ingestRate(fresh.get(), articles, indexDir.resolve("grouped"), cores, CommitPolicy.DEFAULT,
                articleSentences, Tagging.INLINE);
        System.out.printf("indexing with sentiment (ingest: tag, store, group commits of %d or %d ms; %d workers): "
                + "%.1f sentences/s (%.0f%% of tagging alone)%n", CommitPolicy.DEFAULT.articles(),
                CommitPolicy.DEFAULT.within().toMillis(), cores, grouped, 100 * grouped / alone);
        double queued = ingestRate(fresh.get(), articles, indexDir.resolve("queued"), cores, CommitPolicy.DEFAULT,
                articleSentences, Tagging.QUEUED);
        System.out.printf("indexing with sentiment (the service's default: store untagged, the tagging queue tags and "
                + "stores again, group commits; %d workers): %.1f sentences/s (%.0f%% of tagging alone)%n", cores,
                queued, 100 * queued / alone);
        last = null;

        // The single-threaded and PCFG comparisons run on the first articles only (PCFG tags 5-6 sentences/s: all
        // sixty would take half an hour), against the product's rate on the same paragraphs, warm.
        List<String> few = paragraphs(articles.subList(0, Math.min(BASELINE_ARTICLES, articles.size())));
        double product = inParallel(fresh.get(), few, cores, count);
        long fewSentences = count[0];
        System.out.printf("baseline sample: the first %d articles, %d sentences in %d paragraphs; the product's "
                + "default on them, warm: %.1f sentences/s%n", Math.min(BASELINE_ARTICLES, articles.size()),
                fewSentences, few.size(), product);
        SentimentTagger single = new SentimentTagger(80, 1, 1, Parser.DEFAULT, toneModel);
        sequential(single, few);
        single = new SentimentTagger(80, 1, 1, Parser.DEFAULT, toneModel);
        long mentions = 0;
        long t0 = System.nanoTime();
        for (String text : few) {
            mentions += single.tag(text).stream().mapToLong(s -> s.mentions().size()).sum();
        }
        double singleRate = fewSentences / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("shift-reduce + keyword tone, 1 pipeline, second pass: %.1f sentences/s, %d phrase tones, "
                + "%.1f phrase tones/s%n", singleRate, mentions, mentions * singleRate / fewSentences);
        single = null;
        System.gc();

        SentimentTagger plain = new SentimentTagger(80, 1, 1, Parser.PCFG, null);
        plain.tag("Warm up the models.");
        List<TaggedSentence> pcfgLabels = new ArrayList<>();
        t0 = System.nanoTime();
        for (String text : few) {
            pcfgLabels.addAll(plain.tag(text));
        }
        double baseline = fewSentences / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("sentiment baseline (one PCFG pipeline, 1 thread, first pass): %.1f sentences/s; the "
                + "product's rate on the same paragraphs is %.2fx%n", baseline, product / baseline);
        double nthreads = sequential(new SentimentTagger(80, cores, 1, Parser.PCFG, null), few);
        System.out.printf("  CoreNLP's own threading (parse.nthreads=%d, one paragraph at a time): %.1f sentences/s "
                + "(%.2fx)%n", cores, nthreads, nthreads / baseline);
        double pcfgWorkers = inParallel(new SentimentTagger(80, 1, cores, Parser.PCFG, null), few, cores, count);
        System.out.printf("  %d workers on one set of PCFG models: %.1f sentences/s (%.2fx)%n", cores, pcfgWorkers,
                pcfgWorkers / baseline);
        System.gc();
        compareParsers(few, pcfgLabels, baseline);
        return new double[] {workers, product / baseline, grouped, queued};
    }

    /**
     * A complete export of the common word's matches, text included, each article written as a JSON line to a
     * stream that only counts bytes: rows per second and the heap in use right after (the export holds a page).
     */
    private static void exportRate(NewsIndex index) {
        com.fasterxml.jackson.databind.ObjectWriter writer = new ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writer();
        long[] bytes = {0};
        long[] peak = {0};
        Runtime rt = Runtime.getRuntime();
        long t0 = System.nanoTime();
        long rows = index.exportArticles(SearchRequest.of(SyntheticCorpus.COMMON, null, null, 1, 10), true, a -> {
            try {
                bytes[0] += writer.writeValueAsBytes(a).length + 1;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if ((bytes[0] & 0xFFFF) < 200) {
                peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("export, every article with the common word, text included, as JSON lines: %,d rows, "
                + "%.0f MB, %.1f s = %.0f rows/s; heap in use (sampled, garbage included) up to %d MB%n", rows,
                bytes[0] / 1e6, seconds, rows / seconds, peak[0] >> 20);
    }

    /**
     * Sentences per second through the whole ingest path (tag, store, polls, commit) into a fresh index, articles
     * tagged before they are stored or by the queue after (until none is left untagged).
     */
    private static double ingestRate(SentimentTagger tagger, List<String> texts, Path dir, int cores,
            CommitPolicy policy, long sentences, Tagging tagging) throws InterruptedException {
        try (LuceneNewsIndex index = new LuceneNewsIndex(dir);
                Ingest ingest = new Ingest(tagger, index, cores, policy, tagging)) {
            long t0 = System.nanoTime();
            int i = 0;
            for (String text : texts) {
                ingest.submit(new Article("https://bench.test/news/" + i++, "t", "s", Instant.EPOCH, text));
            }
            if (tagging == Tagging.QUEUED) {
                if (!ingest.awaitTagged(java.time.Duration.ofMinutes(30))) {
                    throw new IllegalStateException("the tagging queue did not drain in 30 minutes");
                }
            } else {
                ingest.awaitIdle();
            }
            return sentences / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** Shift-reduce against PCFG on the same paragraphs: speed on one thread, and label agreement. */
    private static void compareParsers(List<String> texts, List<TaggedSentence> pcfg, double pcfgRate) {
        SentimentTagger sr;
        try {
            sr = new SentimentTagger(80, 1, 1, Parser.SHIFT_REDUCE, null);
        } catch (RuntimeException | OutOfMemoryError e) {
            System.out.println("shift-reduce parser: could not load (" + e + "); give the JVM 2 GB or more");
            return;
        }
        sr.tag("Warm up the models.");
        List<TaggedSentence> labels = new ArrayList<>();
        long t0 = System.nanoTime();
        for (String text : texts) {
            labels.addAll(sr.tag(text));
        }
        double rate = labels.size() / ((System.nanoTime() - t0) / 1e9);
        int same = 0, sameClass = 0, n = Math.min(labels.size(), pcfg.size());
        for (int i = 0; i < n; i++) {
            same += labels.get(i).sentiment() == pcfg.get(i).sentiment() ? 1 : 0;
            sameClass += labelClass(labels.get(i)) == labelClass(pcfg.get(i)) ? 1 : 0;
        }
        System.out.printf("shift-reduce parser, 1 thread: %.1f sentences/s (%.2fx the PCFG baseline); labels agree "
                + "with PCFG on %.1f%% of %d sentences (%.1f%% on negative/neutral/positive)%n", rate,
                rate / pcfgRate, 100.0 * same / n, n, 100.0 * sameClass / n);
    }

    private static int labelClass(TaggedSentence s) {
        return s.isTagged() ? ToneClass.ofLabel(s.sentiment()).ordinal() : -1;
    }

    /** Sentences per second tagging the texts one after another on the calling thread. */
    private static double sequential(SentimentTagger tagger, List<String> texts) {
        tagger.tag("Warm up the models.");
        long t0 = System.nanoTime();
        long sentences = 0;
        for (String text : texts) {
            sentences += tagger.tag(text).size();
        }
        return sentences / ((System.nanoTime() - t0) / 1e9);
    }

    /** Sentences per second tagging the texts on that many threads; the count of sentences goes to {@code count[0]}. */
    private static double inParallel(SentimentTagger tagger, List<String> texts, int threads, long[] count)
            throws Exception {
        for (int i = 0; i < threads; i++) {
            tagger.tag("Warm up the models.");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<Integer>> futures = new ArrayList<>();
            for (String text : texts) {
                futures.add(pool.submit(() -> tagger.tag(text).size()));
            }
            long sentences = 0;
            for (Future<Integer> f : futures) {
                sentences += f.get();
            }
            count[0] = sentences;
            return sentences / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** Articles the PCFG baseline and the single-pipeline rates are measured on (the benchmark's sample until 2026-12-02). */
    private static final int BASELINE_ARTICLES = 12;

    /** The non-blank paragraphs of some articles, in order. */
    private static List<String> paragraphs(List<String> articles) {
        return articles.stream().flatMap(a -> Arrays.stream(a.split("\n"))).filter(p -> !p.isBlank())
                .map(String::strip).toList();
    }

    /** Real news text: the ground-truth bodies of the shared extraction pages, else synthetic articles. */
    private static List<String> newsTexts(Path extraction, int n) throws IOException {
        List<String> texts = new ArrayList<>();
        int articles = 0;
        if (Files.isDirectory(extraction)) {
            ObjectMapper mapper = new ObjectMapper();
            try (Stream<Path> files = Files.list(extraction)) {
                for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    String body = mapper.readTree(json.toFile()).path("articleBody").asText("");
                    if (!body.isBlank()) {
                        texts.add(body.strip());
                    }
                    if (++articles == n) {
                        break;
                    }
                }
            }
            System.out.printf("sentiment texts: %d real news articles from %s%n", texts.size(), extraction);
        } else {
            SyntheticCorpus corpus = corpus();
            for (int i = 0; i < n; i++) {
                texts.add(corpus.next(i).article().text());
            }
            System.out.printf("sentiment texts: %d synthetic articles (%s not found)%n", n, extraction);
        }
        return texts;
    }

    private static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static double[] merge(double[] a, double[] b) {
        double[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        return all;
    }

    private static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static int intArg(String[] args, String name, int fallback) {
        String v = args(args, name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, got '" + v + "'");
        }
    }

    private static String args(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

}
