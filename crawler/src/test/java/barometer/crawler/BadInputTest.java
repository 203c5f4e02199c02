package barometer.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.crawler.extract.ArticleExtractor;
import barometer.crawler.extract.ExtractedPage;
import barometer.crawler.feed.FeedReader;
import barometer.crawler.fetch.FetchException;
import barometer.crawler.fetch.FetchSettings;
import barometer.crawler.fetch.Fetcher;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the real web throws at a crawler, served from loopback: each is handled, reported, and costs nothing else. */
class BadInputTest {
    private FixtureServer server;
    private Fetcher fetcher;
    private final ArticleExtractor extractor = new ArticleExtractor();
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path data;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        fetcher = new Fetcher(new FetchSettings("Barometer-test/1", Duration.ofSeconds(1), Duration.ofSeconds(1),
                64 * 1024, 0, Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private ExtractedPage page(String path, String type, byte[] body) throws FetchException {
        server.on(path, ex -> FixtureServer.send(ex, 200, type, body));
        return extractor.extract(fetcher.fetch(server.uri(path)));
    }

    @Test
    void aRedirectLoopIsAnErrorNotAHang() {
        server.on("/loop/a", ex -> {
            ex.getResponseHeaders().set("Location", "/loop/b");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.on("/loop/b", ex -> {
            ex.getResponseHeaders().set("Location", "/loop/a");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        FetchException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(FetchException.class, () -> fetcher.fetch(server.uri("/loop/a"))));
        assertTrue(server.requests.size() <= 12, "requests: " + server.requests.size());
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void aBodyThatTricklesForeverIsCutOffAtTheReadTimeout() {
        server.on("/trickle", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (Exception closedByClient) {
                // the fetcher hung up, as it should
            }
        });
        FetchException e = assertTimeoutPreemptively(Duration.ofSeconds(8),
                () -> assertThrows(FetchException.class, () -> fetcher.fetch(server.uri("/trickle"))));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }

    @Test
    void anEndlessBodyStopsAtTheSizeLimit() {
        server.on("/endless", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 10_000; i++) {
                    out.write(chunk);
                }
            } catch (Exception closedByClient) {
                // the fetcher stopped reading, as it should
            }
        });
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(server.uri("/endless")));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    void invalidUtf8KeepsTheValidTextAround() throws Exception {
        byte[] good = "<html><body><article><p>Caf\u00e9 owners in Sacramento debated the secession petition for hours on Tuesday evening.</p>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, ' '};
        byte[] rest = "<p>Organisers said they would return next month with more signatures and a new plan for the ballot.</p></article></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[good.length + bad.length + rest.length];
        System.arraycopy(good, 0, body, 0, good.length);
        System.arraycopy(bad, 0, body, good.length, bad.length);
        System.arraycopy(rest, 0, body, good.length + bad.length, rest.length);
        ExtractedPage p = page("/mixed.html", "text/html; charset=utf-8", body);
        assertTrue(p.text().contains("Café owners in Sacramento"), p.text());
        assertTrue(p.text().contains("Organisers said they would return"), p.text());
    }

    @Test
    void anUndeclaredWindows1252PageIsDetected() throws Exception {
        String html = "<html><body><article><p>\u201cWe are not leaving,\u201d said the mayor, whose caf\u00e9 "
                + "has hosted the campaign\u2019s meetings since the spring of last year.</p></article></body></html>";
        ExtractedPage p = page("/latin.html", "text/html", html.getBytes(Charset.forName("windows-1252")));
        assertTrue(p.text().contains("\u201cWe are not leaving,\u201d"), p.text());
        assertTrue(p.text().contains("caf\u00e9"), p.text());
    }

    @Test
    void aPageThatIsOnlyScriptsHasNoText() throws Exception {
        ExtractedPage p = page("/app.html", "text/html", ("<html><head><script>var a = 'Secession news';</script></head>"
                + "<body><div id=app></div><script src=/app.js></script><noscript>Enable JavaScript</noscript></body></html>")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("", p.text());
    }

    @Test
    void aPageInAnotherLanguageIsReadWithItsLanguage() throws Exception {
        ExtractedPage p = page("/de.html", "text/html; charset=utf-8", ("<html lang=\"de-DE\"><head><title>Bayern</title>"
                + "<meta property=\"article:published_time\" content=\"2023-08-05T10:00:00+02:00\"></head><body><article>"
                + "<h1>Umfrage zur Unabhängigkeit Bayerns</h1><p>Ein Drittel der Bayern würde einen Austritt aus der "
                + "Bundesrepublik unterstützen, zeigt eine neue Umfrage, die am Samstag veröffentlicht wurde.</p>"
                + "</article></body></html>").getBytes(StandardCharsets.UTF_8));
        assertEquals("de", p.language());
        assertEquals(Instant.parse("2023-08-05T08:00:00Z"), p.published());
        assertTrue(p.text().contains("Ein Drittel der Bayern würde einen Austritt"), p.text());
    }

    @Test
    void aFeedWithEntitiesAndBrokenDatesIsStillCrawled() throws Exception {
        server.on("/odd.xml", ex -> FixtureServer.send(ex, 200, "text/xml", ("<rss version=\"2.0\"><channel>"
                + "<title>Odd &amp; Ends</title><item><title>Caf&eacute; talk</title><link>/pages/referendum.html</link>"
                + "<pubDate>Mon, 2 Jan 17 08:00 EST</pubDate></item><item><title>Bad date</title>"
                + "<link>/pages/undated.html</link><pubDate>the other day</pubDate></item></channel></rss>")
                .getBytes(StandardCharsets.ISO_8859_1)));
        Crawler crawler = new Crawler(fetcher, new FeedReader(), extractor, "barometer", 
                new FeedValidatorStore(data.resolve("feeds.properties")));
        List<Article> articles = new ArrayList<>();
        CrawlReport report = crawler.crawl(List.of(new FeedSource(server.uri("/odd.xml"), "t")), u -> false,
                ArticleSink.synchronous(articles::add));
        assertEquals(0, report.feedsFailed());
        assertEquals(2, articles.size());
    }

    @Test
    void aPublicOnlyFetchRefusesARedirectIntoTheInternalNetwork() throws Exception {
        server.on("/out", ex -> {
            ex.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        try (Fetcher guarded = allowingTheFixtureServer()) {
            FetchException e = assertThrows(FetchException.class, () -> guarded.fetch(server.uri("/out"),
                    barometer.crawler.fetch.Validators.NONE, barometer.crawler.fetch.Reach.PUBLIC_ONLY));
            assertTrue(e.refused(), e.getMessage());
            assertEquals("refused: 169.254.169.254 resolves to 169.254.169.254, an internal address; allow its "
                    + "host:port in barometer.crawl.allow-private-hosts if it is meant", e.getMessage());
        }
    }

    @Test
    void aPublicOnlyFetchFollowsOrdinaryRedirectsHopByHop() throws Exception {
        server.on("/moved", ex -> {
            ex.getResponseHeaders().set("Location", "/pages/referendum.html");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        try (Fetcher guarded = allowingTheFixtureServer()) {
            var page = guarded.fetch(server.uri("/moved"), barometer.crawler.fetch.Validators.NONE,
                    barometer.crawler.fetch.Reach.PUBLIC_ONLY).orElseThrow();
            assertEquals(List.of("/moved", "/pages/referendum.html"), server.requests);
            assertEquals(server.uri("/pages/referendum.html"), page.finalUri());
        }
    }

    private Fetcher allowingTheFixtureServer() {
        return new Fetcher(FetchSettings.defaults(), new barometer.crawler.fetch.HostGate(Duration.ZERO),
                new barometer.crawler.fetch.AddressGuard(java.util.Set.of("127.0.0.1:" + server.uri("/").getPort())));
    }
}
