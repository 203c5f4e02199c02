package barometer.api;

import barometer.crawler.CrawlReport;
import barometer.crawler.Crawler;
import barometer.crawler.FeedSource;
import barometer.crawler.SourceResult;
import barometer.crawler.source.SourceCatalog;
import barometer.crawler.source.SourceDefinition;
import barometer.indexer.Ingest;
import barometer.indexer.NewsIndex;
import barometer.indexer.sentiment.SentimentTagger;
import io.quarkus.runtime.LaunchMode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Runs crawls in the background, one at a time: crawl the configured feeds and hand each new article to
 * the {@link Ingest}, which tags and stores it while the crawl goes on. Searches keep working throughout.
 */
@ApplicationScoped
public class CrawlJob {
    private static final Logger LOG = Logger.getLogger(CrawlJob.class);

    private final BarometerConfig config;
    private final Crawler crawler;
    private final SentimentTagger tagger;
    private final Ingest ingest;
    private final NewsIndex index;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "barometer-crawl"));
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean modelsLoaded = new AtomicBoolean();
    private final AtomicReference<CrawlStatus.LastCrawl> last = new AtomicReference<>();

    private final SourceCatalog sources;

    private final barometer.api.alert.AlertCheck alerts;

    private final SourceClaims claims;
    /** The sources the running crawl reads (empty between crawls): their leases are kept until it ends. */
    private volatile java.util.Set<String> crawling = java.util.Set.of();

    CrawlJob(BarometerConfig config, Crawler crawler, SentimentTagger tagger, Ingest ingest, NewsIndex index,
             SourceCatalog sources, barometer.api.alert.AlertCheck alerts, SourceClaims claims) {
        this.claims = claims;
        this.sources = sources;
        this.alerts = alerts;
        this.config = config;
        this.crawler = crawler;
        this.tagger = tagger;
        this.ingest = ingest;
        this.index = index;
    }

    /** Crawls the sources that are due, in the background, unless a crawl is running; returns whether it started. */
    public boolean requestCrawl() {
        return start(false);
    }

    /** Crawls every source now, due or not (the admin API's "crawl now"); returns whether it started. */
    public boolean requestFullCrawl() {
        return start(true);
    }

    private boolean start(boolean everything) {
        Instant started = Instant.now();
        List<SourceDefinition> due = due(started, everything);
        if (due.isEmpty() || !running.compareAndSet(false, true)) {
            return false;
        }
        crawling = due.stream().map(SourceDefinition::url).collect(java.util.stream.Collectors.toUnmodifiableSet());
        worker.submit(() -> crawlNow(started, due));
        return true;
    }

    private void crawlNow(Instant started, List<SourceDefinition> due) {
        try {
            URI self = selfAddress();
            // Admin-added sources are public-only: the fetcher checks their address again at crawl time (a name may
            // resolve elsewhere than when it was added) and a refusal is that source's failure.
            List<FeedSource> feeds = due.stream().map(d -> d.toFeedSource(self)).toList();
            LOG.infof("Crawl started: %d sources due", feeds.size());
            loadModelsOnce();
            CrawlReport report = crawler.crawl(feeds, index::contains, ingest::submit);
            ingest.awaitIdle();
            Map<String, SourceResult> results = new HashMap<>();
            report.sources().forEach(r -> results.put(r.url(), r));
            sources.record(results, d -> d.toFeedSource(self).url().toString(), Instant.now());
            last.set(new CrawlStatus.LastCrawl(started, Instant.now(), report));
            LOG.infof("Crawl finished in %.1f s: %d feeds read (%d failed), %d articles new, %d pages failed, "
                    + "%d already known; %s", (System.currentTimeMillis() - started.toEpochMilli()) / 1000.0,
                    report.feedsRead(), report.feedsFailed(), report.articles(), report.pagesFailed(),
                    report.pagesSkipped(), ingest.stats());
            // Saved searches are checked on their own thread: the next crawl never waits for them.
            alerts.soon();
        } catch (RuntimeException e) {
            LOG.error("Crawl failed", e);
        } finally {
            crawling = java.util.Set.of();
            running.set(false);
        }
    }

    /**
     * The due sources this process may read: claiming renews its leases (every tick, due or not) and takes those it
     * may have, so that processes sharing a cluster never read one source twice.
     */
    private List<SourceDefinition> due(Instant now, boolean everything) {
        java.util.Set<String> held = claims.claim(sources.due(now, true).stream().map(SourceDefinition::url).toList(),
                crawling);
        return sources.due(now, everything).stream().filter(d -> held.contains(d.url())).toList();
    }

    /** Loads the CoreNLP models (the first call builds the pipeline) so that throughput figures exclude it. */
    private void loadModelsOnce() {
        if (modelsLoaded.compareAndSet(false, true)) {
            long t0 = System.nanoTime();
            tagger.tag("Barometer is starting.");
            LOG.infof("Sentiment models loaded in %.1f s", (System.nanoTime() - t0) / 1e9);
        }
    }

    /** This service's own address, against which "/"-sources (the bundled demo site) are read. */
    static URI selfAddress() {
        String portKey = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = ConfigProvider.getConfig().getOptionalValue(portKey, Integer.class).orElse(8080);
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** What the crawler is doing and did last. */
    public CrawlStatus status() {
        return CrawlStatus.of(running.get(), last.get(), ingest.stats());
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
