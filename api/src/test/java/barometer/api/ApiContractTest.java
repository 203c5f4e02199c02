package barometer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP contract of search and trends over the crawled demo corpus: exports, caching, paging, errors. */
@QuarkusTest
class ApiContractTest {

    @BeforeEach
    void waitForTheFirstCrawl() throws InterruptedException {
        FirstCrawl.await();
    }

    @Test
    void comparesSeveralQueriesOnTheSameBuckets() {
        JsonPath res = given().queryParam("q", "calexit").queryParam("q", "texit").queryParam("interval", "year")
                .get("/api/trends").then().statusCode(200).extract().jsonPath();

        assertEquals(List.of("calexit", "texit"), res.getList("series.query"));
        assertEquals("UTC", res.getString("zone"));
        assertEquals(List.of("2016-01-01", "2017-01-01", "2018-01-01", "2019-01-01"), res.getList("series[0].points.start"));
        // Demo corpus: "texit" appears once in each of 2017, 2018 and 2019; "calexit" from 2016 on.
        assertEquals(List.of("2016-01-01", "2017-01-01", "2018-01-01", "2019-01-01"), res.getList("series[1].points.start"));
        assertEquals(List.of(0, 1, 1, 1), res.getList("series[1].points.articles"));
        assertEquals(List.of(5, 7, 0, 1), res.getList("series[0].points.articles"));
    }

    @Test
    void shareIsMatchingArticlesOverAllArticlesOfTheBucket() {
        JsonPath res = given().queryParam("q", "texit").queryParam("interval", "year")
                .queryParam("from", "2017-01-01").queryParam("to", "2017-12-31")
                .get("/api/trends").then().statusCode(200).extract().jsonPath();

        assertEquals(1, res.getInt("series[0].points[0].articles"));
        assertEquals(24, res.getInt("series[0].points[0].allArticles"), "24 demo articles are from 2017");
        assertEquals(1.0 / 24, res.getDouble("series[0].points[0].share"), 1e-7, "JSON numbers are read back as floats");
    }

    @Test
    void trendsExportAsTidyCsvWithOneRowPerBucketAndQuery() {
        String csv = given().queryParam("q", "calexit").queryParam("q", "texit").queryParam("interval", "year")
                .queryParam("format", "csv")
                .get("/api/trends").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"barometer-trends.csv\"")
                .extract().asString();

        List<String> lines = csv.lines().toList();
        assertEquals("query,source,start,articles,stories,allArticles,allStories,share,shareLow,shareHigh,articlesSmoothed,toneMeasure,toneScale,toneCount,toneArticles,tone,"
                + "toneLow,toneHigh,toneTooFew,untagged", lines.get(0));
        assertEquals(1 + 4 + 4, lines.size(), "a header, then four years for each of the two queries");
        assertTrue(lines.get(5).startsWith("texit,,2016-01-01,0,0,8,"), lines.get(5));
        assertTrue(lines.get(5).endsWith(",mentions,net,0,0,,,,false,0"), lines.get(5));
    }

    @Test
    void perSourceBreakdownHasOneSeriesPerOutlet() {
        given().queryParam("q", "secession").queryParam("interval", "year").queryParam("by", "source")
                .get("/api/trends").then().statusCode(200)
                .body("series[0].bySource", hasKey("Pacific Ledger"))
                .body("series[0].bySource", hasKey("Coastline Dispatch"))
                .body("series[0].bySource.'Valley Sentinel'.size()", equalTo(4));
    }

    @Test
    void evidenceListsTheSentencesBehindABucket() {
        JsonPath month = given().queryParam("q", "secession").queryParam("interval", "month")
                .queryParam("from", "2017-01-01").queryParam("to", "2017-01-31")
                .get("/api/trends").then().statusCode(200).extract().jsonPath();
        List<Object> evidence = given().queryParam("q", "secession").queryParam("start", "2017-01-01")
                .queryParam("interval", "month").get("/api/trends/evidence").then().statusCode(200)
                .extract().jsonPath().getList("$");

        assertEquals(month.getInt("series[0].points[0].toneCount"), evidence.size(),
                "every tagged sentence behind the tone is listed");
        given().queryParam("q", "secession").queryParam("start", "2017-01-01").queryParam("interval", "month")
                .get("/api/trends/evidence").then()
                .body("[0].text", containsString("ecession"))
                .body("[0].url", containsString("/demo/"))
                .body("[0].title", notNullValue());
    }

    @Test
    void searchFacetsAndFiltersAgree() {
        JsonPath all = given().queryParam("q", "secession").get("/api/search").then().statusCode(200)
                .extract().jsonPath();
        int ledger = all.getInt("facets.source.'Pacific Ledger'");

        given().queryParam("q", "secession").queryParam("source", "Pacific Ledger").get("/api/search").then()
                .statusCode(200).body("total", equalTo(ledger));
        assertEquals(38, all.getInt("facets.topic.secession"), "every demo feed is tagged secession");
        given().queryParam("q", "secession").queryParam("topic", "texit").get("/api/search").then()
                .statusCode(200).body("total", equalTo(0));
        int negative = all.getMap("facets.tone").containsKey("negative") ? all.getInt("facets.tone.negative") : 0;
        given().queryParam("q", "secession").queryParam("tone", "negative").get("/api/search").then()
                .statusCode(200).body("total", equalTo(negative));
    }

    @Test
    void cursorPagingVisitsEveryHitOnceInDateOrder() {
        List<String> dates = new ArrayList<>();
        String cursor = null;
        do {
            var req = given().queryParam("q", "secession").queryParam("sort", "date").queryParam("size", 7);
            if (cursor != null) {
                req = req.queryParam("cursor", cursor);
            }
            JsonPath page = req.get("/api/search").then().statusCode(200).extract().jsonPath();
            dates.addAll(page.getList("hits.date"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertEquals(38, dates.size());
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, dates);
    }

    @Test
    void repeatedQueriesAreAnsweredFromTheEtag() {
        var first = given().queryParam("q", "secession").get("/api/trends").then().statusCode(200)
                .header("Cache-Control", "public, max-age=60, must-revalidate")
                .header("ETag", notNullValue()).extract();
        String etag = first.header("ETag");

        given().header("If-None-Match", etag).queryParam("q", "secession").get("/api/trends").then()
                .statusCode(304).header("ETag", etag);
        given().header("If-None-Match", etag).queryParam("q", "texit").get("/api/trends").then()
                .statusCode(200);
    }

    @Test
    void searchExportsCsv() {
        String csv = given().queryParam("q", "\"one in three\"").queryParam("format", "csv")
                .get("/api/search").then().statusCode(200).extract().asString();

        assertEquals("title,url,source,date,authors,language,sentiment,tone,negativeShare,neutralShare,positiveShare,snippet",
                csv.lines().findFirst().orElseThrow());
        assertTrue(csv.contains("\"Poll: one in three Californians back peaceful secession\""), csv);
    }

    @Test
    void openApiDocumentDescribesTheEndpoints() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/search"))
                .body("paths", hasKey("/api/trends"))
                .body("paths", hasKey("/api/trends/evidence"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void badParametersGet400WithHints() {
        given().queryParam("q", "a").queryParam("q", "b").queryParam("q", "c").queryParam("q", "d")
                .queryParam("q", "e").queryParam("q", "f").get("/api/trends").then().statusCode(400)
                .body("error", equalTo("at most 5 queries can be compared, got 6"));
        given().queryParam("scope", "paragraphs").get("/api/trends").then().statusCode(400);
        given().queryParam("by", "author").get("/api/trends").then().statusCode(400);
        given().queryParam("smooth", "0").get("/api/trends").then().statusCode(400);
        given().queryParam("tone", "angry").get("/api/search").then().statusCode(400);
        given().queryParam("sort", "random").get("/api/search").then().statusCode(400);
        given().queryParam("cursor", "garbage").get("/api/search").then().statusCode(400)
                .body("hint", startsWith("pass nextCursor"));
        given().queryParam("format", "xml").get("/api/search").then().statusCode(400);
        given().get("/api/trends/evidence").then().statusCode(400).body("error", equalTo("start is required"));
        given().queryParam("q", "secess*").get("/api/search").then().statusCode(200).body("nextCursor", notNullValue());
        given().queryParam("q", "*cession").get("/api/search").then().statusCode(400);
        given().queryParam("q", "zzzz-nothing").get("/api/search").then().statusCode(200).body("nextCursor", nullValue());
    }

    @Test
    void methodsQuoteTheFiguresTheEvaluationCommandsWrote() throws java.io.IOException {
        // The record train-tone wrote; the service must show its value, data set, size, commit and tuning as is.
        var record = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.nio.file.Path.of(
                "../methods/train-tone--held-out-fifth--newsmtsc-train.json").toFile());
        double keyword = Double.NaN;
        for (var figure : record.path("figures")) {
            if (figure.path("metric").asText().equals("macro-F1, keyword-scoped tone model")) {
                keyword = figure.path("value").asDouble();
            }
        }
        given().when().get("/api/methods").then().statusCode(200)
                .body("toneMeasure", equalTo("mentions"))
                .body("toneMeasures.scope", equalTo(List.of("mentions", "sentences", "articles")))
                .body("toneMeasures[0].accuracy.metric", equalTo("macro-F1, keyword-scoped tone model"))
                .body("toneMeasures[0].accuracy.value", equalTo((float) keyword))
                .body("toneMeasures[0].accuracy.size", equalTo(record.path("size").asInt()))
                .body("toneMeasures[0].accuracy.commit", equalTo(record.path("commit").asText()))
                .body("toneMeasures[0].accuracy.tuning", equalTo("TUNED"))
                .body("toneMeasures[0].measuredFor", equalTo("NAME"))
                .body("toneMeasures[2].accuracy", nullValue())
                .body("evaluations.id", org.hamcrest.Matchers.hasItem("train-tone--held-out-fifth--newsmtsc-train"))
                .body("methods.find { it.name == 'sentence sentiment' }.description",
                        containsString("shift-reduce parser"))
                // The encoder model is measured and described, but its figure is not the one beside the charts
                // unless barometer.sentiment.tone-encoder=minilm.
                .body("methods.find { it.name.startsWith('sentence encoder') }.name", containsString("not in use"))
                .body("methods.find { it.name.startsWith('sentence encoder') }.measurements.metric",
                        org.hamcrest.Matchers.hasItem("macro-F1, tone model with the encoder"))
                .body("methods.find { it.name == 'keyword-scoped tone model' }.measurements.metric",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("macro-F1, tone model with the encoder")));
    }
}
