package barometer.api.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aFailedDeliveryIsRetriedUntilTheReceiverTakesIt() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger calls = new AtomicInteger();
        List<String> bodies = new CopyOnWriteArrayList<>();
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(calls.incrementAndGet() < 3 ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
        try (WebhookSender sender = new WebhookSender(JSON, 5, Duration.ofMillis(50), Duration.ofSeconds(5),
                allowing(server))) {
            long before = System.nanoTime();
            sender.send(search(server), ALERT);
            assertTrue(System.nanoTime() - before < 200_000_000L, "send returns before delivering");
            for (int i = 0; i < 100 && sender.delivered() == 0; i++) {
                Thread.sleep(50);
            }
            assertEquals(1, sender.delivered());
            assertEquals(0, sender.failed());
            assertEquals(3, calls.get(), "two 503s, then a 204");
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
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try (WebhookSender sender = new WebhookSender(JSON, 2, Duration.ofMillis(20), Duration.ofSeconds(5),
                allowing(server))) {
            sender.send(search(server), ALERT);
            for (int i = 0; i < 100 && sender.failed() == 0; i++) {
                Thread.sleep(50);
            }
            assertEquals(1, sender.failed());
            assertEquals(3, calls.get(), "the first try and two retries");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aWebhookOnAPrivateAddressIsNotCalled() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try (WebhookSender sender = new WebhookSender(JSON, 2, Duration.ofMillis(20), Duration.ofSeconds(5),
                AddressGuard.strict())) {
            sender.send(search(server), ALERT);
            for (int i = 0; i < 100 && sender.failed() == 0; i++) {
                Thread.sleep(20);
            }
            assertEquals(1, sender.failed());
            assertEquals(0, calls.get());
        } finally {
            server.stop(0);
        }
    }
}
