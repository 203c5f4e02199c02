package barometer.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.crawler.extract.ArticleExtractor;
import barometer.crawler.feed.FeedReader;
import barometer.crawler.fetch.AddressGuard;
import barometer.crawler.fetch.FetchSettings;
import barometer.crawler.fetch.Fetcher;
import barometer.crawler.fetch.HostGate;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Politeness and reach across many sources at once, against real servers on 127.0.0.1 that answer several requests
 * in parallel (so that a crawler opening several connections to one host would be seen doing it).
 */
class PolitenessTest {
    @TempDir
    Path data;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private final AtomicInteger busyAnswers = new AtomicInteger();
    private HttpServer site;
    private HttpServer internal;
    private final List<String> internalRequests = new CopyOnWriteArrayList<>();

    private record Seen(String path, long atNanos) {
    }

    @BeforeEach
    void start() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.setExecutor(threads);
        site.createContext("/", this::answer);
        site.start();
        internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        internal.setExecutor(threads);
        internal.createContext("/", ex -> {
            internalRequests.add(ex.getRequestURI().getPath());
            send(ex, 200, "text/plain", "secret");
        });
        internal.start();
    }

    @AfterEach
    void stop() {
        site.stop(0);
        internal.stop(0);
        threads.shutdownNow();
    }

    private String base() {
        return "http://127.0.0.1:" + site.getAddress().getPort();
    }

    private void answer(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        seen.add(new Seen(path, System.nanoTime()));
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        try {
            Thread.sleep(150); // long enough that overlapping requests would overlap here
            if (path.equals("/robots.txt")) {
                send(ex, 200, "text/plain", "User-agent: *\nCrawl-delay: 1\n");
            } else if (path.startsWith("/feed")) {
                String n = path.replaceAll("\\D", "");
                String item = n.equals("1") ? "/busy.html" : "/page" + n + ".html";
                send(ex, 200, "application/rss+xml", "<rss version=\"2.0\"><channel><title>Feed " + n + "</title>"
                        + "<item><title>Item " + n + "</title><link>" + base() + item + "</link></item></channel></rss>");
            } else if (path.equals("/busy.html") && busyAnswers.getAndIncrement() == 0) {
                ex.getResponseHeaders().set("Retry-After", "3");
                send(ex, 503, "text/plain", "later");
            } else {
                send(ex, 200, "text/html; charset=utf-8", "<html><head><title>" + path + "</title></head><body>"
                        + "<article><p>The secession campaign gathered signatures across the state this week, and "
                        + "its organisers said the count was on track for the ballot.</p></article></body></html>");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Crawler crawler(Fetcher fetcher, int maxConcurrent) {
        return new Crawler(fetcher, new FeedReader(), new ArticleExtractor(), "barometer",
                new FeedValidatorStore(data.resolve("feeds.properties")), maxConcurrent);
    }

    @Test
    void manySourcesOnOneHostArePacedAsOneWithOneConnectionAndRetryAfterHeld() {
        FetchSettings settings = new FetchSettings("Barometer-test/1", Duration.ofSeconds(2), Duration.ofSeconds(5),
                1 << 20, 2, Duration.ofMillis(10));
        try (Fetcher fetcher = new Fetcher(settings, new HostGate(Duration.ZERO), AddressGuard.strict())) {
            List<FeedSource> sources = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                sources.add(new FeedSource(java.net.URI.create(base() + "/feed" + i + ".xml"), "t"));
            }
            List<Article> stored = new CopyOnWriteArrayList<>();

            CrawlReport report = crawler(fetcher, 4).crawl(sources, u -> false, ArticleSink.synchronous(stored::add));

            assertEquals(4, report.articles(), report.problems().toString());
            assertEquals(1, mostOpen.get(), "requests open to the host at once");
            assertEquals("/robots.txt", seen.get(0).path());
            assertEquals(10, seen.size(), "robots.txt, 4 feeds, 4 pages and one retry: " + seen);
            for (int i = 1; i < seen.size(); i++) {
                long gapMs = (seen.get(i).atNanos() - seen.get(i - 1).atNanos()) / 1_000_000;
                assertTrue(gapMs >= 900, "Crawl-delay 1 s, but " + seen.get(i - 1).path() + " -> " + seen.get(i).path()
                        + " came " + gapMs + " ms apart");
            }
            List<Seen> busy = seen.stream().filter(s -> s.path().equals("/busy.html")).toList();
            assertEquals(2, busy.size());
            long retryMs = (busy.get(1).atNanos() - busy.get(0).atNanos()) / 1_000_000;
            assertTrue(retryMs >= 2950, "Retry-After 3 s, asked again after " + retryMs + " ms");
            int afterBusy = seen.indexOf(busy.get(0)) + 1;
            long nextMs = (seen.get(afterBusy).atNanos() - busy.get(0).atNanos()) / 1_000_000;
            assertTrue(nextMs >= 2950, "the whole host was left alone for the Retry-After: " + nextMs + " ms");
        }
    }

    @Test
    void aPublicOnlySourceReachesNoInternalListenerThroughRedirectsOrLinkSpellings() {
        int hidden = internal.getAddress().getPort();
        site.createContext("/moved.xml", ex -> {
            ex.getResponseHeaders().set("Location", "http://127.0.0.1:" + hidden + "/feed.xml");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        site.createContext("/links.xml", ex -> {
            StringBuilder items = new StringBuilder();
            for (String host : List.of("localhost", "0x7f000001", "2130706433", "[::1]", "0177.0.0.1")) {
                items.append("<item><title>").append(host).append("</title><link>http://").append(host).append(':')
                        .append(hidden).append("/article.html</link></item>");
            }
            send(ex, 200, "application/rss+xml", "<rss version=\"2.0\"><channel><title>Links</title>" + items
                    + "</channel></rss>");
        });
        AddressGuard onlyTheSite = new AddressGuard(Set.of("127.0.0.1:" + site.getAddress().getPort()));
        try (Fetcher fetcher = new Fetcher(FetchSettings.defaults(), new HostGate(Duration.ZERO), onlyTheSite)) {
            CrawlReport report = crawler(fetcher, 1).crawl(List.of(
                    new FeedSource(java.net.URI.create(base() + "/moved.xml"), "t", null, true),
                    new FeedSource(java.net.URI.create(base() + "/links.xml"), "t", null, true)),
                    u -> false, ArticleSink.synchronous(a -> { }));

            assertEquals(List.of(), internalRequests, "the internal listener was reached");
            assertEquals(SourceResult.Outcome.FAILED, report.sources().get(0).outcome());
            assertTrue(report.sources().get(0).error().startsWith("refused: 127.0.0.1 resolves to 127.0.0.1"),
                    report.sources().get(0).error());
            assertEquals(5, report.pagesFailed(), report.problems().toString());
            assertTrue(report.problems().stream().skip(1).allMatch(p -> p.contains("refused: ")),
                    report.problems().toString());
        }
    }
}
