package barometer.indexer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.crawler.Article;
import barometer.indexer.InvalidQueryException;
import barometer.indexer.SearchHit;
import barometer.indexer.SearchPage;
import barometer.indexer.SearchRequest;
import barometer.indexer.TrendQuery;
import barometer.indexer.sentiment.AnalysedArticle;
import barometer.indexer.sentiment.TaggedSentence;
import barometer.indexer.trend.Interval;
import barometer.indexer.trend.TrendPoint;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Lucene index in a temporary folder, fed with hand-tagged articles. */
class LuceneNewsIndexTest {
    @TempDir
    Path folder;
    private LuceneNewsIndex index;

    @BeforeEach
    void open() {
        index = new LuceneNewsIndex(folder);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static AnalysedArticle article(String slug, String published, String text, int... labels) {
        List<TaggedSentence> sentences = new java.util.ArrayList<>();
        for (int label : labels) {
            sentences.add(new TaggedSentence("sentence " + sentences.size(), label));
        }
        return new AnalysedArticle(new Article("http://news.test/" + slug, "Title " + slug, "News Test",
                published == null ? null : Instant.parse(published), text), sentences);
    }

    private void addFixtures() {
        index.add(article("a", "2017-01-03T10:00:00Z", "Secession petition approved by officials.", 1, 3));
        index.add(article("b", "2017-01-20T10:00:00Z", "The secession campaign held a rally.", 4));
        index.add(article("c", "2017-03-02T10:00:00Z", "A poll on secession shows support falling.", 0, 0, 2));
        index.add(article("d", "2017-03-09T10:00:00Z", "Storms hit the coast; no word on politics.", 2));
        index.add(article("e", null, "An undated secession story.", 3));
    }

    @Test
    void monthlyTrendHasExactCountsAndMeansWithEmptyMonthsAsZero() {
        addFixtures();

        List<TrendPoint> points = index.trend(new TrendQuery("secession", null, null, Interval.MONTH, ZoneOffset.UTC)).points();

        assertEquals(List.of(
                new TrendPoint(LocalDate.of(2017, 1, 1), 2, 3.0, 2.0),
                new TrendPoint(LocalDate.of(2017, 2, 1), 0, null, null),
                new TrendPoint(LocalDate.of(2017, 3, 1), 1, 2.0 / 3, null)), points);
    }

    @Test
    void trendHonoursTheDateRange() {
        addFixtures();

        List<TrendPoint> points = index.trend(new TrendQuery("", LocalDate.of(2017, 3, 1), LocalDate.of(2017, 3, 31),
                Interval.WEEK, ZoneOffset.UTC)).points();

        assertEquals(List.of(LocalDate.of(2017, 2, 27), LocalDate.of(2017, 3, 6), LocalDate.of(2017, 3, 13),
                LocalDate.of(2017, 3, 20), LocalDate.of(2017, 3, 27)), points.stream().map(TrendPoint::start).toList());
        assertEquals(List.of(1L, 1L, 0L, 0L, 0L), points.stream().map(TrendPoint::count).toList());
    }

    @Test
    void searchFindsMatchesWithHighlightedSnippets() {
        addFixtures();

        SearchPage page = index.search(new SearchRequest("poll", null, null, 1, 10));

        assertEquals(1, page.total());
        SearchHit hit = page.hits().get(0);
        assertEquals("http://news.test/c", hit.url());
        assertEquals("Title c", hit.title());
        assertEquals("News Test", hit.source());
        assertEquals(Instant.parse("2017-03-02T10:00:00Z"), hit.published());
        assertEquals(2.0 / 3, hit.sentiment());
        assertEquals("A <mark>poll</mark> on secession shows support falling.", hit.snippet());
    }

    @Test
    void searchFiltersByDateAndPages() {
        addFixtures();

        SearchPage first = index.search(new SearchRequest("secession", LocalDate.of(2017, 1, 1), LocalDate.of(2017, 1, 31), 1, 1));
        SearchPage second = index.search(new SearchRequest("secession", LocalDate.of(2017, 1, 1), LocalDate.of(2017, 1, 31), 2, 1));

        assertEquals(2, first.total());
        assertEquals(1, first.hits().size());
        assertEquals(1, second.hits().size());
        assertFalse(first.hits().get(0).url().equals(second.hits().get(0).url()));
    }

    @Test
    void snippetsEscapeMarkupFromArticleText() {
        index.add(article("x", "2017-01-01T00:00:00Z", "Secession <script>alert(1)</script> & more", 2));

        assertEquals("<mark>Secession</mark> &lt;script&gt;alert(1)&lt;&#x2F;script&gt; &amp; more",
                index.search(new SearchRequest("secession", null, null, 1, 10)).hits().get(0).snippet());
    }

    @Test
    void addingTheSameUrlAgainReplacesTheArticleAndItsSentences() {
        addFixtures();
        index.add(article("a", "2017-01-03T10:00:00Z", "Secession petition approved, updated.", 4));

        assertEquals(5, index.articleCount());
        assertEquals(1, index.search(new SearchRequest("updated", null, null, 1, 10)).total());
        assertEquals(0, index.search(new SearchRequest("officials", null, null, 1, 10)).total());
        assertEquals(4.0, index.trend(new TrendQuery("secession", LocalDate.of(2017, 1, 1), LocalDate.of(2017, 1, 31),
                Interval.MONTH, ZoneOffset.UTC)).points().get(0).meanSentiment());
    }

    @Test
    void committedArticlesSurviveReopening() {
        addFixtures();
        index.commit();
        index.close();

        index = new LuceneNewsIndex(folder);

        assertEquals(5, index.articleCount());
        assertTrue(index.contains("http://news.test/a"));
        assertFalse(index.contains("http://news.test/zzz"));
    }

    @Test
    void unparseableQueryIsRejectedWithAHint() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> index.search(new SearchRequest("secession AND (", null, null, 1, 10)));

        assertTrue(e.getMessage().startsWith("cannot parse the query 'secession AND ('"), e.getMessage());
        assertTrue(e.hint().startsWith("use Lucene syntax"));
    }

    @Test
    void leadingWildcardIsRejected() {
        assertThrows(InvalidQueryException.class, () -> index.search(new SearchRequest("*ession", null, null, 1, 10)));
    }
}
