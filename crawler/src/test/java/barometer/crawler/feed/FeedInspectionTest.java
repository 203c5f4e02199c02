package barometer.crawler.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.crawler.FixtureServer;
import barometer.crawler.fetch.FetchSettings;
import barometer.crawler.fetch.Fetcher;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class FeedInspectionTest {

    @Test
    void describesALoopbackFeedAsPlainJson() throws Exception {
        try (FixtureServer server = new FixtureServer(); Fetcher fetcher = new Fetcher(FetchSettings.defaults())) {
            JsonNode out = new FeedInspection(fetcher).inspect(server.uri("/rss.xml").toString());
            assertEquals("Harbor Times", out.path("feed").path("title").asText());
            assertEquals("http://example.test/", out.path("feed").path("link").asText());
            JsonNode first = out.path("entries").get(0);
            assertEquals("Feed title of the referendum story", first.path("title").asText());
            assertEquals(server.uri("/pages/referendum.html").toString(), first.path("link").asText());
            assertEquals("2017-01-02T08:00:00Z", first.path("published").asText());
            assertTrue(first.path("content").isNull());
        }
    }

    @Test
    void aMissingFeedIsAnErrorLineNotAnException() throws Exception {
        try (FixtureServer server = new FixtureServer(); Fetcher fetcher = new Fetcher(FetchSettings.defaults())) {
            JsonNode out = new FeedInspection(fetcher).inspect(server.uri("/nothing-here.xml").toString());
            assertEquals("HTTP 404", out.path("error").asText());
        }
    }
}
