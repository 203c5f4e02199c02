package barometer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on real parts: the service starts with an empty data folder, crawls the bundled demo
 * site over HTTP through the real crawler, tags every sentence with the real CoreNLP models, stores it in
 * a real Lucene index, and answers over HTTP.
 */
@QuarkusTest
class DemoCorpusEndToEndTest {
    /** Articles of the demo corpus whose title or text says "secession" (see tools/demo-site/articles.py). */
    private static final int SECESSION_ARTICLES = 38;
    /** Of those, the ones whose text (not only the title) says it. */
    private static final int SECESSION_IN_TEXT = 26;

    @BeforeEach
    void waitForTheFirstCrawl() throws InterruptedException {
        FirstCrawl.await();
    }

    @Test
    void firstCrawlReadsEveryDemoFeedAndStoresEveryArticle() {
        given().get("/api/status").then().statusCode(200)
                .body("articles", equalTo(60))
                .body("index.backend", equalTo("lucene"))
                .body("crawl.last.report.feedsRead", equalTo(4))
                .body("crawl.last.report.feedsFailed", equalTo(0))
                .body("crawl.last.report.pagesFailed", equalTo(0))
                .body("crawl.last.report.articles", equalTo(60))
                .body("crawl.ingest.articlesStored", equalTo(60))
                .body("crawl.ingest.articlesFailed", equalTo(0));
    }

    @Test
    void searchForSecessionFindsTheArticlesThatMentionIt() {
        JsonPath res = given().queryParam("q", "secession").queryParam("size", 100)
                .get("/api/search").then().statusCode(200).extract().jsonPath();

        assertEquals(SECESSION_ARTICLES, res.getInt("total"));
        assertEquals(SECESSION_ARTICLES, res.getInt("stories"), "the demo corpus has no copies of one story");
        assertEquals(SECESSION_ARTICLES, res.getList("hits").size());
        List<String> snippets = res.getList("hits.snippet");
        assertEquals(SECESSION_IN_TEXT, snippets.stream()
                .filter(s -> s.toLowerCase().contains("<mark>secession</mark>")).count(),
                "the snippet highlights the word wherever the text (not only the title) has it");
        List<String> sources = res.getList("hits.source");
        assertEquals(4, sources.stream().distinct().count(), "all four outlets cover it: " + sources);
    }

    @Test
    void searchHitCarriesTitleSourceDateToneAndSnippet() {
        given().queryParam("q", "\"one in three\"").get("/api/search").then().statusCode(200)
                .body("total", equalTo(1))
                .body("hits[0].title", equalTo("Poll: one in three Californians back peaceful secession"))
                .body("hits[0].source", equalTo("Pacific Ledger"))
                .body("hits[0].date", equalTo("2017-01-24T11:00:00Z"))
                .body("hits[0].url", containsString("/demo/pacific-ledger/2017/01/poll-one-in-three-support.html"))
                .body("hits[0].snippet", startsWith("<mark>One in three</mark> California residents supports"));
    }

    @Test
    void pagesWithoutADateTakeTheFeedDate() {
        given().queryParam("q", "title:paperwork").get("/api/search").then().statusCode(200)
                .body("hits[0].source", equalTo("Coastline Dispatch"))
                .body("hits[0].date", equalTo("2016-12-02T12:00:00Z"));
    }

    @Test
    void monthlyTrendOfSecessionCountsEveryMatchingArticle() {
        JsonPath trend = given().queryParam("q", "secession").queryParam("interval", "month")
                .get("/api/trends").then().statusCode(200).extract().jsonPath();

        List<Integer> counts = trend.getList("series[0].points.articles", Integer.class);
        assertEquals("month", trend.getString("interval"));
        assertEquals("mentions", trend.getString("scope"));
        assertEquals("mentions", trend.getString("series[0].toneMeasure"));
        assertEquals("2016-11-01", trend.getString("series[0].points[0].start"));
        assertEquals("2019-12-01", trend.getString("series[0].points[-1].start"));
        assertEquals(38, counts.size(), "every month from Nov 2016 to Dec 2019, empty ones included");
        assertEquals(SECESSION_ARTICLES, counts.stream().mapToInt(Integer::intValue).sum());
        assertTrue(counts.contains(0), "months without coverage are present with count 0");
    }

    /**
     * The default tone of a query is the keyword model's tone toward its words, read at the places they stand in
     * the crawled and tagged demo articles; the sentence class stays available and says so.
     */
    @Test
    void toneOfAQueryIsTheKeywordToneOfItsMentionsWithTheSentenceClassAsSecondMeasure() {
        JsonPath mentions = given().queryParam("q", "secession").queryParam("interval", "year")
                .get("/api/trends").then().statusCode(200).extract().jsonPath();
        JsonPath sentences = given().queryParam("q", "secession").queryParam("interval", "year")
                .queryParam("scope", "sentences").queryParam("scale", "class").get("/api/trends").then().statusCode(200)
                .extract().jsonPath();

        // 2016-2019: one value per mention of "secession" (net tone: each -1, 0 or +1) against one per matching
        // sentence (asked on the 0-4 class scale).
        assertEquals(List.of(4, 10, 5, 8), mentions.getList("series[0].points.toneCount", Integer.class));
        assertEquals(List.of(-0.5, 0.0, 0.0, 0.5), mentions.getList("series[0].points.tone", Double.class));
        assertEquals("net", mentions.getString("scale"));
        assertEquals("WORD", mentions.getString("series[0].queryKind"), "an issue word, not a name");
        assertEquals("sentences", sentences.getString("series[0].toneMeasure"));
        assertEquals(List.of(4, 10, 5, 8), sentences.getList("series[0].points.toneCount", Integer.class));
        List<Double> sentenceTone = sentences.getList("series[0].points.tone", Double.class);
        double[] expected = {1.25, 2.4, 1.8, 2.125};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], sentenceTone.get(i), 1e-6);
        }
    }

    @Test
    void shareOfCoverageCarriesItsWilsonIntervalAndCanCountStories() {
        JsonPath articles = given().queryParam("q", "secession").queryParam("interval", "year").get("/api/trends")
                .then().statusCode(200).extract().jsonPath();
        JsonPath stories = given().queryParam("q", "secession").queryParam("interval", "year")
                .queryParam("shareOf", "stories").get("/api/trends").then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < 4; i++) {
            double share = articles.getDouble("series[0].points[" + i + "].share");
            assertTrue(articles.getDouble("series[0].points[" + i + "].shareLow") < share);
            assertTrue(articles.getDouble("series[0].points[" + i + "].shareHigh") > share);
            double storyShare = stories.getDouble("series[0].points[" + i + "].stories")
                    / stories.getDouble("series[0].points[" + i + "].allStories");
            assertEquals(storyShare, stories.getDouble("series[0].points[" + i + "].share"), 1e-6);
        }
        given().queryParam("q", "secession").queryParam("scale", "percent").get("/api/trends").then().statusCode(400);
        given().queryParam("q", "secession").queryParam("shareOf", "words").get("/api/trends").then().statusCode(400);
    }

    @Test
    void trendWithinARangeHasExactWeeklyBuckets() {
        given().queryParam("q", "secession").queryParam("from", "2017-01-23").queryParam("to", "2017-02-05")
                .queryParam("interval", "week")
                .get("/api/trends").then().statusCode(200)
                .body("series[0].points.start", equalTo(List.of("2017-01-23", "2017-01-30")))
                .body("series[0].points.articles", equalTo(List.of(3, 1)));
    }

    @Test
    void malformedQueryGets400WithAMessageAndAHint() {
        given().queryParam("q", "secession AND (").get("/api/search").then().statusCode(400)
                .body("error", startsWith("cannot parse the query"))
                .body("hint", startsWith("use Lucene syntax"));
        given().queryParam("q", "secession AND (").get("/api/trends").then().statusCode(400)
                .body("error", startsWith("cannot parse the query"));
    }

    @Test
    void badDatesIntervalsAndPagesGet400() {
        given().queryParam("from", "2017-13-01").get("/api/search").then().statusCode(400)
                .body("error", equalTo("from is not a date: '2017-13-01'"))
                .body("hint", equalTo("write dates as YYYY-MM-DD"));
        given().queryParam("interval", "fortnight").get("/api/trends").then().statusCode(400)
                .body("error", equalTo("interval must be day, week, month or year, was 'fortnight'"));
        given().queryParam("from", "2018-01-01").queryParam("to", "2017-01-01").get("/api/trends").then()
                .statusCode(400).body("error", equalTo("from (2018-01-01) is after to (2017-01-01)"));
        given().queryParam("page", "two").get("/api/search").then().statusCode(400);
        given().queryParam("page", "0").get("/api/search").then().statusCode(400);
        given().queryParam("tz", "Mars/Olympus").get("/api/trends").then().statusCode(400);
        given().queryParam("interval", "day").queryParam("from", "1900-01-01").get("/api/trends").then()
                .statusCode(400).body("hint", equalTo("use a coarser interval or a shorter date range"));
    }

    @Test
    void webPageAndChartLibraryAreServed() {
        given().get("/").then().statusCode(200)
                .body(containsString("<title>Barometer"))
                .body(containsString("/_static/echarts/dist/echarts.min.js"));
        given().get("/_static/echarts/dist/echarts.min.js").then().statusCode(200)
                .body(containsString("echarts"));
        given().get("/app.js").then().statusCode(200);
    }
}
