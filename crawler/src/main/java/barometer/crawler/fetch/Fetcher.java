package barometer.crawler.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches feeds and pages over HTTP (Apache HttpClient 5): asks for gzip, names Barometer in its User-Agent, and
 * bounds both time and size so that one slow or huge resource cannot stall a crawl.
 *
 * <p>Every request goes through the shared {@link HostGate} (pace, connection cap, Retry-After), each redirect hop
 * and each retry included, so politeness holds whatever asked for the request. Redirects are followed one hop at a
 * time (at most {@link #MAX_REDIRECTS}, loops refused), so that each hop can be checked: with
 * {@link Reach#PUBLIC_ONLY} every hop passes {@link AddressGuard#check(URI)}, and the connection is made by a client
 * whose resolver is the guard's, to the very addresses it checked.
 *
 * <p>One instance is meant to be shared: it holds the connection pools and a timer thread. Close it when the
 * crawler shuts down.
 */
public final class Fetcher implements AutoCloseable {
    /** Redirects followed at most. */
    static final int MAX_REDIRECTS = 5;
    private static final long MAX_RETRY_WAIT_MILLIS = 60_000;

    private final FetchSettings settings;
    private final HostGate gate;
    private final AddressGuard guard;
    private final CloseableHttpClient open;
    private final CloseableHttpClient guarded;
    private final ScheduledExecutorService watchdog;

    /** A fetcher of its own: no pace between requests, one request per host at a time, no internal address allowed. */
    public Fetcher(FetchSettings settings) {
        this(settings, new HostGate(Duration.ZERO), AddressGuard.strict());
    }

    /**
     * @param gate the politeness shared by every request of this fetcher
     * @param guard what {@link Reach#PUBLIC_ONLY} fetches must pass
     */
    public Fetcher(FetchSettings settings, HostGate gate, AddressGuard guard) {
        this.settings = settings;
        this.gate = gate;
        this.guard = guard;
        this.open = client(settings, SystemDefaultDnsResolver.INSTANCE);
        this.guarded = client(settings, new DnsResolver() {
            @Override
            public java.net.InetAddress[] resolve(String host) throws UnknownHostException {
                return guard.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
            }
        });
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "barometer-fetch-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    private static CloseableHttpClient client(FetchSettings settings, DnsResolver resolver) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                                .build())
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(8)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                // Hops, retries and decompression are ours: each hop is checked and paced, bodies are bounded.
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .build();
    }

    /** The politeness this fetcher keeps (robots.txt tells it each host's Crawl-delay). */
    public HostGate gate() {
        return gate;
    }

    /**
     * Fetches one resource from anywhere, trying again after transient failures.
     *
     * @throws FetchException on a network error, a timeout, a non-2xx status or a body over the limit
     */
    public FetchedResource fetch(URI uri) throws FetchException {
        return fetch(uri, Validators.NONE, Reach.ANYWHERE)
                .orElseThrow(() -> new FetchException(uri, 304, "HTTP 304 without a condition"));
    }

    /**
     * Whether an address may be fetched at all with this reach, before anything (robots.txt included) is sent.
     *
     * @throws FetchException refused ({@link FetchException#refused()}) when it may not
     */
    public void admit(URI uri, Reach reach) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FetchException.refused(uri, "only http and https addresses are fetched");
        }
        if (reach == Reach.PUBLIC_ONLY) {
            try {
                guard.check(uri);
            } catch (AddressGuard.RefusedSource e) {
                throw FetchException.refused(uri, e.getMessage());
            }
        }
    }

    /**
     * Fetches a resource unless it is unchanged since the validators were given (conditional GET), trying again
     * after transient failures (no answer, timeout, 429, 5xx) with exponential backoff and jitter, or after the
     * Retry-After the server asked for; a 4xx fails at once.
     *
     * @return empty when the server answers 304 Not Modified
     */
    public Optional<FetchedResource> fetch(URI uri, Validators since, Reach reach) throws FetchException {
        for (int attempt = 0; ; attempt++) {
            try {
                return followHops(uri, since, reach);
            } catch (FetchException e) {
                if (!e.transientFailure() || attempt >= settings.retries()) {
                    throw e;
                }
                // A Retry-After is kept by the gate for the whole host; the backoff is this address's own.
                pause(backoff(attempt));
            }
        }
    }

    private Optional<FetchedResource> followHops(URI uri, Validators since, Reach reach) throws FetchException {
        Set<URI> visited = new HashSet<>();
        URI next = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            admit(next, reach);
            if (!visited.add(next)) {
                throw new FetchException(uri, "redirect loop at " + next);
            }
            Answer answer = exchange(uri, next, since, reach);
            if (answer.redirect == null) {
                return Optional.ofNullable(answer.resource);
            }
            next = answer.redirect;
        }
        throw new FetchException(uri, "more than " + MAX_REDIRECTS + " redirects");
    }

    /** One request and its answer: a resource, a redirect to follow, or nothing (304). */
    private record Answer(FetchedResource resource, URI redirect) {
    }

    private Answer exchange(URI requested, URI uri, Validators since, Reach reach) throws FetchException {
        HttpGet get = new HttpGet(uri);
        if (!since.etag().isEmpty()) {
            get.setHeader("If-None-Match", since.etag());
        }
        if (!since.lastModified().isEmpty()) {
            get.setHeader("If-Modified-Since", since.lastModified());
        }
        get.setHeader("User-Agent", settings.userAgent());
        get.setHeader("Accept-Encoding", "gzip");
        get.setHeader("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                + "application/xml;q=0.9,*/*;q=0.5");
        HostGate.Permit permit;
        try {
            permit = gate.enter(uri);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(uri, "interrupted", e);
        } catch (HostGate.HostBusy e) {
            throw new FetchException(uri, 503, e.getMessage());
        }
        // The whole response (headers and body) has a deadline: a body that trickles is cut off.
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = watchdog.schedule(() -> {
            timedOut.set(true);
            get.cancel();
        }, settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try (permit; ClassicHttpResponse response = (reach == Reach.PUBLIC_ONLY ? guarded : open)
                .executeOpen(null, get, null)) {
            return answer(requested, uri, since, response, permit);
        } catch (AddressGuard.InternalAddress e) {
            throw FetchException.refused(uri, e.getMessage());
        } catch (UnknownHostException e) {
            throw new FetchException(uri, "could not connect: unknown host " + uri.getHost(), e);
        } catch (IOException e) {
            if (timedOut.get() || e instanceof SocketTimeoutException) {
                throw new FetchException(uri, "timed out after " + settings.readTimeout().toSeconds() + " s", e);
            }
            throw new FetchException(uri, "could not connect: " + describe(e), e);
        } finally {
            deadline.cancel(false);
        }
    }

    private Answer answer(URI requested, URI uri, Validators since, ClassicHttpResponse response,
            HostGate.Permit permit) throws IOException, FetchException {
        int status = response.getCode();
        if (status == 304 && !since.isEmpty()) {
            return new Answer(null, null);
        }
        if (status >= 300 && status < 400 && status != 304) {
            String location = header(response, "Location");
            if (!location.isBlank()) {
                try {
                    return new Answer(null, uri.resolve(location.strip()));
                } catch (IllegalArgumentException e) {
                    throw new FetchException(uri, status, "HTTP " + status + " to an unusable Location");
                }
            }
        }
        if (status == 429 || status == 503) {
            Duration wait = retryAfter(header(response, "Retry-After"));
            if (!wait.isZero()) {
                permit.quietFor(wait);
            }
        }
        if (status == 429) {
            throw new FetchException(uri, status, "HTTP 429 (too many requests)");
        }
        if (status < 200 || status > 299) {
            throw new FetchException(uri, status, "HTTP " + status);
        }
        String encoding = header(response, "Content-Encoding").toLowerCase(Locale.ROOT);
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : readBounded(uri, entity.getContent(), encoding.contains("gzip"));
        Validators validators = new Validators(header(response, "ETag"), header(response, "Last-Modified"));
        String contentLocation = header(response, "Content-Location");
        URI location = null;
        if (!contentLocation.isBlank()) {
            try {
                location = uri.resolve(contentLocation.strip());
            } catch (IllegalArgumentException ignored) {
                // An unusable Content-Location is no base: links resolve against the address itself.
            }
        }
        return new Answer(new FetchedResource(requested, uri, header(response, "Content-Type"), body, validators,
                location), null);
    }

    private byte[] readBounded(URI uri, InputStream raw, boolean gzip) throws IOException, FetchException {
        try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBodyBytes() + 1));
            if (body.length > settings.maxBodyBytes()) {
                throw new FetchException(uri, "body larger than " + settings.maxBodyBytes() + " bytes");
            }
            return body;
        }
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null || h.getValue() == null ? "" : h.getValue();
    }

    /** Retry-After as seconds or an HTTP date; garbage or a date in the past counts as no wait asked. */
    static Duration retryAfter(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(Instant.now(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return Duration.ZERO;
            }
        }
    }

    private long backoff(int attempt) {
        long base = settings.retryBase().toMillis() << Math.min(attempt, 10);
        return base + ThreadLocalRandom.current().nextLong(Math.max(1, base / 2));
    }

    private static void pause(long millis) throws FetchException {
        try {
            Thread.sleep(Math.min(millis, MAX_RETRY_WAIT_MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(null, "interrupted", e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        closeQuietly(open);
        closeQuietly(guarded);
    }

    private static void closeQuietly(CloseableHttpClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // Closing frees the pooled connections; nothing is left to report on shutdown.
        }
    }
}
