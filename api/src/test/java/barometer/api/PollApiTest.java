package barometer.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Polls over HTTP: those the crawler found in the demo corpus, imports (admin), lists and the average. */
@QuarkusTest
class PollApiTest {
    private static final String CSV = """
            pollster,field_start,field_end,sample_size,population,support,oppose
            Ipsos,2017-01-12,2017-01-24,1000,adults,32,57
            YouGov,2017-02-05,2017-02-01,900,adults,20,61
            Emerson,2017-04-01,2017-04-02,800,lv,27,52
            """;

    @BeforeEach
    void waitForTheFirstCrawl() throws InterruptedException {
        FirstCrawl.await();
    }

    @Test
    void pollsTheCrawlerFoundInArticlesAreListedWithTheirEvidence() {
        given().queryParam("topic", "secession").queryParam("pollster", "Sierra Polling Institute")
                .when().get("/api/polls")
                .then().statusCode(200)
                .body("polls.find { it.fieldEnd == '2017-07-06' }.answers.support", equalTo(24.0f))
                .body("polls.find { it.fieldEnd == '2017-07-06' }.answers.oppose", equalTo(64.0f))
                .body("polls.find { it.fieldEnd == '2017-07-06' }.sampleSize", equalTo(1012))
                .body("polls.find { it.fieldEnd == '2017-07-06' }.population", equalTo("registered voters"))
                .body("polls.find { it.fieldEnd == '2017-07-06' }.evidence.field", hasItem("answers.support"));
    }

    @Test
    void importKeepsGoodRowsReportsBadOnesAndAddsNothingTwice() {
        given().header("X-Api-Key", "test-admin-key").contentType("text/csv").body(CSV)
                .queryParam("topic", "import-test")
                .when().post("/api/polls/import")
                .then().statusCode(200)
                .body("added", equalTo(2)).body("problems[0].line", equalTo(3))
                .body("problems[0].reason", containsString("after field_end"));
        given().header("X-Api-Key", "test-admin-key").contentType("text/csv").body(CSV)
                .queryParam("topic", "import-test")
                .when().post("/api/polls/import")
                .then().statusCode(200).body("added", equalTo(0)).body("unchanged", equalTo(2));
        given().queryParam("topic", "import-test").queryParam("format", "csv")
                .when().get("/api/polls")
                .then().statusCode(200)
                .body(startsWith("pollster,sponsors,fieldStart,fieldEnd,released,sampleSize,population"))
                .body(containsString("Ipsos,,2017-01-12,2017-01-24,,1000,adults,,,import-test,support,32.0,true,import"));
    }

    @Test
    void importWithoutTheKeyIsRefused() {
        given().contentType("text/csv").body(CSV).when().post("/api/polls/import")
                .then().statusCode(401).body("error", equalTo("missing or wrong API key"));
    }

    @Test
    void averageCoversEveryDayBetweenTheFirstAndLastPoll() {
        given().queryParam("topic", "secession").queryParam("answer", "support")
                .when().get("/api/polls/trend")
                .then().statusCode(200)
                .body("points[0].date", equalTo("2017-01-20"))
                .body("answer", equalTo("support"));
        given().queryParam("topic", "secession").queryParam("answer", "support").queryParam("format", "csv")
                .when().get("/api/polls/trend")
                .then().statusCode(200).body(startsWith("date,estimate,low,high,polls,next_low_90,next_high_90\n2017-01-20,"));
    }

    @Test
    void averageNamesItsTwoBandsAndThePredictiveOneIsTheWider() {
        io.restassured.path.json.JsonPath trend = given().queryParam("topic", "secession").queryParam("answer", "support")
                .when().get("/api/polls/trend").then().statusCode(200).extract().jsonPath();
        assertEquals(0.95, trend.getDouble("band.level"), 1e-9);
        assertEquals(0.9, trend.getDouble("nextBand.level"), 1e-6);
        org.junit.jupiter.api.Assertions.assertTrue(trend.getString("nextBand.name").startsWith("predictive interval"));
        List<Float> low = trend.getList("points.low", Float.class), nextLow = trend.getList("points.nextLow", Float.class);
        List<Float> high = trend.getList("points.high", Float.class), nextHigh = trend.getList("points.nextHigh", Float.class);
        for (int i = 0; i < low.size(); i++) {
            org.junit.jupiter.api.Assertions.assertTrue(nextLow.get(i) < low.get(i) && nextHigh.get(i) > high.get(i),
                    "day " + i + ": a new poll varies more than the average");
        }
        given().queryParam("topic", "secession").queryParam("answer", "support").queryParam("nextSampleSize", "0")
                .when().get("/api/polls/trend").then().statusCode(400);
    }

    @Test
    void averageWithoutAnAnswerIsABadRequest() {
        given().queryParam("topic", "secession").when().get("/api/polls/trend")
                .then().statusCode(400).body("error", equalTo("answer is required"));
    }
}
