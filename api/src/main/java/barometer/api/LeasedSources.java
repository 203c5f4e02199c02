package barometer.api;

import barometer.indexer.TaggingShare;
import barometer.indexer.opensearch.SourceLeases;
import java.util.List;
import java.util.Set;

/** A worker on a cluster: reads the sources it holds leases on and tags its part of the queue. */
final class LeasedSources implements SourceClaims, AutoCloseable {
    private final SourceLeases leases;
    private volatile Set<String> held = Set.of();

    LeasedSources(SourceLeases leases) {
        this.leases = leases;
    }

    @Override
    public Set<String> claim(List<String> sources, Set<String> busy) {
        Set<String> now = Set.copyOf(leases.claim(sources, busy));
        held = now;
        return now;
    }

    @Override
    public TaggingShare share() {
        return leases.share();
    }

    @Override
    public Holding holding() {
        return new Holding(leases.worker(), new java.util.TreeSet<>(held), leases.share());
    }

    @Override
    public void close() {
        leases.close();
    }
}
