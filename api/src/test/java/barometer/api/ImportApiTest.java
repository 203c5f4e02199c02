package barometer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/admin/import}: a file on the server into the running service, through its ingest. */
@QuarkusTest
class ImportApiTest {
    private static final String KEY = "test-admin-key";

    @BeforeEach
    void waitForTheFirstCrawl() throws InterruptedException {
        FirstCrawl.await();
    }

    @Test
    void aJsonLinesFileOnTheServerIsImportedAndSearchable() throws Exception {
        Path dir = Files.createTempDirectory("barometer-import");
        Path file = Files.writeString(dir.resolve("archive.jsonl"), "{\"url\": \"https://archive.example/quokka\", "
                + "\"title\": \"Quokka census completed\", \"published\": \"2021-05-04\", \"text\": \"Rangers on the "
                + "island counted the quokkas this spring, and the colony has grown, they said on Monday.\"}\n"
                + "not json\n");

        given().header("X-Api-Key", KEY).queryParam("path", file.toString()).when().post("/api/admin/import")
                .then().statusCode(202).body("running", equalTo(true));
        JsonPath state = null;
        for (int i = 0; i < 600; i++) {
            state = given().header("X-Api-Key", KEY).get("/api/admin/import").then().statusCode(200).extract().jsonPath();
            if (!state.getBoolean("running")) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(false, state.getBoolean("running"));
        assertEquals(1, state.getInt("done[0].stored"));
        assertEquals(1, state.getInt("done[0].skipped"));
        given().queryParam("q", "quokka").get("/api/search").then().statusCode(200)
                .body("hits[0].title", equalTo("Quokka census completed"));

        // Twice: nothing new.
        given().header("X-Api-Key", KEY).queryParam("path", file.toString()).when().post("/api/admin/import")
                .then().statusCode(202);
        for (int i = 0; i < 600 && given().header("X-Api-Key", KEY).get("/api/admin/import").jsonPath()
                .getBoolean("running"); i++) {
            Thread.sleep(100);
        }
        given().header("X-Api-Key", KEY).get("/api/admin/import").then().body("done[0].stored", equalTo(0))
                .body("done[0].resumedAt", equalTo(2));
    }

    @Test
    void aBadPathIsAClearRefusal() throws Exception {
        Path notes = Files.writeString(Files.createTempDirectory("barometer-import").resolve("notes.txt"), "hello");
        given().when().post("/api/admin/import?path=/tmp").then().statusCode(401);
        given().header("X-Api-Key", KEY).when().post("/api/admin/import").then().statusCode(400)
                .body("error", equalTo("path is required"));
        given().header("X-Api-Key", KEY).queryParam("path", "/no/such/file.warc").when().post("/api/admin/import")
                .then().statusCode(404);
        given().header("X-Api-Key", KEY).queryParam("path", notes.toString()).when().post("/api/admin/import")
                .then().statusCode(400).body("error", equalTo("no archive Barometer reads at " + notes));
    }
}
