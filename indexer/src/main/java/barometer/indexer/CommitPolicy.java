package barometer.indexer;

import java.time.Duration;

/**
 * When stored articles are made durable: together, once {@code articles} are waiting or the oldest has waited
 * {@code within}. A commit costs a disk sync whatever it holds, so one per article spent a quarter to a half of the
 * ingest time; an article's stage completes only when its commit is done, so that the crawler and the import
 * (which save their progress only over completed articles) still lose nothing to a kill.
 *
 * @param articles articles per commit at most (1: every article on its own)
 * @param within longest wait of a stored article for its commit
 */
public record CommitPolicy(int articles, Duration within) {
    /** 64 articles or one second, whichever comes first. */
    public static final CommitPolicy DEFAULT = new CommitPolicy(64, Duration.ofSeconds(1));

    public CommitPolicy {
        if (articles < 1) {
            throw new IllegalArgumentException("articles per commit must be 1 or more: " + articles);
        }
        if (within == null || within.isNegative()) {
            throw new IllegalArgumentException("the commit wait must be zero or more: " + within);
        }
    }
}
