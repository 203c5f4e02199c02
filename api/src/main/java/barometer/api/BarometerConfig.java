package barometer.api;

import barometer.indexer.sentiment.Parser;
import java.util.Optional;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Barometer's own settings ({@code barometer.*} in application.properties); the README lists them all. */
@ConfigMapping(prefix = "barometer")
public interface BarometerConfig {

    /** Folder for the index and other state; created when missing. */
    @WithDefault("data")
    String dataDir();

    /**
     * Folder of the evaluation records ({@code methods/*.json}, written by the evaluation commands) that
     * {@code /api/methods} quotes; relative to the project root.
     */
    @WithDefault("methods")
    String methodsDir();

    Crawl crawl();

    /** The code's commit, passed by the launcher ({@code -Dbarometer.commit}); snapshots cite it. */
    @WithDefault("unknown")
    String commit();

    /** Citable snapshots ({@code <data-dir>/snapshots/}). */
    Snapshots snapshots();

    /** What this process does when several share a cluster: all (default), api or worker. */
    @WithDefault("all")
    Role role();

    /** Source leases between workers sharing a cluster. */
    Leases leases();

    /** Lease settings. */
    interface Leases {
        /** How long a worker's lease on a source lasts without renewal (renewed every crawl tick). */
        @WithDefault("5m")
        Duration time();

        /** This worker's name among those sharing the cluster; unset: host name and process id. */
        Optional<String> worker();
    }

    /** Where stored news lives. */
    IndexSettings index();

    /** The OpenSearch cluster, when {@code barometer.index.backend=opensearch}. */
    OpenSearch opensearch();

    /** Index settings. */
    interface IndexSettings {
        /** lucene (embedded, in {@code <data-dir>/index}) or opensearch. */
        @WithDefault("lucene")
        barometer.indexer.IndexBackend backend();

        /**
         * Heap (MB) the embedded index may spend keeping trend and facet sums of segments that did not change, so that
         * a trend asked again, or the next page of a search, sums only what is new; 0 sums every query afresh.
         */
        @WithDefault("64")
        int trendCacheMb();
    }

    /** How to reach the OpenSearch cluster and lay out the indices on it. */
    interface OpenSearch {
        /** The nodes' addresses, comma-separated: {@code http://127.0.0.1:9200,http://127.0.0.1:9201}. */
        @WithDefault("http://127.0.0.1:9200")
        String hosts();

        /** Basic-authentication user (with {@code password}). */
        Optional<String> user();

        /** Basic-authentication password. */
        Optional<String> password();

        /** An API key, sent as {@code Authorization: ApiKey <key>}, instead of a user. */
        Optional<String> apiKey();

        /** The start of every index name, so that several Barometers share a cluster. */
        @WithDefault("barometer")
        String indexPrefix();

        /** Primary shards of each index Barometer creates. */
        @WithDefault("3")
        int shards();

        /** Copies of each shard on other nodes (1: one node may fail without losing anything). */
        @WithDefault("1")
        int replicas();
    }

    /** Saved searches' alerts. */
    Alerts alerts();

    /** Alert settings. */
    interface Alerts {
        /** Retries of a webhook delivery that failed (no answer, timeout, not 2xx). */
        @WithDefault("5")
        int webhookRetries();

        /** First wait before a retry, doubling each time. */
        @WithDefault("2s")
        Duration webhookRetryBase();

        /** Time a webhook may take to answer. */
        @WithDefault("10s")
        Duration webhookTimeout();
    }

    /** Snapshot settings. */
    interface Snapshots {
        /** The most snapshots kept; a new one beyond it is refused until an admin deletes some. */
        @WithDefault("10000")
        int max();
    }

    /** How stored articles are made durable. */
    IngestSettings ingest();

    /** Group commits: together once this many articles wait, or the oldest has waited this long. */
    interface IngestSettings {
        /** Articles per commit at most (1: commit each article on its own). */
        @WithDefault("64")
        int commitEvery();

        /** Longest wait of a stored article for its commit (it becomes searchable then too). */
        @WithDefault("1s")
        Duration commitWithin();

        /**
         * {@code queued}: an article is stored (searchable, counted) at once and tagged by a background queue;
         * {@code inline}: tagged before it is stored.
         */
        @WithDefault("queued")
        barometer.indexer.Tagging tagging();
    }

    Sentiment sentiment();

    /** The admin API (poll import). */
    Admin admin();

    /** Settings of the admin API. */
    interface Admin {
        /** The key admin requests send in the {@code X-Api-Key} header; unset: the admin API refuses every call. */
        java.util.Optional<String> apiKey();
    }

    /** How and what to crawl. */
    interface Crawl {
        /** Whether crawls run at all (at start and on the schedule). */
        @WithDefault("true")
        boolean enabled();

        /**
         * Sources the first start writes into {@code <data-dir>/sources.json}, each {@code [topic|]url} (feeds:
         * RSS, Atom or sitemaps). A URL that starts with "/" is read from this service itself: the default is the
         * bundled demo site. After the first start, sources are managed in that file and the admin API.
         */
        @WithDefault("secession|/demo/pacific-ledger/feed.xml,secession|/demo/golden-state-courier/atom.xml,"
                + "secession|/demo/valley-sentinel/feed.xml,secession|/demo/coastline-dispatch/atom.xml")
        List<String> feeds();

        /** Delay between the service starting and the first crawl. */
        @WithDefault("2s")
        Duration startDelay();

        /** How often a source is read, unless it has its own period. */
        @WithDefault("6h")
        Duration every();

        /** How often the schedule looks for sources that are due. */
        @WithDefault("1m")
        Duration tick();

        /** Sources read at once at most (requests to one host stay apart whatever this is). */
        @WithDefault("4")
        int maxConcurrent();

        /**
         * {@code host:port} pairs that sources added through the admin API (and the pages they lead to) may reach
         * although they are loopback, private or link-local; empty: none. A bare host is refused at start.
         */
        java.util.Optional<List<String>> allowPrivateHosts();

        /** User-Agent sent with every request. */
        @WithDefault("Barometer/0.1 (news sentiment research; +https://github.com/barometer)")
        String userAgent();

        /** The name robots.txt rules are matched against. */
        @WithDefault("barometer")
        String robotsAgent();

        /** Least time between two requests to one host (a longer robots.txt Crawl-delay wins). */
        @WithDefault("1s")
        Duration hostDelay();

        /** Requests open to one host at once at most, across every source and robots.txt. */
        @WithDefault("1")
        int maxPerHost();

        /** Times a transient failure (no answer, timeout, 429, 5xx) is tried again. */
        @WithDefault("2")
        int retries();

        /** First wait before a retry; it doubles each time, with jitter. */
        @WithDefault("2s")
        Duration retryBase();

        @WithDefault("10s")
        Duration connectTimeout();

        @WithDefault("30s")
        Duration readTimeout();

        /** Largest page or feed read, in bytes. */
        @WithDefault("5242880")
        long maxBodyBytes();
    }

    /** The CoreNLP sentiment step. */
    interface Sentiment {
        /** Sentences with more tokens than this are not parsed and stay untagged. */
        @WithDefault("80")
        int maxSentenceTokens();

        /**
         * The parser the sentiment model reads trees from: shift-reduce (default; about ten times faster, about
         * 650 MB of heap per worker) or pcfg (CoreNLP's default, about 150 MB per worker).
         */
        @WithDefault("shift-reduce")
        Parser parser();

        /** A folder with a tone model written by {@code ./barometer train-tone}; blank: the bundled model. */
        Optional<String> toneModel();

        /**
         * {@code none}: the bundled tone model reads words, CoreNLP's sentiment tree and dependencies; {@code minilm}:
         * the bundled model that also reads the MiniLM sentence encoder's vectors (better tone, slower tagging).
         * Ignored when {@code tone-model} names a folder (that model says whether it needs the encoder).
         */
        @WithDefault("none")
        barometer.indexer.sentiment.ToneEncoder toneEncoder();

        /** Threads the parser uses within one article. */
        @WithDefault("1")
        int parserThreads();

        /** Articles tagged at once, each on its own CoreNLP pipeline (see {@link #parser()}); 0: one per core. */
        @WithDefault("0")
        int workers();
    }
}
