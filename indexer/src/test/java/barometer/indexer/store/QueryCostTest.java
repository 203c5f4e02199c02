package barometer.indexer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.crawler.Article;
import barometer.indexer.InvalidQueryException;
import barometer.indexer.SearchRequest;
import barometer.indexer.ToneScope;
import barometer.indexer.TrendQuery;
import barometer.indexer.sentiment.AnalysedArticle;
import barometer.indexer.sentiment.TaggedSentence;
import barometer.indexer.trend.Interval;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries whose cost a user could make unbounded are refused with a message before any work is done. */
class QueryCostTest {
    @TempDir
    Path folder;
    private LuceneNewsIndex index;

    @BeforeEach
    void open() {
        index = new LuceneNewsIndex(folder);
        String text = "The secession campaign held a rally in Sacramento.";
        index.add(new AnalysedArticle(new Article("http://news.test/a", "Secession rally", "Ledger",
                Instant.parse("2017-01-03T10:00:00Z"), text, "calexit"), List.of(new TaggedSentence(text, 2))));
        index.commit();
    }

    @AfterEach
    void close() {
        index.close();
    }

    private InvalidQueryException refusedBySearchAndTrend(String q) {
        InvalidQueryException trend = assertThrows(InvalidQueryException.class, () -> index.trend(
                new TrendQuery(q, null, null, Interval.MONTH, ZoneOffset.UTC, ToneScope.MENTIONS, false, 1)), q);
        InvalidQueryException search = assertThrows(InvalidQueryException.class,
                () -> index.search(SearchRequest.of(q, null, null, 1, 10)), q);
        assertEquals(search.getMessage(), trend.getMessage());
        return search;
    }

    @Test
    void aBrokenRegularExpressionIsAParseError() {
        assertTrue(refusedBySearchAndTrend("/[/").getMessage().contains("is not valid"));
    }

    @Test
    void hugeRepeatsAndLongRegularExpressionsAreRefused() {
        assertTrue(refusedBySearchAndTrend("/.{1,100000}/").getMessage()
                .endsWith("the regular expression repeats something 100000 times; at most 20 are accepted"));
        assertTrue(refusedBySearchAndTrend("/" + "a".repeat(65) + "/").getMessage()
                .endsWith("the regular expression has 65 characters; at most 64 are accepted"));
    }

    @Test
    void aRegularExpressionWithAnExplodingAutomatonIsRefused() {
        assertTrue(refusedBySearchAndTrend("/(a|b)*a(a|b){20}/").getMessage().contains("too complex"));
    }

    @Test
    void aSmallRegularExpressionStillWorks() {
        assertEquals(1, index.search(SearchRequest.of("/sacr.*to/", null, null, 1, 10)).total());
    }

    @Test
    void fuzzyTermsNeedThreeLettersAndStillMatch() {
        assertTrue(refusedBySearchAndTrend("ab~2").getMessage().endsWith("the fuzzy term 'ab~' needs at least 3 letters"));
        assertEquals(1, index.search(SearchRequest.of("sacramnto~1", null, null, 1, 10)).total());
    }

    @Test
    void termRangesAreRefused() {
        assertTrue(refusedBySearchAndTrend("body:[a TO z]").getMessage().contains("ranges such as [a TO z]"));
        assertTrue(refusedBySearchAndTrend("{a TO z}").getMessage().contains("ranges such as [a TO z]"));
    }

    @Test
    void deepNestingAndLongQueriesAreRefused() {
        assertTrue(refusedBySearchAndTrend("(".repeat(5_000) + "secession" + ")".repeat(5_000)).getMessage()
                .contains("at most 2000 are accepted"));
        assertTrue(refusedBySearchAndTrend("(".repeat(17) + "secession" + ")".repeat(17)).getMessage()
                .endsWith("the query nests parentheses more than 16 deep"));
        assertEquals(1, index.search(SearchRequest.of("(".repeat(16) + "secession" + ")".repeat(16), null, null, 1, 10))
                .total());
    }
}
