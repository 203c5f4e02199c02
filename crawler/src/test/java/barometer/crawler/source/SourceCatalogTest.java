package barometer.crawler.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.crawler.SourceResult;
import barometer.crawler.fetch.AddressGuard;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceCatalogTest {
    @TempDir
    Path data;
    private final AddressGuard guard = new AddressGuard(Set.of("feeds.internal.test:80"));

    private SourceCatalog open() {
        return new SourceCatalog(data, SourceCatalog.fromConfig(List.of("secession|/demo/feed.xml")), guard,
                Duration.ofHours(6));
    }

    @Test
    void theFirstStartSeedsTheSourcesFromConfiguration() {
        SourceDefinition only = open().all().keySet().iterator().next();
        assertEquals("/demo/feed.xml", only.url());
        assertEquals("secession", only.topic());
        assertEquals("config", only.origin());
    }

    @Test
    void internalAddressesAreRefused() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> open().add("http://169.254.169.254/latest/meta-data/", "x", null, null));
        assertTrue(e.getMessage().contains("internal address"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> open().add("http://[::1]:8080/feed", "x", null, null));
        assertThrows(IllegalArgumentException.class, () -> open().add("file:///etc/passwd", "x", null, null));
    }

    @Test
    void badPatternsAndHastyPeriodsAreRefused() {
        SourceCatalog catalog = open();
        assertThrows(IllegalArgumentException.class, () -> catalog.add("http://93.184.216.34/", "x", "([", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> catalog.add("http://93.184.216.34/", "x", null, "10s"));
        assertTrue(e.getMessage().contains("at least a minute"));
    }

    @Test
    void sourcesAndTheirStateSurviveARestart() {
        SourceCatalog catalog = open();
        SourceDefinition added = catalog.add("http://93.184.216.34/politics", "texit", "/20\\d\\d/", "30m");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        catalog.record(Map.of("http://93.184.216.34/politics", new SourceResult(added.url(), SourceResult.Outcome.READ,
                3, 0, "")), SourceDefinition::url, t);
        SourceCatalog reopened = open();
        SourceState state = reopened.all().get(added);
        assertEquals(3, state.articles());
        assertEquals(t.plus(Duration.ofMinutes(30)), state.nextCrawl());
        assertEquals(List.of("/demo/feed.xml"), reopened.due(t.plusSeconds(60), false).stream().map(SourceDefinition::url).toList());
        assertEquals("/20\\d\\d/", added.linkPattern());
        assertEquals(URI.create("http://93.184.216.34/politics"), added.toFeedSource(URI.create("http://x/")).url());
    }

    @Test
    void aFailingSourceIsRetriedSoonerAndItsErrorKept() {
        SourceCatalog catalog = open();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            catalog.record(Map.of("/demo/feed.xml", new SourceResult("/demo/feed.xml", SourceResult.Outcome.FAILED, 0, 0,
                    "HTTP 503")), SourceDefinition::url, t);
        }
        SourceState state = catalog.all().values().iterator().next();
        assertEquals(3, state.failures());
        assertEquals("HTTP 503", state.lastError());
        assertEquals(t.plus(Duration.ofMinutes(4)), state.nextCrawl());
    }

    @Test
    void removingASourceForgetsIt() {
        SourceCatalog catalog = open();
        assertTrue(catalog.remove("/demo/feed.xml"));
        assertFalse(catalog.remove("/demo/feed.xml"));
        assertTrue(open().all().isEmpty());
    }
}
