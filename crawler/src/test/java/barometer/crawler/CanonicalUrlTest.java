package barometer.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

    private static String canonical(String url) {
        return CanonicalUrl.of(URI.create(url)).toString();
    }

    @Test
    void lowerCasesSchemeAndHostAndDropsDefaultPortsAndFragments() {
        assertEquals("https://news.example.com/Politics/Story.html",
                canonical("HTTPS://News.Example.COM:443/Politics/Story.html#comments"));
        assertEquals("http://news.example.com:8080/", canonical("http://news.example.com:8080"));
    }

    @Test
    void dropsTrackingParametersAndKeepsTheRest() {
        assertEquals("https://x.test/a?id=7&page=2",
                canonical("https://x.test/a?utm_source=nl&id=7&fbclid=abc&page=2&gclid=z&UTM_Campaign=q"));
        assertEquals("https://x.test/a", canonical("https://x.test/a?utm_source=nl"));
    }

    @Test
    void leavesOtherSchemesAlone() {
        assertEquals("mailto:Desk@X.test", canonical("mailto:Desk@X.test"));
    }
}
