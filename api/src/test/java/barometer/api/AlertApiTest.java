package barometer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Saved searches over HTTP: made by admins, checked after an import, followed as an Atom feed. */
@QuarkusTest
class AlertApiTest {
    private static final String KEY = "test-admin-key";

    @BeforeEach
    void waitForTheFirstCrawl() throws InterruptedException {
        FirstCrawl.await();
    }

    @Test
    void aNewPollOnTheTopicAlertsOnceInTheAtomFeed() throws Exception {
        given().header("X-Api-Key", KEY).contentType("text/csv").queryParam("topic", "alert-test")
                .body("pollster,field_start,field_end,sample_size,population,support\nIpsos,2018-03-01,2018-03-05,1000,adults,30\n")
                .post("/api/polls/import").then().statusCode(200);
        String id = given().header("X-Api-Key", KEY).contentType("application/json")
                .body("{\"name\": \"Alert test polls\", \"topic\": \"alert-test\", \"rule\": \"new-poll\"}")
                .post("/api/admin/saved-searches").then().statusCode(201)
                .body("atom", startsWith("/api/alerts/")).extract().jsonPath().getString("id");
        // The poll stored before the search was saved is its baseline: no alert.
        given().get("/api/alerts/" + id).then().statusCode(200).body("alerts.size()", equalTo(0));

        given().header("X-Api-Key", KEY).contentType("text/csv").queryParam("topic", "alert-test")
                .body("pollster,field_start,field_end,sample_size,population,support\nYouGov,2018-06-01,2018-06-04,900,adults,22\n")
                .post("/api/polls/import").then().statusCode(200);
        given().header("X-Api-Key", KEY).post("/api/admin/saved-searches/check").then().statusCode(200);
        given().header("X-Api-Key", KEY).post("/api/admin/saved-searches/check").then().statusCode(200)
                .body("alerts.size()", equalTo(0));

        String atom = given().get("/api/alerts/" + id + ".atom").then().statusCode(200)
                .contentType(startsWith("application/atom+xml")).extract().asString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals(1, feed.getEntries().size(), atom);
        assertEquals("Alert test polls: new poll on alert-test: YouGov, fieldwork 2018-06-01 to 2018-06-04; support 22%",
                feed.getEntries().get(0).getTitle());
        assertEquals("http://localhost:8081/polls.html?topic=alert-test", feed.getEntries().get(0).getLink());
        given().get("/api/alerts/" + id).then().body("alerts[0].rule", equalTo("new-poll"))
                .body("search.rule", equalTo("new-poll")).body("search.webhook", equalTo(null));
    }

    @Test
    void savedSearchesAreAdminOnlyAndBadOnesAreRefused() {
        given().contentType("application/json").body("{\"q\": \"calexit\", \"rule\": \"volume\"}")
                .post("/api/admin/saved-searches").then().statusCode(401);
        given().header("X-Api-Key", KEY).contentType("application/json").body("{\"q\": \"calexit\", \"rule\": \"spike\"}")
                .post("/api/admin/saved-searches").then().statusCode(400).body("error", equalTo("unknown rule 'spike'"));
        given().header("X-Api-Key", KEY).contentType("application/json").body("{\"rule\": \"volume\"}")
                .post("/api/admin/saved-searches").then().statusCode(400)
                .body("error", equalTo("q is required for the volume rule"));
        given().header("X-Api-Key", KEY).contentType("application/json")
                .body("{\"q\": \"calexit\", \"rule\": \"volume\", \"webhook\": \"http://127.0.0.1:9/hook\"}")
                .post("/api/admin/saved-searches").then().statusCode(400).body("error", startsWith("webhook refused"));
        given().header("X-Api-Key", KEY).contentType("application/json").body("{\"q\": \"secess*\", \"rule\": \"tone\"}")
                .post("/api/admin/saved-searches").then().statusCode(201);
        // The demo corpus ends in 2019: the weeks up to today are empty, nothing stands out.
        String id = given().header("X-Api-Key", KEY).contentType("application/json")
                .body("{\"q\": \"secession\", \"rule\": \"volume\", \"interval\": \"month\"}")
                .post("/api/admin/saved-searches").then().statusCode(201).extract().jsonPath().getString("id");
        given().get("/api/alerts/" + id + ".atom").then().statusCode(200)
                .body(containsString("<title>Barometer alerts: secession</title>"));
        given().header("X-Api-Key", KEY).delete("/api/admin/saved-searches/" + id).then().statusCode(204);
        given().get("/api/alerts/" + id + ".atom").then().statusCode(404);
    }
}
