package barometer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Support, attention and tone of the demo's topic on one time axis, as JSON and one tidy CSV. */
@QuarkusTest
class OverviewApiTest {

    @BeforeEach
    void waitForTheFirstCrawl() throws InterruptedException {
        FirstCrawl.await();
    }

    @Test
    void eachYearCarriesThePollAverageOnItsLastDayBesideShareAndTone() {
        JsonPath o = given().queryParam("topic", "secession").queryParam("interval", "year").get("/api/overview")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2016-01-01", "2017-01-01", "2018-01-01", "2019-01-01"), o.getList("points.start"));
        assertEquals("secession", o.getString("query"));
        assertEquals(8, o.getInt("pollsUsed"));
        // No poll before 2017: 2016 has no support value. 2019's average ends with the last poll.
        assertEquals(java.util.Arrays.asList(null, "2017-12-31", "2018-12-31", "2019-10-29"), o.getList("points.supportDay"));
        JsonPath average = given().queryParam("topic", "secession").queryParam("answer", "support")
                .get("/api/polls/trend").then().extract().jsonPath();
        assertEquals(average.getDouble("points.find { it.date == '2018-12-31' }.estimate"),
                o.getDouble("points[2].support"), 1e-9);
        JsonPath trend = given().queryParam("q", "secession").queryParam("interval", "year")
                .queryParam("from", "2016-01-01").queryParam("to", "2019-12-31").get("/api/trends").then().extract().jsonPath();
        assertEquals(trend.getDouble("series[0].points[1].share") * 100, o.getDouble("points[1].share"), 1e-9);
        assertEquals(trend.getInt("series[0].points[1].articles"), o.getInt("points[1].articles"));
        assertEquals(trend.getFloat("series[0].points[1].tone"), o.getFloat("points[1].tone"));
    }

    @Test
    void theCsvIsTidyOneRowPerPeriodAndMeasure() {
        String csv = given().queryParam("topic", "secession").queryParam("interval", "year").queryParam("format", "csv")
                .get("/api/overview").then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("date,measure,unit,value,low,high,n", lines.get(0));
        assertEquals(1 + 4 * 3, lines.size());
        assertEquals("2016-01-01,support,\"percent of respondents\",,,,", lines.get(1));
        assertEquals(List.of("support", "share", "tone"), lines.subList(4, 7).stream().map(l -> l.split(",")[1]).toList());
    }

    @Test
    void theExplorersOverviewLinkEmbedsAsAnOverviewWidgetWithItsChartInWords() {
        String page = "http://localhost:8081/explore?measure=overview&topic=secession&q=secession&interval=year";
        io.restassured.path.json.JsonPath o = given().queryParam("url", page).get("/oembed").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("Barometer: support, attention and tone", o.getString("title"));
        assertEquals("http://localhost:8081/widgets/overview.png?measure=overview&topic=secession&q=secession"
                + "&interval=year", o.getString("thumbnail_url"));
        org.junit.jupiter.api.Assertions.assertTrue(o.getString("description").startsWith(
                "“secession”: support, attention and tone. Support (%), poll average: fell from 24.9% (2017-01-01) to "
                        + "22.5% (2019-01-01)"), o.getString("description"));
        // The explorer's measure=overview is not a trend measure, and an overview widget reads none.
        given().get("/widgets/overview.png?measure=overview&topic=secession&interval=year").then().statusCode(200)
                .contentType("image/png");
        given().get("/embed/overview?measure=overview&topic=secession").then().statusCode(200);
        given().get("/widgets/trend.png?measure=overview&q=secession").then().statusCode(400)
                .body("error", equalTo("unknown measure 'overview'"));
    }

    @Test
    void aTopicIsRequired() {
        given().get("/api/overview").then().statusCode(400).body("error", equalTo("topic is required"));
        given().queryParam("topic", "secession").queryParam("interval", "hour").get("/api/overview").then().statusCode(400);
    }
}
