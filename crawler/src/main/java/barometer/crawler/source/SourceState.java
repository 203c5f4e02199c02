package barometer.crawler.source;

import java.time.Instant;

/**
 * What the crawler has done with one source, kept across restarts.
 *
 * @param lastCrawl when it was last read (or tried), or {@code null}
 * @param nextCrawl when it is due next, or {@code null} (due now)
 * @param crawls how many times it was read or tried
 * @param articles articles taken from it in all
 * @param failures failed reads in a row (0 after a success)
 * @param lastError the last failure's reason, or empty
 * @param lastErrorAt when it happened, or {@code null}
 */
public record SourceState(Instant lastCrawl, Instant nextCrawl, long crawls, long articles, int failures,
        String lastError, Instant lastErrorAt) {

    /** A source never crawled. */
    public static final SourceState NEW = new SourceState(null, null, 0, 0, 0, "", null);

    public SourceState {
        lastError = lastError == null ? "" : lastError;
    }

    public boolean isDue(Instant now) {
        return nextCrawl == null || !nextCrawl.isAfter(now);
    }
}
