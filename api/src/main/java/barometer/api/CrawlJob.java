package barometer.api;

import barometer.crawler.CrawlReport;
import barometer.crawler.Crawler;
import barometer.crawler.FeedSource;
import barometer.indexer.Ingest;
import barometer.indexer.NewsIndex;
import barometer.indexer.sentiment.SentimentTagger;
import io.quarkus.runtime.LaunchMode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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

    CrawlJob(BarometerConfig config, Crawler crawler, SentimentTagger tagger, Ingest ingest, NewsIndex index) {
        this.config = config;
        this.crawler = crawler;
        this.tagger = tagger;
        this.ingest = ingest;
        this.index = index;
    }

    /** Starts a crawl in the background unless one is running; returns whether it started one. */
    public boolean requestCrawl() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        worker.submit(this::crawlNow);
        return true;
    }

    private void crawlNow() {
        Instant started = Instant.now();
        try {
            List<FeedSource> feeds = config.crawl().feeds().stream().map(CrawlJob::source).toList();
            LOG.infof("Crawl started: %d feeds", feeds.size());
            loadModelsOnce();
            CrawlReport report = crawler.crawl(feeds, index::contains, ingest::submit);
            ingest.awaitIdle();
            last.set(new CrawlStatus.LastCrawl(started, Instant.now(), report));
            LOG.infof("Crawl finished in %.1f s: %d feeds read (%d failed), %d articles new, %d pages failed, "
                    + "%d already known; %s", (System.currentTimeMillis() - started.toEpochMilli()) / 1000.0,
                    report.feedsRead(), report.feedsFailed(), report.articles(), report.pagesFailed(),
                    report.pagesSkipped(), ingest.stats());
        } catch (RuntimeException e) {
            LOG.error("Crawl failed", e);
        } finally {
            running.set(false);
        }
    }

    /** Loads the CoreNLP models (the first call builds the pipeline) so that throughput figures exclude it. */
    private void loadModelsOnce() {
        if (modelsLoaded.compareAndSet(false, true)) {
            long t0 = System.nanoTime();
            tagger.tag("Barometer is starting.");
            LOG.infof("Sentiment models loaded in %.1f s", (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * A feed from configuration, {@code [topic|]url}; a URL starting with "/" points at this service itself.
     */
    static FeedSource source(String entry) {
        int bar = entry.indexOf('|');
        String topic = bar < 0 ? "" : entry.substring(0, bar).strip();
        return new FeedSource(absolute(entry.substring(bar + 1).strip()), topic);
    }

    private static URI absolute(String feed) {
        if (!feed.startsWith("/")) {
            return URI.create(feed);
        }
        String portKey = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = ConfigProvider.getConfig().getOptionalValue(portKey, Integer.class).orElse(8080);
        return URI.create("http://127.0.0.1:" + port + feed);
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
