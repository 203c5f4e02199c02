package barometer.api;

import barometer.indexer.TaggingShare;
import java.util.List;
import java.util.Set;

/** Which of the configured sources this process may read now, and which part of the tagging queue it works through. */
interface SourceClaims {
    /**
     * Renews and takes what this process may read; returns those sources' URLs.
     *
     * @param busy the sources a crawl of this process is reading now: kept until it ends, fair share or not
     */
    Set<String> claim(List<String> sources, Set<String> busy);

    /** This process's part of the tagging queue. */
    default TaggingShare share() {
        return TaggingShare.ALL;
    }

    /** What this process holds on a cluster, for its status; null for an api process and the embedded index. */
    default Holding holding() {
        return null;
    }

    /**
     * A worker's part of the work, as of its last claim.
     *
     * @param worker its name among the workers sharing the cluster ({@code barometer.leases.worker})
     * @param sources the sources it holds leases on
     * @param tagging its part of the tagging queue
     */
    record Holding(String worker, Set<String> sources, TaggingShare tagging) {
    }

    /** Every source: the one process on an embedded index reads them all. */
    SourceClaims ALL = (sources, busy) -> Set.copyOf(sources);
}
