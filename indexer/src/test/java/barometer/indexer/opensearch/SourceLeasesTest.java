package barometer.indexer.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.indexer.TaggingShare;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two workers share four sources through leases on the real cluster: never both on one source, each its half once
 * both live, and the survivor takes all of them once the other's leases run out. Time is a clock the test moves.
 */
class SourceLeasesTest {
    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();
    private static final List<String> SOURCES = List.of("http://a.test/feed", "http://b.test/feed",
            "http://c.test/feed", "http://d.test/feed");
    private static final Duration LEASE = Duration.ofSeconds(30);

    /** A clock that stands still until the test moves it. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void workersSplitTheSourcesAndTheSurvivorTakesOverWhenALeaseRunsOut() {
        TestClock clock = new TestClock();
        ClusterSettings settings = ClusterSettings.of(CLUSTER.cluster().hosts(), "leases-" + System.nanoTime());
        try (SourceLeases a = new SourceLeases(settings, "worker-a", LEASE, clock)) {
            assertEquals(TaggingShare.ALL, a.share(), "alone, A tags the whole queue");
            assertEquals(Set.copyOf(SOURCES), a.claim(SOURCES), "alone, A takes every source");
            try (SourceLeases b = new SourceLeases(settings, "worker-b", LEASE, clock)) {
                assertEquals(new TaggingShare(1, 2), b.share(), "B's heartbeat makes two live workers; B sorts second");
                assertEquals(Set.of(), b.claim(SOURCES), "A's leases are live: B takes none yet");
                assertEquals(TaggingShare.ALL, a.share(), "A learns of B at its next claim");

                clock.advance(Duration.ofSeconds(2));
                assertEquals(Set.copyOf(SOURCES), a.claim(SOURCES, Set.copyOf(SOURCES)),
                        "a crawl of A still reads all four: A keeps them beyond its fair share");
                assertEquals(Set.of(), b.claim(SOURCES), "so B cannot read them at the same time");

                clock.advance(Duration.ofSeconds(5));
                Set<String> aHalf = a.claim(SOURCES);
                Set<String> bHalf = b.claim(SOURCES);
                assertEquals(2, aHalf.size(), "with two live workers A keeps its fair share and lets the rest go");
                assertEquals(2, bHalf.size());
                assertEquals(new TaggingShare(0, 2), a.share());
                assertEquals(new TaggingShare(1, 2), b.share());
                Set<String> both = new HashSet<>(aHalf);
                both.retainAll(bHalf);
                assertEquals(Set.of(), both, "no source is held by both");
                Map<String, String> holders = a.holders(SOURCES);
                assertEquals(4, holders.size());
                aHalf.forEach(s -> assertEquals("worker-a", holders.get(s)));
                bHalf.forEach(s -> assertEquals("worker-b", holders.get(s)));

                // A dies: it claims no more. Within the lease its sources stay its own; after it, B has them all.
                clock.advance(Duration.ofSeconds(20));
                assertEquals(bHalf, b.claim(SOURCES), "A's leases have 10 s left");
                clock.advance(Duration.ofSeconds(11));
                assertEquals(Set.copyOf(SOURCES), b.claim(SOURCES), "A's heartbeat and leases ran out");
                assertTrue(b.holders(SOURCES).values().stream().allMatch("worker-b"::equals));
                assertEquals(TaggingShare.ALL, b.share(), "alone again, B tags A's part of the queue too");
            }
        }
    }
}
