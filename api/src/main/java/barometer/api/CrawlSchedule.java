package barometer.api;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Starts a crawl shortly after start and then on a fixed period ({@code barometer.crawl.*}). */
@ApplicationScoped
class CrawlSchedule {
    private final CrawlJob job;
    private final BarometerConfig config;

    CrawlSchedule(CrawlJob job, BarometerConfig config) {
        this.job = job;
        this.config = config;
    }

    @Scheduled(identity = "crawl", every = "${barometer.crawl.every:6h}", delayed = "${barometer.crawl.start-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void crawl() {
        if (config.crawl().enabled()) {
            job.requestCrawl();
        }
    }
}
