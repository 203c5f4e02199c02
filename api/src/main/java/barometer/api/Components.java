package barometer.api;

import barometer.crawler.Crawler;
import barometer.crawler.source.SourceCatalog;
import barometer.crawler.FeedValidatorStore;
import barometer.crawler.extract.ArticleExtractor;
import barometer.crawler.feed.FeedReader;
import barometer.crawler.fetch.FetchSettings;
import barometer.crawler.fetch.Fetcher;
import barometer.crawler.fetch.AddressGuard;
import barometer.crawler.fetch.HostGate;
import barometer.indexer.Ingest;
import barometer.indexer.NewsIndex;
import barometer.indexer.sentiment.SentimentTagger;
import barometer.indexer.sentiment.ToneEncoder;
import barometer.indexer.sentiment.ToneModel;
import barometer.indexer.sentiment.WorkerCount;
import barometer.indexer.store.LuceneNewsIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Builds the costly, long-lived parts once: the index, the CoreNLP pipeline, the fetcher and crawler. */
@ApplicationScoped
class Components {

    @Produces
    @ApplicationScoped
    NewsIndex newsIndex(BarometerConfig config) {
        if (config.index().backend() == barometer.indexer.IndexBackend.OPENSEARCH) {
            BarometerConfig.OpenSearch os = config.opensearch();
            return new barometer.indexer.opensearch.OpenSearchNewsIndex(new barometer.indexer.opensearch.ClusterSettings(
                    barometer.indexer.opensearch.ClusterSettings.hosts(os.hosts()), os.user(), os.password(), os.apiKey(),
                    os.indexPrefix(), os.shards(), os.replicas()));
        }
        Path folder = Path.of(config.dataDir(), "index");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + folder.toAbsolutePath(), e);
        }
        return new LuceneNewsIndex(folder, Math.max(0, config.index().trendCacheMb()) * (1L << 20));
    }

    /**
     * On a cluster, sources are leased between the processes that crawl (so none is read twice or left behind); on
     * the embedded index the one process reads them all.
     */
    @Produces
    @ApplicationScoped
    SourceClaims sourceClaims(BarometerConfig config) {
        if (config.index().backend() != barometer.indexer.IndexBackend.OPENSEARCH) {
            return SourceClaims.ALL;
        }
        if (!config.role().works()) {
            // An api process neither reads sources nor tags: it takes no lease and sends no worker heartbeat.
            return SourceClaims.ALL;
        }
        BarometerConfig.OpenSearch os = config.opensearch();
        String name = config.leases().worker().orElseGet(() -> hostName() + "-" + ProcessHandle.current().pid());
        var leases = new barometer.indexer.opensearch.SourceLeases(new barometer.indexer.opensearch.ClusterSettings(
                barometer.indexer.opensearch.ClusterSettings.hosts(os.hosts()), os.user(), os.password(), os.apiKey(),
                os.indexPrefix(), os.shards(), os.replicas()), name, config.leases().time(), java.time.Clock.systemUTC());
        return new LeasedSources(leases);
    }

    void closeSourceClaims(@Disposes SourceClaims claims) {
        if (claims instanceof LeasedSources leased) {
            leased.close();
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "worker";
        }
    }

    @Produces
    @ApplicationScoped
    barometer.api.snapshot.SnapshotStore snapshots(BarometerConfig config,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        return new barometer.api.snapshot.SnapshotStore(Path.of(config.dataDir(), "snapshots"), json,
                config.snapshots().max());
    }

    @Produces
    @ApplicationScoped
    barometer.api.alert.AlertStore alertStore(BarometerConfig config, com.fasterxml.jackson.databind.ObjectMapper json) {
        return new barometer.api.alert.AlertStore(Path.of(config.dataDir(), "alerts"), json);
    }

    @Produces
    @ApplicationScoped
    barometer.api.alert.WebhookSender webhooks(BarometerConfig config, com.fasterxml.jackson.databind.ObjectMapper json,
            AddressGuard guard) {
        return new barometer.api.alert.WebhookSender(json, config.alerts().webhookRetries(),
                config.alerts().webhookRetryBase(), config.alerts().webhookTimeout(), guard);
    }

    void closeWebhooks(@Disposes barometer.api.alert.WebhookSender webhooks) {
        webhooks.close();
    }

    @Produces
    @ApplicationScoped
    barometer.api.alert.AlertCheck alertCheck(NewsIndex index, barometer.api.alert.AlertStore store,
            barometer.api.alert.WebhookSender webhooks) {
        return new barometer.api.alert.AlertCheck(index, store, webhooks, java.time.Clock.systemUTC());
    }

    void closeAlertCheck(@Disposes barometer.api.alert.AlertCheck check) {
        check.close();
    }

    void closeIndex(@Disposes NewsIndex index) {
        index.close();
    }

    @Produces
    @ApplicationScoped
    SentimentTagger sentimentTagger(BarometerConfig config, WorkerCount workers) {
        ToneModel model = toneModel(config);
        return new SentimentTagger(config.sentiment().maxSentenceTokens(), config.sentiment().parserThreads(),
                workers.workers(), config.sentiment().parser(), model, ToneEncoder.encoderFor(model));
    }

    private static ToneModel toneModel(BarometerConfig config) {
        String folder = config.sentiment().toneModel().orElse("").strip();
        if (folder.isEmpty()) {
            return config.sentiment().toneEncoder().bundledModel();
        }
        try {
            return ToneModel.load(java.nio.file.Path.of(folder));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the tone model in " + folder
                    + " (barometer.sentiment.tone-model)", e);
        }
    }

    @Produces
    @ApplicationScoped
    Ingest ingest(SentimentTagger tagger, NewsIndex index, WorkerCount workers, BarometerConfig config,
                  SourceClaims claims) {
        // An api process leaves the tagging queue to the workers; workers sharing a cluster each take their part.
        return new Ingest(tagger, index, workers.workers(), new barometer.indexer.CommitPolicy(
                config.ingest().commitEvery(), config.ingest().commitWithin()), config.ingest().tagging(),
                config.role().works(), claims::share);
    }

    /** Articles tagged at once, each on its own pipeline: one per core, as many as the heap holds, unless configured. */
    @Produces
    @jakarta.inject.Singleton
    WorkerCount workers(BarometerConfig config) {
        WorkerCount count = WorkerCount.of(config.sentiment().workers(), config.sentiment().parser(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        org.jboss.logging.Logger.getLogger(Components.class).infof("Sentiment: %s", count.reason());
        return count;
    }

    void closeIngest(@Disposes Ingest ingest) {
        ingest.close();
    }

    @Produces
    @ApplicationScoped
    Fetcher fetcher(BarometerConfig config, AddressGuard guard) {
        BarometerConfig.Crawl c = config.crawl();
        return new Fetcher(new FetchSettings(c.userAgent(), c.connectTimeout(), c.readTimeout(), c.maxBodyBytes(),
                c.retries(), c.retryBase()), new HostGate(c.hostDelay(), c.maxPerHost(), java.time.Duration.ofMinutes(1)),
                guard);
    }

    void closeFetcher(@Disposes Fetcher fetcher) {
        fetcher.close();
    }

    @Produces
    @ApplicationScoped
    AddressGuard addressGuard(BarometerConfig config) {
        return new AddressGuard(Set.copyOf(config.crawl().allowPrivateHosts().orElse(List.of())));
    }

    @Produces
    @ApplicationScoped
    SourceCatalog sourceCatalog(BarometerConfig config, AddressGuard guard) {
        return new SourceCatalog(Path.of(config.dataDir()), SourceCatalog.fromConfig(config.crawl().feeds()), guard,
                config.crawl().every());
    }

    @Produces
    @ApplicationScoped
    Crawler crawler(Fetcher fetcher, BarometerConfig config) {
        return new Crawler(fetcher, new FeedReader(), new ArticleExtractor(), config.crawl().robotsAgent(),
                new FeedValidatorStore(Path.of(config.dataDir(), "crawl", "feeds.properties")),
                config.crawl().maxConcurrent());
    }
}
