package barometer.api;

import barometer.crawler.CrawlReport;
import barometer.crawler.Crawler;
import barometer.indexer.NewsIndex;
import barometer.indexer.sentiment.AnalysedArticle;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Runs crawls in the background, one at a time: crawl the configured feeds, tag each new article's
 * sentences, store it, commit. Searches keep working while it runs.
 */
@ApplicationScoped
public class CrawlJob {
    private static final Logger LOG = Logger.getLogger(CrawlJob.class);
    /** Commit this often during a long crawl, so that a crash loses little work. */
    private static final int COMMIT_EVERY = 50;

    private final BarometerConfig config;
    private final Crawler crawler;
    private final SentimentTagger tagger;
    private final NewsIndex index;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "barometer-crawl"));
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean modelsLoaded = new AtomicBoolean();
    private final AtomicReference<CrawlStatus.LastCrawl> last = new AtomicReference<>();
    private final AtomicLong sentencesTagged = new AtomicLong();
    private final AtomicLong taggingNanos = new AtomicLong();

    CrawlJob(BarometerConfig config, Crawler crawler, SentimentTagger tagger, NewsIndex index) {
        this.config = config;
        this.crawler = crawler;
        this.tagger = tagger;
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
            List<URI> feeds = config.crawl().feeds().stream().map(CrawlJob::absolute).toList();
            LOG.infof("Crawl started: %d feeds", feeds.size());
            loadModelsOnce();
            AtomicLong stored = new AtomicLong();
            CrawlReport report = crawler.crawl(feeds, index::contains, article -> {
                long t0 = System.nanoTime();
                AnalysedArticle analysed = tagger.analyse(article);
                taggingNanos.addAndGet(System.nanoTime() - t0);
                sentencesTagged.addAndGet(analysed.sentences().size());
                index.add(analysed);
                if (stored.incrementAndGet() % COMMIT_EVERY == 0) {
                    index.commit();
                }
            });
            index.commit();
            last.set(new CrawlStatus.LastCrawl(started, Instant.now(), report));
            LOG.infof("Crawl finished in %.1f s: %d feeds read (%d failed), %d articles stored, %d pages failed, "
                    + "%d already known", report.took().toMillis() / 1000.0, report.feedsRead(), report.feedsFailed(),
                    report.articles(), report.pagesFailed(), report.pagesSkipped());
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

    /** A feed URL from configuration; one starting with "/" points at this service itself. */
    private static URI absolute(String feed) {
        if (!feed.startsWith("/")) {
            return URI.create(feed.strip());
        }
        String portKey = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = ConfigProvider.getConfig().getOptionalValue(portKey, Integer.class).orElse(8080);
        return URI.create("http://127.0.0.1:" + port + feed.strip());
    }

    /** What the crawler is doing and did last. */
    public CrawlStatus status() {
        long nanos = taggingNanos.get();
        double perSecond = nanos == 0 ? 0 : sentencesTagged.get() / (nanos / 1e9);
        return new CrawlStatus(running.get(), last.get(), sentencesTagged.get(), Math.round(perSecond * 10) / 10.0);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
