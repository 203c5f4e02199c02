package barometer.api;

import barometer.indexer.NewsIndex;
import barometer.indexer.PollFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/status}: how many articles and polls are stored and what the crawler is doing. */
@Path("/api/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {
    private final NewsIndex index;
    private final CrawlJob crawl;
    private final barometer.indexer.Ingest ingest;

    private final SourceClaims claims;

    StatusResource(NewsIndex index, CrawlJob crawl, barometer.indexer.Ingest ingest, SourceClaims claims) {
        this.claims = claims;
        this.index = index;
        this.crawl = crawl;
        this.ingest = ingest;
    }

    /**
     * The JSON answer.
     *
     * @param tagging the tagging queue: articles stored and waiting for their tone, tagged so far, and the rate
     * @param index the index's backend and, for a cluster, its health and nodes
     * @param work on a cluster, the sources this process holds and its part of the tagging queue; null for an api
     *        process and the embedded index
     */
    public record Status(long articles, long polls, CrawlStatus crawl, barometer.indexer.Ingest.TaggingQueue tagging,
                         long heapUsedBytes, barometer.indexer.BackendHealth index, SourceClaims.Holding work) {
    }

    @GET
    public Status status() {
        Runtime rt = Runtime.getRuntime();
        return new Status(index.articleCount(), index.polls(PollFilter.ALL).size(), crawl.status(), ingest.queue(),
                rt.totalMemory() - rt.freeMemory(), index.health(), claims.holding());
    }
}
