package barometer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import barometer.api.snapshot.SnapshotStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Citable snapshots over HTTP: frozen answers, their data, citations, admin listing, and what never changes. */
@QuarkusTest
class SnapshotApiTest {
    private static final String KEY = "test-admin-key";

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "barometer.data-dir")
    String dataDir;

    @BeforeEach
    void waitForTheFirstCrawl() throws InterruptedException {
        FirstCrawl.await();
    }

    private static JsonPath create(String body) {
        return given().contentType("application/json").body(body).when().post("/api/snapshots")
                .then().statusCode(201).header("Location", containsString("/s/")).extract().jsonPath();
    }

    @Test
    void aTrendSnapshotHoldsExactlyWhatTheGetAnswersWithItsCsvAndCitation() throws Exception {
        String id = create("{\"kind\": \"trend\", \"parameters\": {\"q\": [\"secession\", \"calexit\"], "
                + "\"interval\": \"year\"}}").getString("id");
        String live = given().queryParam("q", "secession").queryParam("q", "calexit").queryParam("interval", "year")
                .get("/api/trends").then().statusCode(200).extract().asString();
        String liveCsv = given().queryParam("q", "secession").queryParam("q", "calexit").queryParam("interval", "year")
                .queryParam("format", "csv").get("/api/trends").then().extract().asString();
        String raw = given().get("/api/snapshots/" + id).then().statusCode(200).extract().asString();
        JsonPath snap = JsonPath.from(raw);
        assertEquals(json.readTree(live), json.readTree(raw).get("answer"));
        assertEquals("trend", snap.getString("kind"));
        assertEquals(Map.of("q", List.of("secession", "calexit"), "interval", List.of("year")), snap.getMap("parameters"));
        assertEquals(given().get("/api/status").then().extract().jsonPath().getLong("articles"), snap.getLong("articles"));
        assertEquals("mentions", snap.getString("methods.toneMeasure"));
        given().queryParam("format", "csv").get("/api/snapshots/" + id).then().statusCode(200)
                .contentType(startsWith("text/csv")).body(equalTo(liveCsv));
        given().get("/api/snapshots/" + id + "/citation").then().statusCode(200)
                .body(startsWith("@misc{barometer-" + id + ",\n  title = {Coverage and tone over time (q=secession, "
                        + "q=calexit, interval=year)},"))
                .body(containsString("howpublished = {\\url{http://localhost:8081/s/" + id + "}}"));
        given().queryParam("style", "apa").get("/api/snapshots/" + id + "/citation").then().statusCode(400)
                .body("error", equalTo("unknown citation style 'apa'"));
        given().queryParam("style", "csl").get("/api/snapshots/" + id + "/citation").then().statusCode(200)
                .body("[0].type", equalTo("dataset")).body("[0].URL", equalTo("http://localhost:8081/s/" + id));
        given().get("/s/" + id).then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("@misc{barometer-" + id)).body(containsString("data-kind=\"trend\""));
    }

    @Test
    void aSnapshotIsNeverRecomputedWhenTheIndexChangesAndReadsTheSameFromDisk() throws Exception {
        given().header("X-Api-Key", KEY).contentType("text/csv").queryParam("topic", "snapshot-test")
                .body("pollster,field_start,field_end,sample_size,population,support\nIpsos,2018-03-01,2018-03-05,1000,adults,30\n")
                .post("/api/polls/import").then().statusCode(200);
        String id = create("{\"kind\": \"poll-average\", \"title\": \"Support, snapshot test\", \"parameters\": "
                + "{\"topic\": \"snapshot-test\", \"answer\": \"support\"}}").getString("id");
        String frozen = given().get("/api/snapshots/" + id).then().extract().asString();
        given().header("X-Api-Key", KEY).contentType("text/csv").queryParam("topic", "snapshot-test")
                .body("pollster,field_start,field_end,sample_size,population,support\nYouGov,2018-06-01,2018-06-04,1000,adults,20\n")
                .post("/api/polls/import").then().statusCode(200);
        String live = given().queryParam("topic", "snapshot-test").queryParam("answer", "support")
                .get("/api/polls/trend").then().extract().asString();
        assertEquals(2, JsonPath.from(live).getInt("pollsUsed"));
        assertEquals(frozen, given().get("/api/snapshots/" + id).then().extract().asString());
        assertEquals(1, JsonPath.from(frozen).getInt("answer.pollsUsed"));
        JsonPath later = given().get("/api/snapshots/" + create("{\"kind\": \"poll-average\", \"parameters\": "
                + "{\"topic\": \"snapshot-test\", \"answer\": \"support\"}}").getString("id")).then().extract().jsonPath();
        assertEquals(2, later.getInt("answer.pollsUsed"));
        assertNotEquals(JsonPath.from(frozen).getLong("indexVersion"), later.getLong("indexVersion"));
        // What a restarted service would read: a store opened afresh on the same folder.
        var reopened = new SnapshotStore(Path.of(dataDir, "snapshots"), json, 10_000).find(id).orElseThrow();
        assertEquals(json.readTree(frozen), json.readTree(json.writeValueAsString(reopened)));
    }

    @Test
    void badSnapshotRequestsAreRefusedWithAReason() {
        given().contentType("application/json").body("{\"kind\": \"chart\"}").post("/api/snapshots")
                .then().statusCode(400).body("error", equalTo("unknown snapshot kind 'chart'"));
        given().contentType("application/json").body("{\"kind\": \"trend\", \"parameters\": {\"query\": \"x\"}}")
                .post("/api/snapshots").then().statusCode(400)
                .body("error", equalTo("a trend snapshot takes no parameter 'query'"));
        given().contentType("application/json").body("{\"kind\": \"trend\", \"parameters\": {\"interval\": \"hour\"}}")
                .post("/api/snapshots").then().statusCode(400);
        given().get("/api/snapshots/abcdefghjk").then().statusCode(404).body("error", equalTo("no snapshot abcdefghjk"));
        given().get("/s/not-an-id").then().statusCode(404);
        given().get("/api/snapshots/abcdefghjk/citation?style=apa").then().statusCode(404);
    }

    @Test
    void aWriteFromAnotherSiteIsRefusedAndOneFromThisSitePasses() {
        String body = "{\"kind\": \"trend\", \"parameters\": {\"q\": \"texit\"}}";
        given().header("Origin", "http://evil.example").contentType("application/json").body(body)
                .post("/api/snapshots").then().statusCode(403)
                .body("error", equalTo("writes are not accepted from other sites (Origin http://evil.example)"));
        given().header("Origin", "http://localhost:8081").contentType("application/json").body(body)
                .post("/api/snapshots").then().statusCode(201);
    }

    @Test
    void adminsListAndDeleteSnapshots() {
        String id = create("{\"kind\": \"overview\", \"parameters\": {\"topic\": \"secession\", \"interval\": \"year\"}}")
                .getString("id");
        given().get("/api/admin/snapshots").then().statusCode(401);
        given().header("X-Api-Key", KEY).get("/api/admin/snapshots").then().statusCode(200)
                .body("snapshots.find { it.id == '" + id + "' }.kind", equalTo("overview"));
        given().header("X-Api-Key", KEY).delete("/api/admin/snapshots/" + id).then().statusCode(204);
        given().get("/s/" + id).then().statusCode(404);
        given().header("X-Api-Key", KEY).delete("/api/admin/snapshots/" + id).then().statusCode(404);
    }
}
