package barometer.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.crawler.extract.ArticleExtractor;
import barometer.crawler.feed.FeedReader;
import barometer.crawler.fetch.FetchSettings;
import barometer.crawler.fetch.Fetcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

class CrawlerTest {
    private FixtureServer server;
    private Fetcher fetcher;
    private Crawler crawler;

    @TempDir
    Path data;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        fetcher = new Fetcher(FetchSettings.defaults());
        crawler = crawlerWithState();
    }

    private Crawler crawlerWithState() {
        return new Crawler(fetcher, new FeedReader(), new ArticleExtractor(), "barometer", 
                new FeedValidatorStore(data.resolve("feeds.properties")));
    }

    /** Serves the fixture feed at /etag.xml with ETag "v1", answering 304 to a request that already has it. */
    private void serveFeedWithEtag() throws Exception {
        byte[] feed = getClass().getResourceAsStream("/crawler/site/atom.xml").readAllBytes();
        server.on("/etag.xml", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            FixtureServer.send(exchange, 200, "application/atom+xml", feed);
        });
    }

    @Test
    void anUnchangedFeedCostsA304AndNoPageIsFetchedAgain() throws Exception {
        serveFeedWithEtag();
        crawler.crawl(List.of(feed("/etag.xml")), url -> false, ArticleSink.synchronous(a -> { }));
        int requestsAfterFirst = server.requests.size();

        CrawlReport second = crawlerWithState().crawl(List.of(feed("/etag.xml")), url -> false, ArticleSink.synchronous(a -> { }));

        assertEquals(1, second.feedsUnchanged(), "a restarted crawler still has the feed's ETag");
        assertEquals(0, second.feedsRead());
        assertEquals(List.of("/etag.xml"), server.requests.subList(requestsAfterFirst, server.requests.size()).stream()
                .filter(p -> !p.equals("/robots.txt")).toList());
    }

    @Test
    void aFeedWithAFailedItemIsReadAgainNextTime() throws Exception {
        crawler.crawl(List.of(feed("/rss.xml")), url -> false, ArticleSink.synchronous(a -> { }));

        CrawlReport second = crawler.crawl(List.of(feed("/rss.xml")), url -> false, ArticleSink.synchronous(a -> { }));

        assertEquals(1, second.feedsRead(), "missing.html failed, so the feed's validators were not kept");
        assertEquals(0, second.feedsUnchanged());
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private FeedSource feed(String path) {
        return new FeedSource(server.uri(path), "secession");
    }

    private Map<String, Article> crawlAll(List<Article> sink, CrawlReport[] report) {
        report[0] = crawler.crawl(List.of(feed("/rss.xml"), feed("/broken.xml"), new FeedSource(server.uri("/atom.xml"), "polls")),
                url -> false, ArticleSink.synchronous(sink::add));
        return sink.stream().collect(Collectors.toMap(a -> a.url().substring(a.url().lastIndexOf('/') + 1),
                Function.identity()));
    }

    @Test
    void readsRssAndAtomItemsIntoArticles() {
        CrawlReport[] report = new CrawlReport[1];
        Map<String, Article> byPage = crawlAll(new ArrayList<>(), report);

        assertEquals(List.of("poll.html", "referendum.html", "undated.html"), byPage.keySet().stream().sorted().toList());
        Article referendum = byPage.get("referendum.html");
        assertEquals(server.uri("/pages/referendum.html").toString(), referendum.url());
        assertEquals("Referendum plan advances in the capital", referendum.title());
        assertEquals("Harbor Times", referendum.source());
        assertEquals(Instant.parse("2017-01-02T15:15:00Z"), referendum.published());
        Article poll = byPage.get("poll.html");
        assertEquals("Ridge Review", poll.source(), "a page without a site name takes the feed's title");
        assertEquals(Instant.parse("2018-04-30T18:00:00Z"), poll.published());
        assertEquals("secession", referendum.topic());
        assertEquals("polls", poll.topic(), "each article carries its feed's topic");
    }

    @Test
    void extractsMainTextWithoutMenusCommentsOrFooters() {
        Article referendum = crawlAll(new ArrayList<>(), new CrawlReport[1]).get("referendum.html");

        assertEquals("""
                Campaigners for an independence referendum cleared their first hurdle on Monday, when state \
                officials approved the wording of their petition.

                The group now has six months to gather signatures, a task that organisers described as difficult, \
                expensive and, in their words, entirely possible.

                Opponents said the plan would divide families and damage the economy for a generation.""",
                referendum.text());
    }

    @Test
    void takesTheFeedDateWhenThePageHasNone() {
        Article undated = crawlAll(new ArrayList<>(), new CrawlReport[1]).get("undated.html");

        assertEquals(Instant.parse("2017-01-04T09:30:00Z"), undated.published());
        assertEquals("Signature drive stalls in the north", undated.title());
        assertFalse(undated.text().contains("Home"), undated.text());
    }

    @Test
    void skipsBrokenFeedAndMissingPageAndCountsThem() {
        CrawlReport[] report = new CrawlReport[1];
        crawlAll(new ArrayList<>(), report);

        assertEquals(2, report[0].feedsRead());
        assertEquals(1, report[0].feedsFailed());
        assertEquals(3, report[0].pagesFetched());
        assertEquals(1, report[0].pagesFailed());
        assertEquals(3, report[0].articles());
        assertEquals(2, report[0].problems().size());
        assertTrue(report[0].problems().stream().anyMatch(p -> p.contains("/broken.xml: not a readable")), report[0].problems().toString());
        assertTrue(report[0].problems().stream().anyMatch(p -> p.endsWith("/pages/missing.html: HTTP 404")), report[0].problems().toString());
    }

    @Test
    void doesNotFetchPagesItAlreadyKnows() {
        String known = server.uri("/pages/referendum.html").toString();
        List<Article> sink = new ArrayList<>();

        CrawlReport report = crawler.crawl(List.of(feed("/rss.xml")), known::equals, ArticleSink.synchronous(sink::add));

        assertEquals(1, report.pagesSkipped());
        assertFalse(server.requests.contains("/pages/referendum.html"));
        assertEquals(List.of("undated.html"), sink.stream().map(a -> a.url().substring(a.url().lastIndexOf('/') + 1)).toList());
    }

    @Test
    void theSameArticleReachedByThreeUrlsIsOneArticle() {
        List<Article> sink = new ArrayList<>();

        CrawlReport report = crawler.crawl(List.of(feed("/dupes.xml")), url -> false, ArticleSink.synchronous(sink::add));

        assertEquals(List.of(server.uri("/pages/referendum.html").toString()), sink.stream().map(Article::url).toList());
        assertEquals(2, report.pagesSkipped(), "the fragment link before fetching, the AMP copy by its canonical link");
    }

    @Test
    void readsGoogleNewsSitemapsAsSources() throws Exception {
        String sitemap = new String(getClass().getResourceAsStream("/crawler/site/news-sitemap.xml").readAllBytes())
                .replace("REPLACE_BASE", server.uri("").toString());
        server.on("/news-sitemap.xml", exchange -> FixtureServer.send(exchange, 200, "application/xml", sitemap.getBytes()));
        List<Article> sink = new ArrayList<>();

        CrawlReport report = crawler.crawl(List.of(feed("/news-sitemap.xml")), url -> false, ArticleSink.synchronous(sink::add));

        assertEquals(1, report.feedsRead());
        Map<String, Article> byPage = sink.stream().collect(Collectors.toMap(
                a -> a.url().substring(a.url().lastIndexOf('/') + 1), Function.identity()));
        assertEquals(List.of("poll.html", "undated.html"), byPage.keySet().stream().sorted().toList());
        assertEquals(Instant.parse("2017-01-05T00:00:00Z"), byPage.get("undated.html").published(),
                "a page without a date takes the sitemap's lastmod");
        assertEquals(Instant.parse("2018-04-30T18:00:00Z"), byPage.get("poll.html").published(),
                "the page's own date wins over the sitemap's");
    }

    @Test
    void skipsLinksThatAreNotHtmlPages() throws Exception {
        server.on("/pdf-feed.xml", exchange -> FixtureServer.send(exchange, 200, "application/rss+xml",
                ("<rss version=\"2.0\"><channel><title>T</title><item><title>Report</title><link>report.pdf</link>"
                + "</item></channel></rss>").getBytes()));
        server.on("/report.pdf", exchange -> FixtureServer.send(exchange, 200, "application/pdf", "%PDF-1.4".getBytes()));

        CrawlReport report = crawler.crawl(List.of(feed("/pdf-feed.xml")), url -> false, ArticleSink.synchronous(a -> { }));

        assertEquals(0, report.articles());
        assertEquals(1, report.pagesFailed());
        assertTrue(report.problems().get(0).endsWith("/report.pdf: not an HTML page (application/pdf)"),
                report.problems().toString());
    }

    @Test
    void honoursRobotsTxtForItsOwnAgent() {
        server.on("/robots.txt", exchange -> FixtureServer.send(exchange, 200, "text/plain",
                "User-agent: barometer\nDisallow: /pages/undated.html\n\nUser-agent: *\nDisallow: /\n".getBytes()));
        List<Article> sink = new ArrayList<>();

        CrawlReport report = crawler.crawl(List.of(feed("/rss.xml")), url -> false, ArticleSink.synchronous(sink::add));

        assertEquals(1, report.disallowed());
        assertFalse(server.requests.contains("/pages/undated.html"));
        assertEquals(List.of("referendum.html"), sink.stream().map(a -> a.url().substring(a.url().lastIndexOf('/') + 1)).toList());
        assertEquals(1, server.requests.stream().filter("/robots.txt"::equals).count(), "read once per host");
    }

    @Test
    void aHostWhoseRobotsTxtFailsIsNotCrawledThisTime() {
        server.on("/robots.txt", exchange -> FixtureServer.send(exchange, 503, "text/plain", new byte[0]));

        CrawlReport report = crawler.crawl(List.of(feed("/rss.xml")), url -> false, ArticleSink.synchronous(a -> { }));

        assertEquals(1, report.disallowed());
        assertEquals(0, report.feedsRead());
        assertFalse(server.requests.contains("/rss.xml"));
    }

    @Test
    void countsAPageAsFailedWhenTheSinkRejectsIt() {
        CrawlReport report = crawler.crawl(List.of(feed("/atom.xml")), url -> false, ArticleSink.synchronous(a -> {
            throw new IllegalStateException("disk full");
        }));

        assertEquals(0, report.articles());
        assertEquals(1, report.pagesFailed());
        assertTrue(report.problems().get(0).endsWith("/pages/poll.html: disk full"));
    }
}
