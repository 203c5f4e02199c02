package barometer.api.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import barometer.crawler.fetch.AddressGuard;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Webhook delivery against a real HTTP server on loopback: retried with backoff, never on the caller's thread. */
class WebhookSenderTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final Alert ALERT = new Alert("volume|2026-11-30", "s1", AlertRule.VOLUME, LocalDate.of(2026, 11, 30),
            12.0, 5.0, "12 matching articles", "/explore?q=calexit", Instant.parse("2026-12-01T10:00:00Z"));

    private static SavedSearch search(HttpServer server) {
        return new SavedSearch("s1", "Calexit", "calexit", "", AlertRule.VOLUME, "week",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", Instant.parse("2026-11-01T00:00:00Z"));
    }

    private static AddressGuard allowing(HttpServer server) {
        return new AddressGuard(Set.of("127.0.0.1:" + server.getAddress().getPort()));
    }

    /** A receiver on loopback that answers each call with the next status (the last one repeated). */
    private static HttpServer receiver(List<String> bodies, CountDownLatch open, int... statuses) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/hook", exchange -> {
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)], -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 200 && !done.getAsBoolean(); i++) {
            Thread.sleep(25);
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(30) // a send that waited for the held receiver would never return
    void aFailedDeliveryIsRetriedUntilTheReceiverTakesIt() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        CountDownLatch open = new CountDownLatch(1);
        HttpServer server = receiver(bodies, open, 503, 503, 204);
        try (WebhookSender sender = new WebhookSender(JSON, 5, Duration.ofMillis(50), Duration.ofSeconds(5),
                allowing(server))) {
            sender.send(search(server), ALERT);
            // The receiver holds the first call until now: send returned without waiting for it.
            assertEquals(0, sender.delivered() + sender.failed());
            open.countDown();
            await(() -> sender.delivered() > 0);
            assertEquals(1, sender.delivered());
            assertEquals(0, sender.failed());
            assertEquals(3, bodies.size(), "two 503s, then a 204");
            var body = JSON.readTree(bodies.get(2));
            assertEquals("volume|2026-11-30", body.at("/alert/key").asText());
            assertEquals("volume", body.at("/alert/rule").asText());
            assertEquals("calexit", body.at("/search/q").asText());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aReceiverThatNeverTakesItIsGivenUpAfterTheRetries() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = receiver(bodies, new CountDownLatch(0), 500);
        try (WebhookSender sender = new WebhookSender(JSON, 2, Duration.ofMillis(20), Duration.ofSeconds(5),
                allowing(server))) {
            sender.send(search(server), ALERT);
            await(() -> sender.failed() > 0);
            assertEquals(1, sender.failed());
            assertEquals(3, bodies.size(), "the first try and two retries");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aWebhookOnAPrivateAddressIsNotCalled() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = receiver(bodies, new CountDownLatch(0), 204);
        try (WebhookSender sender = new WebhookSender(JSON, 2, Duration.ofMillis(20), Duration.ofSeconds(5),
                AddressGuard.strict())) {
            sender.send(search(server), ALERT);
            await(() -> sender.failed() > 0);
            assertEquals(1, sender.failed());
            assertEquals(List.of(), bodies);
        } finally {
            server.stop(0);
        }
    }
}
