package barometer.crawler.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.crawler.FixtureServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FetcherTest {
    private FixtureServer server;
    private Fetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        fetcher = new Fetcher(new FetchSettings("Barometer-test/1", Duration.ofSeconds(2), Duration.ofSeconds(2), 1024,
                2, Duration.ofMillis(20)));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void decodesGzipBodies() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write("hello gzip".getBytes(StandardCharsets.UTF_8));
        }
        server.on("/gz", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            FixtureServer.send(exchange, 200, "text/plain; charset=utf-8", zipped.toByteArray());
        });

        FetchedResource r = fetcher.fetch(server.uri("/gz"));

        assertArrayEquals("hello gzip".getBytes(StandardCharsets.UTF_8), r.body());
        assertEquals(StandardCharsets.UTF_8, r.declaredCharset().orElseThrow());
    }

    @Test
    void sendsBarometerUserAgent() throws Exception {
        fetcher.fetch(server.uri("/rss.xml"));

        assertEquals("Barometer-test/1", server.userAgents.get(0));
    }

    @Test
    void followsRedirectsAndReportsTheFinalAddress() throws Exception {
        server.on("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "/rss.xml");
            FixtureServer.send(exchange, 301, "text/plain", new byte[0]);
        });

        FetchedResource r = fetcher.fetch(server.uri("/moved"));

        assertEquals(server.uri("/rss.xml"), r.finalUri());
    }

    @Test
    void refusesBodiesOverTheLimit() {
        server.on("/big", exchange -> FixtureServer.send(exchange, 200, "text/html", new byte[4096]));

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(server.uri("/big")));

        assertEquals("body larger than 1024 bytes", e.getMessage());
    }

    @Test
    void failsOnErrorStatus() {
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(server.uri("/nothing-here")));

        assertEquals("HTTP 404", e.getMessage());
        assertEquals(404, e.status());
    }

    @Test
    void retriesAfterServiceUnavailable() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        server.on("/flaky", exchange -> FixtureServer.send(exchange, calls.incrementAndGet() < 3 ? 503 : 200,
                "text/plain", "ok".getBytes()));

        FetchedResource r = fetcher.fetch(server.uri("/flaky"));

        assertArrayEquals("ok".getBytes(), r.body());
        assertEquals(3, calls.get());
    }

    @Test
    void givesUpAfterTheRetriesAndReportsTheLastStatus() {
        server.on("/down", exchange -> FixtureServer.send(exchange, 500, "text/plain", new byte[0]));

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(server.uri("/down")));

        assertEquals(500, e.status());
        assertEquals(3, server.requests.stream().filter("/down"::equals).count(), "one try and two retries");
    }

    @Test
    void doesNotRetryAClientError() {
        assertThrows(FetchException.class, () -> fetcher.fetch(server.uri("/nothing-here")));

        assertEquals(1, server.requests.size());
    }

    @Test
    void waitsAsLongAsRetryAfterAsks() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        server.on("/busy", exchange -> {
            if (calls.incrementAndGet() == 1) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                FixtureServer.send(exchange, 429, "text/plain", new byte[0]);
            } else {
                FixtureServer.send(exchange, 200, "text/plain", "ok".getBytes());
            }
        });
        long t0 = System.nanoTime();

        fetcher.fetch(server.uri("/busy"));

        assertTrue(System.nanoTime() - t0 >= 1_000_000_000L, "waited the second the server asked for");
        assertEquals(2, calls.get());
    }

    @Test
    void timesOutOnABodyThatStalls() {
        server.on("/stall", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write(new byte[10]);
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(server.uri("/stall")));

        assertTrue(e.getMessage().startsWith("timed out"), e.getMessage());
    }
}
