package barometer.api;

import java.util.List;
import java.util.Set;

/** Which of the configured sources this process may read now. */
interface SourceClaims {
    /** Renews and takes what this process may read; returns those sources' URLs. */
    Set<String> claim(List<String> sources);

    /** Every source: the one process on an embedded index reads them all. */
    SourceClaims ALL = Set::copyOf;
}
