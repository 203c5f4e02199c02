package barometer.api;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.time.Duration;

/** Waits for the crawl the service runs at start (the bundled demo site) to finish. */
final class FirstCrawl {
    private FirstCrawl() {
    }

    /** Returns once the first crawl is done and its articles are tagged; fails after eight minutes. */
    static void await() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath status = given().get("/api/status").then().statusCode(200).extract().jsonPath();
            if (status.get("crawl.last") != null && !status.getBoolean("crawl.running")
                    && status.getLong("tagging.waiting") == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the first crawl of the demo site did not finish within 8 minutes");
    }
}
