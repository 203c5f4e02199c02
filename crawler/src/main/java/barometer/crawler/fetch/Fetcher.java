package barometer.crawler.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * Fetches feeds and pages over HTTP with {@link HttpClient}: follows redirects, asks for gzip, names
 * Barometer in its User-Agent, and bounds both time and size so that one slow or huge resource cannot
 * stall a crawl.
 *
 * <p>One instance is meant to be shared: it holds the HTTP client's connection pool and a timer thread.
 * Close it when the crawler shuts down.
 */
public final class Fetcher implements AutoCloseable {
    private static final long MAX_RETRY_WAIT_MILLIS = 60_000;
    private final FetchSettings settings;
    /** Redirects followed at most when the caller checks each hop (the client's own limit is the same). */
    static final int MAX_REDIRECTS = 5;
    private final HttpClient client;
    /** Follows no redirects: for fetches whose every hop must pass a check. */
    private final HttpClient stepwise;
    private final ScheduledExecutorService watchdog;

    public Fetcher(FetchSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(settings.connectTimeout())
                .build();
        this.stepwise = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "barometer-fetch-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Fetches one resource, trying again after transient failures (no answer, timeout, 429, 5xx) with
     * exponential backoff and jitter; a 4xx fails at once.
     *
     * @throws FetchException on a network error, a timeout, a non-2xx status or a body over the limit
     */
    public FetchedResource fetch(URI uri) throws FetchException {
        return fetch(uri, Validators.NONE).orElseThrow(() -> new FetchException(uri, 304, "HTTP 304 without a condition"));
    }

    /**
     * Fetches a resource unless it is unchanged since the validators were given (conditional GET).
     *
     * @return empty when the server answers 304 Not Modified
     */
    public java.util.Optional<FetchedResource> fetch(URI uri, Validators since) throws FetchException {
        return fetch(uri, since, null);
    }

    /**
     * Fetches a resource, following redirects one by one and passing each address to {@code hopCheck} first, so
     * that a redirect cannot lead where the first address could not (an internal address, say); at most
     * {@link #MAX_REDIRECTS} hops, and a loop is an error.
     *
     * @param hopCheck throws an unchecked exception to refuse an address; {@code null}: the client follows
     *        redirects itself
     */
    public java.util.Optional<FetchedResource> fetch(URI uri, Validators since,
            java.util.function.Consumer<URI> hopCheck) throws FetchException {
        for (int attempt = 0; ; attempt++) {
            try {
                return hopCheck == null ? fetchOnce(client, uri, since) : fetchStepwise(uri, since, hopCheck);
            } catch (RetryAfter e) {
                if (attempt >= settings.retries()) {
                    throw e.failure;
                }
                pause(Math.max(backoff(attempt), e.waitMillis));
            } catch (FetchException e) {
                if (!e.transientFailure() || attempt >= settings.retries()) {
                    throw e;
                }
                pause(backoff(attempt));
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

    /** A 429 with the wait the server asked for. */
    private static final class RetryAfter extends Exception {
        final FetchException failure;
        final long waitMillis;

        RetryAfter(FetchException failure, long waitMillis) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
            this.waitMillis = waitMillis;
        }
    }

    private java.util.Optional<FetchedResource> fetchStepwise(URI uri, Validators since,
            java.util.function.Consumer<URI> hopCheck) throws FetchException, RetryAfter {
        java.util.Set<URI> visited = new java.util.HashSet<>();
        URI next = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            try {
                hopCheck.accept(next);
            } catch (RuntimeException refused) {
                throw new FetchException(next, "refused: " + refused.getMessage(), refused);
            }
            if (!visited.add(next)) {
                throw new FetchException(uri, "redirect loop at " + next);
            }
            try {
                return fetchOnce(stepwise, next, since);
            } catch (Redirect r) {
                next = r.location;
            }
        }
        throw new FetchException(uri, "more than " + MAX_REDIRECTS + " redirects");
    }

    /** A 3xx answer of the stepwise client, with where it points; caught by {@link #fetchStepwise}. */
    private static final class Redirect extends RuntimeException {
        final URI location;

        Redirect(URI location) {
            super("redirected to " + location, null, false, false);
            this.location = location;
        }
    }

    private java.util.Optional<FetchedResource> fetchOnce(HttpClient via, URI uri, Validators since)
            throws FetchException, RetryAfter {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        if (!since.etag().isEmpty()) {
            builder.header("If-None-Match", since.etag());
        }
        if (!since.lastModified().isEmpty()) {
            builder.header("If-Modified-Since", since.lastModified());
        }
        HttpRequest request = builder
                .timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept-Encoding", "gzip")
                .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                        + "application/xml;q=0.9,*/*;q=0.5")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = via.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FetchException(uri, "timed out after " + settings.readTimeout().toSeconds() + " s", e);
        } catch (IOException e) {
            throw new FetchException(uri, "could not connect: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(uri, "interrupted", e);
        }
        try (InputStream raw = response.body()) {
            int status = response.statusCode();
            if (status == 304 && !since.isEmpty()) {
                return java.util.Optional.empty();
            }
            if (via == stepwise && status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElse("");
                if (!location.isBlank()) {
                    try {
                        throw new Redirect(uri.resolve(location.strip()));
                    } catch (IllegalArgumentException e) {
                        throw new FetchException(uri, status, "HTTP " + status + " to an unusable Location");
                    }
                }
            }
            if (status == 429) {
                long wait = response.headers().firstValue("Retry-After").map(Fetcher::seconds).orElse(0L) * 1000;
                throw new RetryAfter(new FetchException(uri, status, "HTTP 429 (too many requests)"), wait);
            }
            if (status < 200 || status > 299) {
                throw new FetchException(uri, status, "HTTP " + status);
            }
            String encoding = response.headers().firstValue("Content-Encoding").orElse("").toLowerCase(Locale.ROOT);
            byte[] body = readBounded(uri, raw, encoding.contains("gzip"));
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            Validators validators = new Validators(response.headers().firstValue("ETag").orElse(""),
                    response.headers().firstValue("Last-Modified").orElse(""));
            URI location = response.headers().firstValue("Content-Location").map(v -> {
                try {
                    return response.uri().resolve(v.strip());
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }).orElse(null);
            return java.util.Optional.of(new FetchedResource(uri, response.uri(), contentType, body, validators,
                    location));
        } catch (IOException e) {
            throw new FetchException(uri, "could not read the body: " + describe(e), e);
        }
    }

    private byte[] readBounded(URI uri, InputStream raw, boolean gzip) throws IOException, FetchException {
        // The request timeout covers only the headers; closing the stream unblocks a read that stalls.
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = watchdog.schedule(() -> {
            timedOut.set(true);
            closeQuietly(raw);
        }, settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBodyBytes() + 1));
            if (body.length > settings.maxBodyBytes()) {
                throw new FetchException(uri, "body larger than " + settings.maxBodyBytes() + " bytes");
            }
            return body;
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new FetchException(uri, "timed out reading the body after "
                        + settings.readTimeout().toSeconds() + " s", e);
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    /** Retry-After in seconds; an HTTP date or garbage counts as no wait asked. */
    private static long seconds(String retryAfter) {
        try {
            return Math.max(0, Long.parseLong(retryAfter.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing is only how the watchdog interrupts a stalled read; the reader reports the failure.
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        client.close();
    }
}
