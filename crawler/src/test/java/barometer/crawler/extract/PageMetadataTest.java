package barometer.crawler.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PageMetadataTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void readsAuthorsModifiedLanguageAndImageFromJsonLd() {
        ExtractedPage p = extractor.extract(Jsoup.parse("""
                <html lang="en-US"><head><script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Ledger"},
                 {"@type":"NewsArticle","headline":"Calexit","datePublished":"2017-01-24T11:00:00Z",
                  "dateModified":"2017-01-25T08:30:00Z","inLanguage":"en-GB",
                  "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tom Lee"}],
                  "image":{"@type":"ImageObject","url":"https://example.com/lead.jpg"}}]}
                </script></head><body><article><p>Text.</p></article></body></html>""", "https://example.com/a"));
        assertEquals(List.of("Ana Ruiz", "Tom Lee"), p.authors());
        assertEquals(Instant.parse("2017-01-25T08:30:00Z"), p.modified());
        assertEquals("en", p.language());
        assertEquals("https://example.com/lead.jpg", p.leadImage());
    }

    @Test
    void fallsBackToMetaTagsAndMarkup() {
        ExtractedPage p = extractor.extract(Jsoup.parse("""
                <html lang="pt-BR"><head><meta name="author" content="By Maria Souza and João Lima">
                <meta property="article:modified_time" content="2019-03-02T10:00:00-03:00">
                <meta property="og:image" content="/img/capa.png"></head>
                <body><article><p>Texto.</p></article></body></html>""", "https://example.com/noticia"));
        assertEquals(List.of("Maria Souza", "João Lima"), p.authors());
        assertEquals(Instant.parse("2019-03-02T13:00:00Z"), p.modified());
        assertEquals("pt", p.language());
        assertEquals("https://example.com/img/capa.png", p.leadImage());
    }

    @Test
    void aPageThatNamesNothingHasNoMetadata() {
        ExtractedPage p = extractor.extract(Jsoup.parse("<html><body><p>Plain.</p></body></html>", "https://example.com/"));
        assertEquals(List.of(), p.authors());
        assertEquals(null, p.modified());
        assertEquals("", p.language());
        assertEquals("", p.leadImage());
    }
}
