package barometer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Complete exports over the crawled demo corpus, through the real server. */
@QuarkusTest
class ExportTest {

    @BeforeEach
    void waitForTheFirstCrawl() throws InterruptedException {
        FirstCrawl.await();
    }

    private static long searchTotal(String q) {
        return given().queryParam("q", q).get("/api/search").then().statusCode(200).extract().jsonPath()
                .getLong("total");
    }

    @Test
    void csvHasAHeaderAndEveryMatchingArticleOnce() {
        var response = given().queryParam("q", "secession").get("/api/export/articles").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"barometer-articles.csv\"")
                .extract();
        List<String> lines = Arrays.asList(response.body().asString().split("\r?\n"));
        assertEquals("url,title,source,published,authors,language,story,sentiment,tone,negativeShare,neutralShare,"
                + "positiveShare,text", lines.get(0));
        long total = searchTotal("secession");
        assertTrue(total > 10, "the demo corpus has many secession articles: " + total);
        assertEquals(total, lines.size() - 1);
        assertEquals(Long.toString(total), response.header("X-Total-Count"));
        assertEquals(total, new HashSet<>(lines.subList(1, lines.size())).size(), "no row twice");
    }

    @Test
    void jsonLinesCarryTheTextWhenAskedAndTheFiltersApply() throws Exception {
        String body = given().queryParam("q", "calexit").queryParam("format", "jsonl").queryParam("text", "true")
                .queryParam("from", "2017-01-01").queryParam("to", "2017-12-31")
                .get("/api/export/articles").then().statusCode(200)
                .contentType(startsWith("application/x-ndjson")).extract().body().asString();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : body.split("\n")) {
            rows.add(json.readTree(line));
        }
        long total = given().queryParam("q", "calexit").queryParam("from", "2017-01-01").queryParam("to", "2017-12-31")
                .get("/api/search").then().extract().jsonPath().getLong("total");
        assertEquals(total, rows.size());
        for (JsonNode row : rows) {
            assertTrue(row.path("published").asText().startsWith("2017-"), row.toString());
            // The query reads title and text: the word is in one of them, and the text is there.
            String both = (row.path("title").asText() + " " + row.path("text").asText()).toLowerCase(java.util.Locale.ROOT);
            assertTrue(both.contains("calexit"), row.toString());
            assertTrue(row.path("text").asText().length() > 100, row.toString());
            assertTrue(row.path("story").asText().startsWith("http"), row.toString());
        }
    }

    @Test
    void aBadFormatOrQueryIsAJson400BeforeAnyRow() {
        given().queryParam("q", "calexit").queryParam("format", "xlsx").get("/api/export/articles").then()
                .statusCode(400).contentType(startsWith("application/json"))
                .body("error", containsString("format must be csv or jsonl"));
        given().queryParam("q", "calexit AND (").get("/api/export/articles").then()
                .statusCode(400).contentType(startsWith("application/json"));
        given().queryParam("q", "calexit").queryParam("text", "maybe").get("/api/export/articles").then()
                .statusCode(400).body("error", containsString("text must be true or false"));
    }

    @Test
    void sentencesAreTheValuesBehindTheToneSeries() throws Exception {
        var trend = given().queryParam("q", "calexit").queryParam("scope", "sentences").queryParam("interval", "year")
                .get("/api/trends").then().statusCode(200).extract().jsonPath();
        int values = trend.getList("series[0].points.toneCount", Integer.class).stream().mapToInt(Integer::intValue).sum();
        String body = given().queryParam("q", "calexit").queryParam("format", "jsonl").get("/api/export/sentences")
                .then().statusCode(200).contentType(startsWith("application/x-ndjson")).extract().body().asString();
        ObjectMapper json = new ObjectMapper();
        int rows = 0, withMentionTone = 0;
        for (String line : body.split("\n")) {
            JsonNode row = json.readTree(line);
            rows++;
            assertTrue(row.path("sentence").asText().toLowerCase(java.util.Locale.ROOT).contains("calexit"), line);
            assertTrue(row.path("sentiment").asInt(-1) >= 0 && row.path("sentiment").asInt() <= 4, line);
            withMentionTone += row.path("mentionTones").isTextual() ? 1 : 0;
        }
        assertTrue(values > 0);
        assertEquals(values, rows, "one row per value of the sentence-measure series");
        assertTrue(withMentionTone > 0, "the tone toward the word is there for its mentions");
        given().get("/api/export/sentences").then().statusCode(400).body("error", containsString("q is required"));
        String csv = given().queryParam("q", "calexit").get("/api/export/sentences").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().body().asString();
        assertTrue(csv.startsWith("url,title,source,published,sentence,sentiment,mentionTones"), csv);
    }
}
