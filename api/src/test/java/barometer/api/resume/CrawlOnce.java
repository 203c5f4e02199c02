package barometer.api.resume;

import barometer.crawler.CrawlReport;
import barometer.crawler.Crawler;
import barometer.crawler.FeedSource;
import barometer.crawler.FeedValidatorStore;
import barometer.crawler.extract.ArticleExtractor;
import barometer.crawler.feed.FeedReader;
import barometer.crawler.fetch.FetchSettings;
import barometer.crawler.fetch.Fetcher;
import barometer.indexer.Ingest;
import barometer.indexer.sentiment.Parser;
import barometer.indexer.sentiment.SentimentTagger;
import barometer.indexer.store.LuceneNewsIndex;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One crawl of the given feeds into the data folder, through the product's crawler and ingest. Run as
 * its own process by {@link KillAndResumeTest}, which kills it with SIGKILL halfway.
 */
public final class CrawlOnce {
    private CrawlOnce() {
    }

    /** args: data folder, then feed URLs. */
    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        List<FeedSource> feeds = java.util.Arrays.stream(args, 1, args.length)
                .map(u -> new FeedSource(URI.create(u), "secession")).toList();
        System.out.println("report " + crawl(data, feeds));
    }

    static CrawlReport crawl(Path data, List<FeedSource> feeds) {
        try (Fetcher fetcher = new Fetcher(FetchSettings.defaults());
             LuceneNewsIndex index = new LuceneNewsIndex(data.resolve("index"));
             Ingest ingest = new Ingest(new SentimentTagger(80, 1, 1, Parser.PCFG, null), index, 1)) {
            Crawler crawler = new Crawler(fetcher, new FeedReader(), new ArticleExtractor(), "barometer",
                    new FeedValidatorStore(data.resolve("crawl/feeds.properties")));
            CrawlReport report = crawler.crawl(feeds, index::contains, ingest::submit);
            ingest.awaitIdle();
            return report;
        }
    }
}
