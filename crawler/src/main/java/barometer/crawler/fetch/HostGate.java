package barometer.crawler.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one place where politeness toward a host is kept, whoever asks: every request the {@link Fetcher} makes
 * (feeds, pages, robots.txt, each redirect hop and each retry) passes through it. Per host it holds
 * <ul>
 *   <li>the pace: two requests start at least the configured floor apart, or the host's robots.txt Crawl-delay
 *       when that is longer;</li>
 *   <li>the connection cap: at most {@code maxInFlight} requests are open to the host at once;</li>
 *   <li>a server's Retry-After (429 or 503): nothing is sent to the host before it has elapsed.</li>
 * </ul>
 * Hosts do not wait for each other. One gate is shared by every source of a crawler, so many sources on one host
 * are paced as one.
 */
public final class HostGate {
    private final Duration floor;
    private final int maxInFlight;
    private final Duration longestWait;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    /**
     * @param floor the least time between the starts of two requests to one host
     * @param maxInFlight requests open to one host at once at most
     * @param longestWait the longest a request waits for a host's Retry-After; a longer one fails it at once
     */
    public HostGate(Duration floor, int maxInFlight, Duration longestWait) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
        }
        this.floor = floor;
        this.maxInFlight = maxInFlight;
        this.longestWait = longestWait;
    }

    /** A gate with one request per host at a time and waits of up to a minute. */
    public HostGate(Duration floor) {
        this(floor, 1, Duration.ofMinutes(1));
    }

    /** Records the Crawl-delay a host's robots.txt asks for (zero: none). */
    public void crawlDelay(URI uri, Duration delay) {
        Host host = host(uri);
        host.lock.lock();
        try {
            host.crawlDelayNanos = Math.max(0, delay.toNanos());
            // The request that read robots.txt counts too: the next one keeps the delay from when robots.txt was
            // read (now), not from when its request started, since that first request also opened the connection,
            // and the server would otherwise see the next one sooner than the delay by the time that took.
            host.nextStart = Math.max(host.nextStart, System.nanoTime() + host.crawlDelayNanos);
        } finally {
            host.lock.unlock();
        }
    }

    /**
     * Waits until a request to this host is polite, then takes a place among its open requests.
     *
     * @return the permit, to be closed when the response has been read
     * @throws HostBusy when the host asked (Retry-After) to be left alone for longer than this gate waits
     */
    public Permit enter(URI uri) throws InterruptedException, HostBusy {
        Host host = host(uri);
        host.lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                long quietFor = host.quietUntil - now;
                if (quietFor > longestWait.toNanos()) {
                    throw new HostBusy(Instant.now().plusNanos(quietFor));
                }
                long startAt = Math.max(host.nextStart, host.quietUntil);
                if (host.inFlight < maxInFlight && now >= startAt) {
                    host.inFlight++;
                    host.nextStart = now + Math.max(floor.toNanos(), host.crawlDelayNanos);
                    return new Permit(host);
                }
                long waitNanos = host.inFlight < maxInFlight ? startAt - now : TimeUnit.SECONDS.toNanos(1);
                host.changed.awaitNanos(Math.max(1, waitNanos));
            }
        } finally {
            host.lock.unlock();
        }
    }

    private Host host(URI uri) {
        return hosts.computeIfAbsent(hostKey(uri), k -> new Host());
    }

    /** scheme://host:port, lower-cased: what robots.txt and politeness apply to. */
    static String hostKey(URI uri) {
        return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).toLowerCase(Locale.ROOT);
    }

    /** A place among a host's open requests. */
    public static final class Permit implements AutoCloseable {
        private final Host host;
        private boolean closed;

        private Permit(Host host) {
            this.host = host;
        }

        /** The server asked for quiet (Retry-After of a 429 or 503): no request to the host before it elapses. */
        public void quietFor(Duration wait) {
            host.lock.lock();
            try {
                host.quietUntil = Math.max(host.quietUntil, System.nanoTime() + wait.toNanos());
            } finally {
                host.lock.unlock();
            }
        }

        @Override
        public void close() {
            host.lock.lock();
            try {
                if (!closed) {
                    closed = true;
                    host.inFlight--;
                    host.changed.signalAll();
                }
            } finally {
                host.lock.unlock();
            }
        }
    }

    /** A host asked to be left alone (Retry-After) until a time further off than the gate waits. */
    public static final class HostBusy extends Exception {
        private final Instant until;

        HostBusy(Instant until) {
            super("the host asked for no requests until " + until + " (Retry-After)", null, false, false);
            this.until = until;
        }

        public Instant until() {
            return until;
        }
    }

    private static final class Host {
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        long crawlDelayNanos;
        long nextStart = System.nanoTime();
        long quietUntil = nextStart;
        int inFlight;
    }
}
