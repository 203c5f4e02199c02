package barometer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Coverage health over the crawled demo corpus, through the real server. */
@QuarkusTest
class SourceHealthTest {

    @BeforeEach
    void waitForTheFirstCrawl() throws InterruptedException {
        FirstCrawl.await();
    }

    @Test
    void everyArticleIsCountedUnderItsOutletAndTheFeedsReportTheirCrawls() {
        JsonPath health = given().get("/api/sources/health").then().statusCode(200).extract().jsonPath();
        long articles = given().get("/api/status").then().extract().jsonPath().getLong("articles");
        List<Integer> perOutlet = health.getList("sources.articles", Integer.class);
        assertEquals(articles, perOutlet.stream().mapToLong(Integer::longValue).sum());
        assertTrue(health.getList("sources.source").size() >= 3, health.prettify());
        // The demo outlets publish a few articles a month, not daily: no day is a gap for them.
        health.getList("sources.gaps", List.class).forEach(g -> assertEquals(List.of(), g));
        assertTrue(health.getString("rule").contains("median"));
        List<Map<String, Object>> feeds = health.getList("feeds");
        assertTrue(!feeds.isEmpty());
        feeds.forEach(f -> assertEquals(0, f.get("failuresInARow"), f.toString()));
    }

    @Test
    void csvHasOneRowPerOutletAndDayFromItsFirstToItsLastArticle() {
        JsonPath health = given().get("/api/sources/health").then().statusCode(200).extract().jsonPath();
        long days = 0;
        for (Map<String, Object> s : health.<Map<String, Object>>getList("sources")) {
            days += LocalDate.parse((String) s.get("lastArticle")).toEpochDay()
                    - LocalDate.parse((String) s.get("firstArticle")).toEpochDay() + 1;
        }
        String csv = given().queryParam("format", "csv").get("/api/sources/health").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().body().asString();
        String[] lines = csv.split("\r?\n");
        assertEquals("source,date,articles,gap", lines[0]);
        assertEquals(days, lines.length - 1);
    }

    @Test
    void aBadDateIsAJson400() {
        given().queryParam("from", "yesterday").get("/api/sources/health").then().statusCode(400)
                .contentType(startsWith("application/json"));
    }
}
