package barometer.api;

import barometer.crawler.CrawlReport;
import java.time.Instant;

/**
 * The crawler's state, as {@code GET /api/status} shows it.
 *
 * @param running whether a crawl is under way
 * @param last the last finished crawl, or {@code null} before the first one ends
 * @param sentencesTagged sentences tagged since the service started
 * @param sentencesPerSecond tagging throughput since the service started
 */
public record CrawlStatus(boolean running, LastCrawl last, long sentencesTagged, double sentencesPerSecond) {

    /** When the last crawl ran and what it did. */
    public record LastCrawl(Instant started, Instant finished, CrawlReport report) {
    }
}
