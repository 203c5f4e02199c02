package barometer.api.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Posts alerts to a saved search's webhook as JSON ({@code {"search": ..., "alert": ...}}) on a thread of its own,
 * so a slow or failing receiver never holds up a crawl or an import. A failure (no answer, a timeout, any status
 * but 2xx) is retried after {@code retryBase}, doubling each time with up to a quarter of jitter, at most
 * {@code retries} times; then the alert is logged as undelivered (it stays in the Atom feed).
 */
public final class WebhookSender implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final HttpClient http;
    private final ObjectMapper json;
    private final int retries;
    private final Duration retryBase;
    private final ScheduledExecutorService timer;
    private final Duration timeout;
    private final AtomicLong delivered = new AtomicLong(), failed = new AtomicLong();

    private final barometer.crawler.fetch.AddressGuard guard;

    /**
     * @param guard the check every webhook address passes before each attempt (as admin-added sources do: no
     *        loopback or private address unless {@code barometer.crawl.allow-private-hosts} names it)
     */
    public WebhookSender(ObjectMapper json, int retries, Duration retryBase, Duration timeout,
            barometer.crawler.fetch.AddressGuard guard) {
        this.guard = guard;
        this.json = json;
        this.retries = retries;
        this.retryBase = retryBase;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "barometer-webhooks");
            t.setDaemon(true);
            return t;
        });
        this.timeout = timeout;
    }

    /** Queues the alert for delivery and returns at once. */
    public void send(SavedSearch search, Alert alert) {
        if (search.webhook() == null || search.webhook().isBlank()) {
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of("search", search, "alert", alert));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the alert as JSON", e);
        }
        timer.execute(() -> attempt(search, alert, body, 0));
    }

    private void attempt(SavedSearch search, Alert alert, byte[] body, int tried) {
        String problem;
        try {
            guard.check(URI.create(search.webhook()));
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            LOG.warnf("Alert %s of saved search %s not sent: its webhook is refused: %s", alert.key(), search.id(),
                    e.getMessage());
            return;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(search.webhook())).timeout(timeout)
                    .header("Content-Type", "application/json").header("User-Agent", "Barometer alerts")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            // Sent on this thread: deliveries go one at a time, and the crawl never waits on this thread.
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                delivered.incrementAndGet();
                return;
            }
            problem = "HTTP " + status;
        } catch (IOException | IllegalArgumentException e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (tried >= retries) {
            failed.incrementAndGet();
            LOG.warnf("Alert %s of saved search %s not delivered to its webhook after %d tries: %s", alert.key(),
                    search.id(), tried + 1, problem);
            return;
        }
        long wait = retryBase.toMillis() << tried;
        wait += ThreadLocalRandom.current().nextLong(wait / 4 + 1);
        timer.schedule(() -> attempt(search, alert, body, tried + 1), wait, TimeUnit.MILLISECONDS);
    }

    /** Alerts a webhook took (a 2xx). */
    public long delivered() {
        return delivered.get();
    }

    /** Alerts given up on after every retry. */
    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
