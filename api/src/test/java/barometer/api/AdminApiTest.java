package barometer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API for sources: key, listing with state, the address guard, add and remove. */
@QuarkusTest
class AdminApiTest {
    private static final String KEY = "test-admin-key";

    @BeforeEach
    void waitForTheFirstCrawl() throws InterruptedException {
        FirstCrawl.await();
    }

    @Test
    void sourcesNeedTheKey() {
        given().when().get("/api/admin/sources").then().statusCode(401).body("error", equalTo("missing or wrong API key"));
    }

    @Test
    void listsTheDemoSourcesWithWhatTheFirstCrawlDid() {
        given().header("X-Api-Key", KEY).when().get("/api/admin/sources").then().statusCode(200)
                .body("sources.url", hasItem("/demo/pacific-ledger/feed.xml"))
                .body("sources.find { it.url == '/demo/pacific-ledger/feed.xml' }.crawls", greaterThanOrEqualTo(1))
                .body("sources.find { it.url == '/demo/pacific-ledger/feed.xml' }.articles", greaterThanOrEqualTo(1))
                .body("sources.find { it.url == '/demo/pacific-ledger/feed.xml' }.kind", equalTo("feed"));
    }

    @Test
    void aSourceOnTheInternalNetworkIsRefused() {
        given().header("X-Api-Key", KEY).contentType("application/json")
                .body("{\"url\": \"http://169.254.169.254/latest/meta-data/\", \"topic\": \"x\"}")
                .when().post("/api/admin/sources").then().statusCode(400)
                .body("error", containsString("internal address"));
        given().header("X-Api-Key", KEY).contentType("application/json")
                .body("{\"url\": \"http://127.0.0.1:8081/demo/pacific-ledger/feed.xml\"}")
                .when().post("/api/admin/sources").then().statusCode(400);
    }

    @Test
    void aPublicListingSourceIsAddedOnceAndRemoved() {
        String body = "{\"url\": \"http://93.184.216.34/politics/\", \"topic\": \"texit\", "
                + "\"linkPattern\": \"/politics/20\\\\d\\\\d/\", \"every\": \"2h\"}";
        given().header("X-Api-Key", KEY).contentType("application/json").body(body)
                .when().post("/api/admin/sources").then().statusCode(201)
                .body("kind", equalTo("listing")).body("every", equalTo("PT2H")).body("origin", equalTo("admin"));
        given().header("X-Api-Key", KEY).contentType("application/json").body(body)
                .when().post("/api/admin/sources").then().statusCode(409);
        given().header("X-Api-Key", KEY).queryParam("url", "http://93.184.216.34/politics/")
                .when().delete("/api/admin/sources").then().statusCode(204);
        given().header("X-Api-Key", KEY).queryParam("url", "http://93.184.216.34/politics/")
                .when().delete("/api/admin/sources").then().statusCode(404);
    }

    @Test
    void theOpenApiDocumentNamesTheKeyHeader() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.apiKey.name", equalTo("X-Api-Key"))
                .body("paths.'/api/admin/sources'.get.security[0]", org.hamcrest.Matchers.hasKey("apiKey"));
    }
}
