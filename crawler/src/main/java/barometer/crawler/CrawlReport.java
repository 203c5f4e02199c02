package barometer.crawler;

import java.time.Duration;
import java.util.List;

/**
 * What one crawl did: how many feeds and pages it read, how many it skipped or could not read, and why.
 *
 * @param feedsRead feeds fetched and parsed
 * @param feedsUnchanged feeds the server said had not changed since the last crawl (304)
 * @param feedsFailed feeds that could not be fetched or parsed (each one logged, with its URL)
 * @param pagesFetched article pages fetched and extracted
 * @param pagesFailed article pages that could not be fetched, extracted or stored
 * @param pagesSkipped pages not fetched because the index already holds their URL
 * @param disallowed feeds and pages not fetched because robots.txt forbids it (or could not be read)
 * @param articles articles handed on to the indexer
 * @param problems the first problems met, each as "url: reason" (bounded, for display)
 * @param took wall-clock time of the crawl
 * @param sources what happened to each source, in the order they were given
 */
public record CrawlReport(int feedsRead, int feedsUnchanged, int feedsFailed, int pagesFetched, int pagesFailed,
                          int pagesSkipped, int disallowed, int articles, List<String> problems, Duration took,
                          List<SourceResult> sources) {
    public CrawlReport {
        problems = List.copyOf(problems);
        sources = List.copyOf(sources);
    }
}
