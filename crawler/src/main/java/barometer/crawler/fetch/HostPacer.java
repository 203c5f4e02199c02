package barometer.crawler.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps requests to one host apart: at least the configured floor, or the host's own Crawl-delay when
 * longer. Hosts do not wait for each other.
 */
public final class HostPacer {
    private final Duration floor;
    private final Map<String, Long> nextAllowed = new ConcurrentHashMap<>();

    public HostPacer(Duration floor) {
        this.floor = floor;
    }

    /** Blocks until a request to this host is polite, then books the next slot. */
    public void await(URI uri, Duration hostDelay) throws InterruptedException {
        long gap = Math.max(floor.toNanos(), hostDelay.toNanos());
        String host = hostKey(uri);
        long now = System.nanoTime();
        long[] wait = new long[1];
        nextAllowed.compute(host, (h, next) -> {
            long start = next == null ? now : Math.max(now, next);
            wait[0] = start - now;
            return start + gap;
        });
        if (wait[0] > 0) {
            Thread.sleep(wait[0] / 1_000_000, (int) (wait[0] % 1_000_000));
        }
    }

    /** scheme://host:port, lower-cased: what robots.txt and politeness apply to. */
    static String hostKey(URI uri) {
        return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).toLowerCase(Locale.ROOT);
    }
}
