package barometer.api;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Looks for due sources shortly after start (all are due then) and every tick after ({@code barometer.crawl.tick});
 * each source is due again after its own period.
 */
@ApplicationScoped
class CrawlSchedule {
    private final CrawlJob job;
    private final BarometerConfig config;

    CrawlSchedule(CrawlJob job, BarometerConfig config) {
        this.job = job;
        this.config = config;
    }

    @Scheduled(identity = "crawl", every = "${barometer.crawl.tick:1m}", delayed = "${barometer.crawl.start-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void crawl() {
        if (config.crawl().enabled() && config.role().works()) {
            job.requestCrawl();
        }
    }
}
