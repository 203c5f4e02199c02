package barometer.crawler.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PublishedDateTest {
    private final PublishedDate dates = new PublishedDate();

    @Test
    void parsesTheFormsPagesUse() {
        assertEquals(Instant.parse("2017-01-24T18:00:00Z"), PublishedDate.parse("2017-01-24T10:00:00-08:00"));
        assertEquals(Instant.parse("2017-01-24T10:00:00Z"), PublishedDate.parse("2017-01-24T10:00:00+0000"));
        assertEquals(Instant.parse("2017-01-24T10:00:00Z"), PublishedDate.parse("2017-01-24 10:00:00"));
        assertEquals(Instant.parse("2017-01-24T00:00:00Z"), PublishedDate.parse("2017-01-24"));
        assertEquals(Instant.parse("2017-01-24T10:00:00Z"), PublishedDate.parse("Tue, 24 Jan 2017 10:00:00 GMT"));
        assertNull(PublishedDate.parse("last Tuesday"));
    }

    @Test
    void prefersJsonLdOverMetaOverTime() {
        String html = """
                <html><head>
                <meta property="article:published_time" content="2018-02-02T00:00:00Z">
                <script type="application/ld+json">{"datePublished": "2018-01-01T00:00:00Z"}</script>
                </head><body><time datetime="2018-03-03">March</time></body></html>""";

        assertEquals(Instant.parse("2018-01-01T00:00:00Z"), dates.find(Jsoup.parse(html, "http://x.test/")));
    }

    @Test
    void fallsBackToTheDateInTheUrl() {
        assertEquals(Instant.parse("2019-07-04T00:00:00Z"),
                dates.find(Jsoup.parse("<p>no date</p>", "http://x.test/news/2019/07/04/story.html")));
        assertNull(dates.find(Jsoup.parse("<p>no date</p>", "http://x.test/news/story.html")));
    }
}
