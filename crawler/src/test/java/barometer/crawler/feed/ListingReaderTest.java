package barometer.crawler.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import barometer.crawler.fetch.FetchedResource;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ListingReaderTest {

    @Test
    void readsTheListingInThePagesOwnCharsetAndKeepsMatchingLinksOnce() {
        URI at = URI.create("http://127.0.0.1/section/");
        byte[] html = ("<html><head><meta charset=\"windows-1252\"></head><body>"
                + "<a href=\"/2019/01/caf\u00e9-debate.html\">Caf\u00e9 debate \u2013 live</a>"
                + "<a href=\"/2019/01/caf\u00e9-debate.html#comments\">Comments</a><a href=\"/about\">About</a>"
                + "</body></html>").getBytes(Charset.forName("windows-1252"));
        Feed feed = new ListingReader().read(new FetchedResource(at, at, "text/html", html), Pattern.compile("/20\\d\\d/"));
        assertEquals(1, feed.entries().size());
        assertEquals("Caf\u00e9 debate \u2013 live", feed.entries().get(0).title());
    }
}
