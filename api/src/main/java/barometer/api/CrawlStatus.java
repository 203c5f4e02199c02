package barometer.api;

import barometer.crawler.CrawlReport;
import barometer.indexer.IngestStats;
import java.time.Instant;

/**
 * The crawler's state, as {@code GET /api/status} shows it.
 *
 * @param running whether a crawl is under way
 * @param last the last finished crawl, or {@code null} before the first one ends
 * @param ingest articles stored and sentences tagged, reused and over the length cap since start
 * @param sentencesPerWorkerSecond sentences tagged per second of one worker's tagging time, since start
 *     (the whole service does about this times the number of workers), or 0 before any
 */
public record CrawlStatus(boolean running, LastCrawl last, IngestStats ingest, double sentencesPerWorkerSecond) {

    /** When the last crawl ran and what it did. */
    public record LastCrawl(Instant started, Instant finished, CrawlReport report) {
    }

    static CrawlStatus of(boolean running, LastCrawl last, IngestStats ingest) {
        double rate = ingest.taggingSeconds() == 0 ? 0 : ingest.sentencesTagged() / ingest.taggingSeconds();
        return new CrawlStatus(running, last, ingest, Math.round(rate * 10) / 10.0);
    }
}
