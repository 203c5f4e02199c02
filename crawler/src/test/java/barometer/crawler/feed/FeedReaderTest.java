package barometer.crawler.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.crawler.fetch.FetchedResource;
import java.net.URI;
import java.util.List;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedReaderTest {
    private static final URI AT = URI.create("http://127.0.0.1/feeds/news.xml");
    private final FeedReader reader = new FeedReader();

    private Feed read(String xml, String contentType) {
        return read(xml.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private Feed read(byte[] xml, String contentType) {
        return reader.read(new FetchedResource(AT, AT, contentType, xml));
    }

    @Test
    void anEmptyDocumentIsAnEmptyFeed() {
        Feed feed = read("\uFEFF  \n", "application/rss+xml");
        assertEquals(List.of(), feed.entries());
        assertEquals("", feed.title());
    }

    @Test
    void aDoctypeInsideItemContentIsContentNotAPrologToStrip() {
        Feed feed = read("<?xml version=\"1.0\"?>\n<!DOCTYPE rss>\n<rss version=\"2.0\"><channel><title>Docs</title>"
                + "<item><title>CDATA</title><description><![CDATA[<!DOCTYPE html [ x ]><p>Page one</p>]]></description>"
                + "</item><item><title>Escaped</title><description>&lt;!DOCTYPE html&gt;&lt;p&gt;Page two&lt;/p&gt;"
                + "</description></item></channel></rss>", "application/rss+xml");
        assertEquals("Docs", feed.title());
        assertEquals(List.of("CDATA", "Escaped"), feed.entries().stream().map(FeedEntry::title).toList());
        assertTrue(feed.entries().get(0).summary().contains("Page one"), feed.entries().get(0).summary());
        assertTrue(feed.entries().get(1).summary().contains("Page two"), feed.entries().get(1).summary());
    }

    @Test
    void onlyThePrologsDoctypeIsStripped() {
        assertEquals("<?xml version=\"1.0\"?>\n<!-- c -->\n<rss><x><![CDATA[<!DOCTYPE html>]]></x></rss>",
                FeedReader.withoutDoctype("<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE rss [<!ENTITY a \"b\">]>"
                        + "<rss><x><![CDATA[<!DOCTYPE html>]]></x></rss>"));
    }

    @Test
    void keepsTheItemsOfATruncatedFeed() {
        Feed feed = read("<rss version=\"2.0\"><channel><title>Cut</title><item><title>One</title>"
                + "<link>/a/1</link></item><item><title>Two & more", "application/rss+xml");
        assertEquals("Cut", feed.title());
        assertEquals(2, feed.entries().size());
        assertEquals(URI.create("http://127.0.0.1/a/1"), feed.entries().get(0).link());
        assertEquals("Two & more", feed.entries().get(1).title());
    }

    @Test
    void readsHtmlEntitiesAndUnescapedAmpersands() {
        Feed feed = read("<rss version=\"2.0\"><channel><item><title>Caf&eacute; &amp; bar &nbsp;&mdash; Q&A</title>"
                + "</item></channel></rss>", "application/xml");
        assertEquals("Café & bar — Q&A", feed.entries().get(0).title());
    }

    @Test
    void neverExpandsEntitiesOrReadsFilesFromADoctype() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
                + "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<rss version=\"2.0\"><channel><item><title>x&xxe;&b;</title></item></channel></rss>";
        Feed feed = read(xml, "application/xml");
        assertEquals(1, feed.entries().size());
        assertTrue(!feed.entries().get(0).title().contains("root:") && !feed.entries().get(0).title().contains("aaaa"),
                feed.entries().get(0).title());
    }

    @Test
    void httpCharsetOverridesTheXmlDeclaration() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Caf\u00e9</title></channel></rss>"
                .getBytes(Charset.forName("windows-1252"));
        assertEquals("Café", read(body, "text/xml; charset=windows-1252").title());
    }

    @Test
    void readsUtf16WithoutAByteOrderMark() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"utf-16\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Ünï</title></feed>"
                .getBytes(StandardCharsets.UTF_16LE);
        assertEquals("Ünï", read(body, "application/atom+xml").title());
    }

    @Test
    void resolvesRelativeLinksAgainstXmlBase() {
        Feed feed = read("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"http://example.com/news/\"><entry>"
                + "<title>t</title><link href=\"story.html\"/></entry></feed>", "application/atom+xml");
        assertEquals(URI.create("http://example.com/news/story.html"), feed.entries().get(0).link());
    }

    @Test
    void readsDatesInBrokenRfc822AndW3cForms() {
        assertEquals(Instant.parse("2003-12-31T10:14:55Z"), FeedDates.parse("Wed, 31 Dec 03 10:14:55 GMT").orElseThrow());
        assertEquals(Instant.parse("2003-12-31T15:14:00Z"), FeedDates.parse("31 Dec 2003 10:14 EST").orElseThrow());
        assertEquals(Instant.parse("2003-12-31T10:14:55Z"), FeedDates.parse("2003-12-31T10:14:55+0000").orElseThrow());
        assertEquals(Instant.parse("2003-12-31T00:00:00Z"), FeedDates.parse("2003-12-31").orElseThrow());
        assertTrue(FeedDates.parse("sometime last week").isEmpty());
    }

    @Test
    void anHtmlPageIsNotAFeed() {
        FeedException e = assertThrows(FeedException.class,
                () -> read("<!DOCTYPE html><html><body><p>Moved</p></body></html>", "text/html"));
        assertTrue(e.getMessage().startsWith("not a readable RSS or Atom feed"), e.getMessage());
    }

    @Test
    void itemsWithoutLinksAreKeptWithANullLink() {
        Feed feed = read("<rss version=\"2.0\"><channel><item><description>Only text</description></item>"
                + "</channel></rss>", "application/rss+xml");
        assertNull(feed.entries().get(0).link());
        assertEquals("Only text", feed.entries().get(0).summary());
    }
}
