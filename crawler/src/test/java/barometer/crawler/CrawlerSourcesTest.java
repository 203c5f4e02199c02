package barometer.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.crawler.extract.ArticleExtractor;
import barometer.crawler.feed.FeedReader;
import barometer.crawler.fetch.FetchSettings;
import barometer.crawler.fetch.Fetcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing-page sources, per-source results and the global cap on sources read at once. */
class CrawlerSourcesTest {
    @TempDir
    Path data;

    private Crawler crawler(Fetcher fetcher, int maxConcurrent) {
        return new Crawler(fetcher, new FeedReader(), new ArticleExtractor(), "barometer", 
                new FeedValidatorStore(data.resolve("feeds.properties")), maxConcurrent);
    }

    @Test
    void aListingPageYieldsTheLinksThatMatchItsPattern() throws Exception {
        try (FixtureServer server = new FixtureServer(); Fetcher fetcher = new Fetcher(FetchSettings.defaults())) {
            server.on("/section/politics", ex -> FixtureServer.send(ex, 200, "text/html; charset=utf-8", ("<html><body>"
                    + "<a href=\"/about.html\">About us</a><a href=\"/pages/referendum.html\">Referendum</a>"
                    + "<a href=\"/pages/referendum.html#comments\">Comments</a>"
                    + "<a href=\"/pages/undated.html\">Undated</a></body></html>").getBytes(StandardCharsets.UTF_8)));
            List<Article> articles = new CopyOnWriteArrayList<>();
            CrawlReport report = crawler(fetcher, 1).crawl(List.of(new FeedSource(server.uri("/section/politics"),
                    "politics", Pattern.compile("/pages/[a-z-]+\\.html$"))), u -> false, ArticleSink.synchronous(articles::add));
            assertEquals(2, report.articles());
            assertEquals(List.of("politics", "politics"), articles.stream().map(Article::topic).toList());
            assertTrue(articles.stream().anyMatch(a -> a.url().endsWith("/referendum.html") && a.language().equals("en")));
            assertTrue(server.requests.stream().noneMatch(r -> r.equals("/about.html")));
            assertEquals(SourceResult.Outcome.READ, report.sources().get(0).outcome());
        }
    }

    @Test
    void aSourceFromOutsideCannotSteerTheCrawlerToInternalAddresses() throws Exception {
        try (FixtureServer server = new FixtureServer(); Fetcher fetcher = new Fetcher(FetchSettings.defaults())) {
            List<Article> articles = new CopyOnWriteArrayList<>();
            CrawlReport report = crawler(fetcher, 1).crawl(List.of(new FeedSource(server.uri("/rss.xml"), "t", null,
                    true)), u -> false, ArticleSink.synchronous(articles::add));
            assertEquals(List.of(), articles);
            assertTrue(server.requests.stream().noneMatch(r -> r.startsWith("/pages/")), server.requests.toString());
            assertTrue(report.problems().get(0).contains("internal address"), report.problems().toString());
        }
    }

    @Test
    void eachSourceReportsItsOwnOutcome() throws Exception {
        try (FixtureServer server = new FixtureServer(); Fetcher fetcher = new Fetcher(FetchSettings.defaults())) {
            CrawlReport report = crawler(fetcher, 2).crawl(List.of(new FeedSource(server.uri("/atom.xml"), "a"),
                    new FeedSource(server.uri("/missing.xml"), "b")), u -> false, ArticleSink.synchronous(a -> { }));
            assertEquals(SourceResult.Outcome.READ, report.sources().get(0).outcome());
            assertEquals(SourceResult.Outcome.FAILED, report.sources().get(1).outcome());
            assertEquals("HTTP 404", report.sources().get(1).error());
            assertEquals(server.uri("/missing.xml").toString(), report.sources().get(1).url());
        }
    }

    @Test
    void noMoreSourcesAreReadAtOnceThanTheCap() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<FixtureServer> servers = List.of(new FixtureServer(), new FixtureServer(), new FixtureServer());
        try (Fetcher fetcher = new Fetcher(FetchSettings.defaults())) {
            for (FixtureServer s : servers) {
                s.on("/slow.xml", ex -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inFlight.decrementAndGet();
                    FixtureServer.send(ex, 200, "application/rss+xml",
                            "<rss version=\"2.0\"><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8));
                });
            }
            CrawlReport report = crawler(fetcher, 2).crawl(servers.stream()
                    .map(s -> new FeedSource(s.uri("/slow.xml"), "")).toList(), u -> false, ArticleSink.synchronous(a -> { }));
            assertEquals(3, report.feedsRead());
            assertEquals(2, most.get());
        } finally {
            servers.forEach(FixtureServer::close);
        }
    }
}
