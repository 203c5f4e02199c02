package barometer.indexer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static barometer.indexer.NewsFixtures.addFixtures;
import static barometer.indexer.NewsFixtures.addRivals;
import static barometer.indexer.NewsFixtures.article;
import static barometer.indexer.NewsFixtures.withPhrases;

import barometer.crawler.Article;
import barometer.indexer.ContentHash;
import barometer.indexer.InvalidQueryException;
import barometer.indexer.SearchHit;
import barometer.indexer.SearchPage;
import barometer.indexer.SearchRequest;
import barometer.indexer.SearchSort;
import barometer.indexer.SentenceHit;
import barometer.indexer.ShareOf;
import barometer.indexer.ToneScale;
import barometer.indexer.ToneScope;
import barometer.indexer.TrendQuery;
import barometer.indexer.TrendSeries;
import barometer.indexer.sentiment.AnalysedArticle;
import barometer.indexer.sentiment.MentionTone;
import barometer.indexer.sentiment.TaggedSentence;
import barometer.indexer.sentiment.ToneClass;
import barometer.indexer.trend.Interval;
import barometer.indexer.trend.TrendPoint;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Lucene index in a temporary folder, fed with hand-tagged articles; expected values by hand. */
class LuceneNewsIndexTest {
    private static final LocalDate JAN = LocalDate.of(2017, 1, 1);
    private static final LocalDate FEB = LocalDate.of(2017, 2, 1);
    private static final LocalDate MAR = LocalDate.of(2017, 3, 1);
    /** 1.959964 · sd/√n for the labels {1, 2}: sd = √0.5, n = 2. */

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

    /**
     * A point's counts and tone, without its intervals: these fixtures have one or two articles per bucket, too
     * few for a tone interval, so the point must say so ({@code tooFew}).
     */
    private static List<Object> counts(LocalDate start, long articles, long stories, long all, Double share,
                                       Double smoothed, long toneCount, Double tone, boolean tooFew) {
        return java.util.Arrays.asList(start, articles, stories, all, share, smoothed, toneCount, tone, tooFew);
    }

    private static List<Object> counts(TrendPoint p) {
        return counts(p.start(), p.articles(), p.stories(), p.allArticles(), p.share(), p.articlesSmoothed(),
                p.toneCount(), p.tone(), p.toneTooFew());
    }

    private static List<List<Object>> counts(List<TrendPoint> points) {
        return points.stream().map(LuceneNewsIndexTest::counts).toList();
    }

    private TrendSeries trend(String q, ToneScope scope, boolean bySource, int smoothing) {
        // The 0..4 class scale, whose values these fixtures were written for; net tone has its own test.
        return index.trend(new TrendQuery(q, null, null, Interval.MONTH, ZoneOffset.UTC, scope, bySource, smoothing,
                ToneScale.CLASS, ShareOf.ARTICLES));
    }

    @Test
    void monthlyTrendCountsArticlesSharesAndSentenceScopedToneWithItsInterval() {
        addFixtures(index);

        List<TrendPoint> points = trend("secession", ToneScope.SENTENCES, false, 1).points();

        assertEquals(List.of(
                counts(JAN, 2, 2, 2, 1.0, null, 2, 1.5, true),
                counts(FEB, 0, 0, 0, null, null, 0, null, false),
                counts(MAR, 1, 1, 2, 0.5, null, 1, 0.0, true)), counts(points));
    }

    @Test
    void mentionToneIsTheToneTowardTheQueryWordsWhereTheyStand() {
        addRivals(index);

        TrendPoint hale = trend("hale", ToneScope.MENTIONS, false, 1).points().get(0);
        TrendPoint marsh = trend("marsh", ToneScope.MENTIONS, false, 1).points().get(0);

        // Hale: positive (4) in the first article; neutral (2) in each of the two phrases of the second.
        assertEquals(3, hale.toneCount());
        assertEquals(8.0 / 3, hale.tone(), 1e-12);
        assertEquals(1, marsh.toneCount());
        assertEquals(0.0, marsh.tone());
        assertEquals(2.0, trend("marsh", ToneScope.SENTENCES, false, 1).points().get(0).tone(),
                "the sentence class does not tell Hale from Marsh");
    }

    @Test
    void aWordInMorePhrasesThanATermFrequencyHoldsCountsEachOfThemFromThePositions() {
        String crowded = "Hale thanked Hale, then Hale left.";
        List<MentionTone> three = new ArrayList<>();
        ToneClass[] tones = {ToneClass.POSITIVE, ToneClass.NEGATIVE, ToneClass.NEGATIVE};
        for (int i = 0, from = crowded.indexOf("Hale"); from >= 0; from = crowded.indexOf("Hale", from + 1), i++) {
            three.add(new MentionTone(from, from + 4, tones[i]));
        }
        index.add(new AnalysedArticle(new Article("http://news.test/crowded", "Crowded", "Ledger",
                Instant.parse("2017-01-05T10:00:00Z"), crowded + " Hale spoke."), List.of(
                        new TaggedSentence(crowded, 2, List.of(), three),
                        withPhrases("Hale spoke.", 2, "Hale", ToneClass.POSITIVE))));

        TrendPoint hale = trend("hale", ToneScope.MENTIONS, false, 1).points().get(0);

        assertEquals(4, hale.toneCount(), "three phrases in the first sentence (read from its payloads), one in the next");
        assertEquals(2.0, hale.tone());
    }

    @Test
    void aPhraseQueryCountsEachNamedPhraseOnceAndExcludedSentencesNotAtAll() {
        addRivals(index);

        TrendPoint phrase = trend("\"ann hale\"", ToneScope.MENTIONS, false, 1).points().get(0);
        TrendPoint excluding = trend("hale -marsh", ToneScope.MENTIONS, false, 1).points().get(0);
        TrendPoint either = trend("marsh OR attack*", ToneScope.MENTIONS, false, 1).points().get(0);

        assertEquals(2, phrase.toneCount(), "two phrases, two words each");
        assertEquals(2.0, phrase.tone());
        assertEquals(2, excluding.toneCount(), "the sentence that names Marsh is left out");
        assertEquals(2.0, excluding.tone());
        assertEquals(2, either.toneCount());
        assertEquals(0.0, either.tone());
    }

    @Test
    void aBlankQueryHasNoWordsToScoreAndFallsBackToTheSentenceMeasure() {
        addRivals(index);

        TrendSeries all = trend("", ToneScope.MENTIONS, false, 1);

        assertEquals(ToneScope.SENTENCES, all.scope());
        assertEquals(1.5, all.points().get(0).tone());
    }

    @Test
    void sharesFollowNewArticlesAddedBetweenQueries() {
        addFixtures(index);
        assertEquals(0.5, trend("poll", ToneScope.SENTENCES, false, 1).points().get(0).share());

        index.add(article("f", "Courier", "2017-03-20T10:00:00Z", "2:Nothing to see."));

        TrendPoint march = trend("poll", ToneScope.SENTENCES, false, 1).points().get(0);
        assertEquals(3, march.allArticles());
        assertEquals(1.0 / 3, march.share(), 1e-12);
    }

    /** A wire story long enough to cluster (more than 20 distinct word 3-shingles). */
    private static final String WIRE = "Campaigners for an independence referendum cleared their first hurdle on Monday when state officials "
            + "approved the wording of their petition. The group now has six months to gather the signatures it needs "
            + "to reach the ballot, a task that organisers described as difficult and expensive but entirely possible. "
            + "Opponents said the plan would divide families, damage the economy for a generation and distract the state "
            + "from drought, debt and falling prices. Legal scholars were blunt: no state can leave the union on its "
            + "own, and the constitution offers no simple path out. Volunteers set up folding tables outside grocery "
            + "stores this weekend, and several shoppers argued loudly with them about what independence would cost.";

    @Test
    void nearDuplicateCopiesOfAWireStoryCountAsOneStory() {
        index.add(article("wire1", "Ledger", "2017-01-05T10:00:00Z", "2:" + WIRE));
        index.add(article("wire2", "Courier", "2017-01-06T10:00:00Z", "2:" + WIRE.replace("Monday", "Tuesday")));
        index.add(article("other", "Courier", "2017-01-07T10:00:00Z",
                "2:" + ("A completely different report about the weather and the harbor and the trains that "
                + "ran late all week because of storms that flooded the tracks near the old station in the north. ").repeat(3)));
        index.commit();

        TrendPoint january = trend("", ToneScope.SENTENCES, false, 1).points().get(0);

        assertEquals(3, january.articles());
        assertEquals(2, january.stories(), "wire1 and its lightly edited copy wire2 are one story");
        SearchPage all = index.search(SearchRequest.of("", null, null, 1, 10));
        assertEquals(3, all.total());
        assertEquals(2, all.stories());
    }

    @Test
    void aCopyArrivingAfterARestartJoinsTheStoredStory() {
        index.add(article("wire1", "Ledger", "2017-01-05T10:00:00Z", "2:" + WIRE));
        index.commit();
        index.close();
        index = new LuceneNewsIndex(folder);

        index.add(article("wire2", "Courier", "2017-01-06T10:00:00Z", "2:" + WIRE.replace("Monday", "Tuesday")));

        TrendPoint january = trend("", ToneScope.SENTENCES, false, 1).points().get(0);
        assertEquals(2, january.articles());
        assertEquals(1, january.stories(), "found through the index, not the in-memory recent stories");
    }

    @Test
    void aCopyArrivingAfterMoreArticlesThanTheRecentStoriesHoldFindsItsOriginalThroughTheIndex() {
        index.add(article("wire1", "Ledger", "2017-01-05T10:00:00Z", "2:" + WIRE));
        // The original leaves the 10,000 recent stories kept in memory before its copy comes: the reader used while
        // adding must have been reopened meanwhile (by count when the fillers come fast, as in an import).
        java.util.Random words = new java.util.Random(7);
        for (int i = 0; i < 10_001; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 30; w++) {
                text.append("w").append(words.nextInt(1_000_000)).append(' ');
            }
            index.add(article("filler" + i, "Courier", "2017-02-05T10:00:00Z", "2:" + text.toString().strip() + "."));
        }

        index.add(article("wire2", "Courier", "2017-01-06T10:00:00Z", "2:" + WIRE.replace("Monday", "Tuesday")));

        TrendPoint january = trend("", ToneScope.SENTENCES, false, 1).points().get(0);
        assertEquals(2, january.articles());
        assertEquals(1, january.stories(), "found through the index, reopened while the fillers were added");
    }

    @Test
    void theBandUrlAndContentHashTermsAreBehindABloomFilterAndTheOtherFieldsAreNot() throws Exception {
        index.add(article("wire1", "Ledger", "2017-01-05T10:00:00Z", "2:" + WIRE));
        index.commit();
        index.close();

        Map<String, String> formats = new java.util.TreeMap<>();
        try (var dir = org.apache.lucene.store.FSDirectory.open(folder);
                var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
            for (var leaf : reader.leaves()) {
                for (var field : leaf.reader().getFieldInfos()) {
                    String format = field.getAttribute("PerFieldPostingsFormat.format");
                    if (format != null && List.of(Fields.SIM_BAND, Fields.URL, Fields.CONTENT_HASH, Fields.TEXT)
                            .contains(field.name)) {
                        formats.put(field.name, format);
                    }
                }
            }
        }
        index = new LuceneNewsIndex(folder);

        assertEquals(Map.of(Fields.SIM_BAND, "BloomFilter", Fields.URL, "BloomFilter",
                Fields.CONTENT_HASH, "BloomFilter", Fields.TEXT, "Lucene104"), formats);
    }

    @Test
    void theFirstArticleOfAStoryWrittenAgainAfterItsCopyStillCountsAsOneStoryWithIt() {
        index.add(article("wire1", "Ledger", "2017-01-05T10:00:00Z", "2:" + WIRE));
        index.commit();
        index.add(article("wire2", "Courier", "2017-01-06T10:00:00Z", "2:" + WIRE.replace("Monday", "Tuesday")));
        index.add(article("wire1", "Ledger", "2017-01-05T10:00:00Z", "2:" + WIRE + " Updated."));
        index.add(article("single", "Ledger", "2017-01-07T10:00:00Z", "2:A single report about the harbor."));
        index.commit();

        assertEquals(2, index.search(SearchRequest.of("", null, null, 1, 10)).stories());
        TrendPoint january = trend("", ToneScope.ARTICLES, false, 1).points().get(0);
        assertEquals(3, january.articles());
        assertEquals(2, january.stories(), "the wire story and the single report");
    }

    @Test
    void theFirstArticleOfAStoryWrittenAgainAfterARestartFindsItsCopiesInTheIndex() {
        index.add(article("wire1", "Ledger", "2017-01-05T10:00:00Z", "2:" + WIRE));
        index.commit();
        index.add(article("wire2", "Courier", "2017-01-06T10:00:00Z", "2:" + WIRE.replace("Monday", "Tuesday")));
        index.commit();
        index.close();
        index = new LuceneNewsIndex(folder);

        index.add(article("wire1", "Ledger", "2017-01-05T10:00:00Z", "2:" + WIRE + " Updated."));
        index.commit();

        assertEquals(2, index.search(SearchRequest.of("", null, null, 1, 10)).total());
        assertEquals(1, index.search(SearchRequest.of("", null, null, 1, 10)).stories());
        assertEquals(1, trend("", ToneScope.ARTICLES, false, 1).points().get(0).stories());
    }

    /** Sums kept, and how often they answered and did not. */
    private static List<Long> use(LuceneNewsIndex i) {
        KeptSums use = i.keptSums();
        return List.of(use.entries(), use.hits(), use.misses());
    }

    @Test
    void aTrendAskedAgainSumsOnlyTheSegmentsThatChangedAndAnswersAsAFreshSum(@TempDir Path freshFolder) {
        try (LuceneNewsIndex fresh = new LuceneNewsIndex(freshFolder, 0)) {
            for (LuceneNewsIndex i : List.of(index, fresh)) {
                addFixtures(i);
                i.commit();
            }
            TrendQuery q = new TrendQuery("secession", null, null, Interval.MONTH, ZoneOffset.UTC,
                    ToneScope.MENTIONS, true, 1, ToneScale.CLASS, ShareOf.ARTICLES);
            index.trend(q);
            assertEquals(List.of(3L, 0L, 3L), use(index),
                    "one segment: the matches, every article, and the sentences summed once each");
            assertEquals(fresh.trend(q), index.trend(q));
            assertEquals(2, index.keptSums().hits(), "the matches and sentences kept (the totals: per version)");

            for (LuceneNewsIndex i : List.of(index, fresh)) {
                i.add(article("f", "Courier", "2017-03-12T10:00:00Z", "4:Secession cheered.", "0:Secession feared."));
                // "c" again, with new labels: its old copy is deleted from the first segment, which changes.
                i.add(article("c", "Ledger", "2017-03-02T10:00:00Z", "4:A poll on secession shows support falling.",
                        "0:Rain fell all day.", "2:Officials were calm."));
                i.commit();
            }
            assertEquals(fresh.trend(q), index.trend(q));
            assertEquals(List.of(2L, 9L), use(index).subList(1, 3),
                    "both segments summed: the first one lost a document, the second is new");
            assertEquals(fresh.trend(q), index.trend(q));
            assertEquals(List.of(6L, 9L), use(index).subList(1, 3));

            for (LuceneNewsIndex i : List.of(index, fresh)) {
                i.add(new AnalysedArticle(new Article("http://news.test/g", "Wire", "Ledger",
                        Instant.parse("2017-01-25T10:00:00Z"), WIRE + " Secession."),
                        List.of(new TaggedSentence(WIRE + " Secession.", 1))));
                i.commit();
            }
            assertEquals(fresh.trend(q), index.trend(q));
            assertEquals(List.of(12L, 12L), use(index).subList(1, 3),
                    "only the new segment summed; the two unchanged ones kept, for the totals too");

            // A wire copy of "g": g is marked shared by a doc-values update in its segment, one story of two now.
            for (LuceneNewsIndex i : List.of(index, fresh)) {
                i.add(new AnalysedArticle(new Article("http://news.test/g2", "Copy", "Courier",
                        Instant.parse("2017-01-26T10:00:00Z"), WIRE + " Secession, updated."),
                        List.of(new TaggedSentence(WIRE + " Secession, updated.", 2))));
                i.commit();
            }
            TrendSeries joined = index.trend(q);
            assertEquals(fresh.trend(q), joined);
            assertEquals(3, joined.points().get(0).stories(), "a, b and the wire story of g and g2");
            TrendQuery bySentence = new TrendQuery("secession", null, null, Interval.MONTH, ZoneOffset.UTC,
                    ToneScope.SENTENCES, true, 1, ToneScale.CLASS, ShareOf.ARTICLES);
            TrendSeries summed = index.trend(bySentence);
            assertEquals(fresh.trend(bySentence), summed);
            assertEquals(summed, index.trend(bySentence), "from the kept sums");
            assertEquals(4, summed.points().get(0).toneCount(), "a, b, g and g2 name secession in January");
        }
    }

    @Test
    void theNextPageOfASearchCountsItsFacetsFromTheKeptSumsOfUnchangedSegments(@TempDir Path freshFolder) {
        try (LuceneNewsIndex fresh = new LuceneNewsIndex(freshFolder, 0)) {
            for (LuceneNewsIndex i : List.of(index, fresh)) {
                addFixtures(i);
                i.commit();
                i.add(article("f", "Courier", "2017-03-12T10:00:00Z", "4:Secession cheered."));
                i.commit();
            }
            SearchPage first = index.search(SearchRequest.of("secession", null, null, 1, 2));
            assertEquals(List.of(0L, 2L), use(index).subList(1, 3), "two segments summed");
            SearchPage second = index.search(SearchRequest.of("secession", null, null, 2, 2));
            assertEquals(List.of(2L, 2L), use(index).subList(1, 3), "the second page's facets: both kept");

            assertEquals(fresh.search(SearchRequest.of("secession", null, null, 1, 2)), first);
            assertEquals(fresh.search(SearchRequest.of("secession", null, null, 2, 2)), second);
            assertEquals(Map.of("Ledger", 3L, "Courier", 2L), second.facets().get("source"));
            assertEquals(5, second.total());
        }
    }

    @Test
    void netToneCountsSentencesAsMinusOneZeroOrPlusOneAndCountsTheirArticles() {
        addFixtures(index);

        TrendPoint jan = index.trend(new TrendQuery("secession", null, null, Interval.MONTH, ZoneOffset.UTC,
                ToneScope.SENTENCES, false, 1)).points().get(0);

        assertEquals(-0.5, jan.tone(), "classes 1 (negative) and 2 (neutral)");
        assertEquals(2, jan.toneArticles());
        assertTrue(jan.toneTooFew());
        assertNull(jan.toneLow());
    }

    @Test
    void toneIntervalTreatsTheSentencesOfOneArticleAsOneDraw() {
        // Ten articles, two matching sentences each: five (4, 4) -> net (+1, +1), five (0, 2) -> (-1, 0). N = 20,
        // mean 0.25, residual per article ±1.5: CR1 variance 10/9 · 22.5 / 400 = 0.0625, t(9) 2.262157 · 0.25.
        // Counting the 20 sentences as independent would give ±0.398 instead of ±0.566.
        for (int i = 0; i < 10; i++) {
            String a = i < 5 ? "4" : "0", b = i < 5 ? "4" : "2";
            index.add(article("v" + i, "Ledger", "2018-05-0" + (1 + i % 9) + "T10:00:00Z", a + ":The vote was held.",
                    b + ":Everyone talked about the vote."));
        }
        TrendPoint may = index.trend(new TrendQuery("vote", null, null, Interval.MONTH, ZoneOffset.UTC,
                ToneScope.SENTENCES, false, 1)).points().get(0);

        assertEquals(0.25, may.tone(), 1e-12);
        assertEquals(20, may.toneCount());
        assertEquals(10, may.toneArticles());
        assertEquals(0.25 - 0.565539, may.toneLow(), 1e-6);
        assertEquals(0.25 + 0.565539, may.toneHigh(), 1e-6);
        assertFalse(may.toneTooFew());
    }

    @Test
    void articleScopedToneUsesWholeArticleMeans() {
        addFixtures(index);

        List<TrendPoint> points = trend("secession", ToneScope.ARTICLES, false, 1).points();

        assertEquals(counts(JAN, 2, 2, 2, 1.0, null, 2, 2.0, true), counts(points.get(0)));
        assertEquals(2.0 / 3, points.get(2).tone(), 1e-12, "c's sentences 0, 0, 2");
        assertEquals(1, points.get(2).toneCount());
    }

    @Test
    void sentenceScopeIgnoresTheToneOfSentencesThatDoNotMatch() {
        addFixtures(index);

        assertEquals(0.0, trend("poll", ToneScope.SENTENCES, false, 1).points().get(0).tone(),
                "only 'A poll on secession...' (0), not 'Officials were calm' (2)");
        assertEquals(2.0 / 3, trend("poll", ToneScope.ARTICLES, false, 1).points().get(0).tone(), 1e-12);
    }

    @Test
    void perSourceSeriesShareTheBucketsAndCountWithinTheirOutlet() {
        addFixtures(index);

        Map<String, List<TrendPoint>> bySource = trend("secession", ToneScope.SENTENCES, true, 1).bySource();

        assertEquals(List.of(
                counts(JAN, 1, 1, 1, 1.0, null, 1, 1.0, true),
                counts(FEB, 0, 0, 0, null, null, 0, null, false),
                counts(MAR, 1, 1, 1, 1.0, null, 1, 0.0, true)), counts(bySource.get("Ledger")));
        assertEquals(List.of(
                counts(JAN, 1, 1, 1, 1.0, null, 1, 2.0, true),
                counts(FEB, 0, 0, 0, null, null, 0, null, false),
                counts(MAR, 0, 0, 1, 0.0, null, 0, null, false)), counts(bySource.get("Courier")));
    }

    @Test
    void smoothingPoolsShareAndToneOverTheTrailingWindowAndKeepsRawCounts() {
        addFixtures(index);

        List<TrendPoint> points = trend("secession", ToneScope.SENTENCES, false, 2).points();

        assertEquals(counts(JAN, 2, 2, 2, 1.0, 2.0, 2, 1.5, true), counts(points.get(0)));
        assertEquals(counts(FEB, 0, 0, 0, 1.0, 1.0, 2, 1.5, true), counts(points.get(1)));
        assertEquals(counts(MAR, 1, 1, 2, 0.5, 0.5, 1, 0.0, true), counts(points.get(2)));
    }

    @Test
    void trendHonoursTheDateRangeAndZeroFillsIt() {
        addFixtures(index);

        List<TrendPoint> points = index.trend(TrendQuery.of("", LocalDate.of(2017, 3, 1), LocalDate.of(2017, 3, 31),
                Interval.WEEK, ZoneOffset.UTC)).points();

        assertEquals(List.of(LocalDate.of(2017, 2, 27), LocalDate.of(2017, 3, 6), LocalDate.of(2017, 3, 13),
                LocalDate.of(2017, 3, 20), LocalDate.of(2017, 3, 27)), points.stream().map(TrendPoint::start).toList());
        assertEquals(List.of(1L, 1L, 0L, 0L, 0L), points.stream().map(TrendPoint::articles).toList());
    }

    @Test
    void searchFindsMatchesWithHighlightedSnippetsToneAndShares() {
        addFixtures(index);

        SearchPage page = index.search(SearchRequest.of("poll", null, null, 1, 10));

        assertEquals(1, page.total());
        SearchHit hit = page.hits().get(0);
        assertEquals("http://news.test/c", hit.url());
        assertEquals("Title c", hit.title());
        assertEquals("Ledger", hit.source());
        assertEquals(Instant.parse("2017-03-02T10:00:00Z"), hit.published());
        assertEquals(2.0 / 3, hit.sentiment(), 1e-12);
        assertEquals("negative", hit.tone());
        assertEquals(2.0 / 3, hit.negativeShare(), 1e-12);
        assertEquals(1.0 / 3, hit.neutralShare(), 1e-12);
        assertEquals(0.0, hit.positiveShare());
        assertEquals("A <mark>poll</mark> on secession shows support falling.", hit.snippet());
    }

    @Test
    void theYearFacetPutsEachTimeInItsUtcYearAtTheEdgesAndOutsideTheTable() {
        String[] times = {"1899-12-31T23:59:59Z", "1900-01-01T00:00:00Z", "1999-12-31T23:59:59.999Z",
            "2000-01-01T00:00:00Z", "2016-12-31T23:30:00Z", "2017-01-01T00:00:00Z", "2200-12-31T23:59:59Z",
            "2201-01-01T00:00:00Z"};
        for (int i = 0; i < times.length; i++) {
            index.add(article("edge-" + i, "Ledger", times[i], "2:A vote on the edge of a year."));
        }

        SearchPage page = index.search(SearchRequest.of("edge", null, null, 1, 1));

        assertEquals(Map.of("1899", 1L, "1900", 1L, "1999", 1L, "2000", 1L, "2016", 1L, "2017", 1L, "2200", 1L,
                "2201", 1L), page.facets().get("year"));
    }

    @Test
    void facetsCountSourcesTonesAndYearsOverAllMatches() {
        addFixtures(index);

        SearchPage page = index.search(SearchRequest.of("secession", null, null, 1, 1));

        assertEquals(Map.of("Ledger", 3L, "Courier", 1L), page.facets().get("source"));
        assertEquals(Map.of("neutral", 2L, "negative", 1L, "positive", 1L), page.facets().get("tone"));
        assertEquals(Map.of("2017", 3L), page.facets().get("year"));
        assertEquals(Map.of("calexit", 3L, "texit", 1L), page.facets().get("topic"));
    }

    @Test
    void filtersBySourceAndTone() {
        addFixtures(index);

        SearchPage courier = index.search(new SearchRequest("secession", null, null, List.of("Courier"), List.of(), List.of(), null, null, 1, 10, null));
        SearchPage negative = index.search(new SearchRequest("secession", null, null, List.of(), List.of(), List.of(), ToneClass.NEGATIVE, null, 1, 10, null));

        assertEquals(List.of("http://news.test/b"), courier.hits().stream().map(SearchHit::url).toList());
        assertEquals(List.of("http://news.test/c"), negative.hits().stream().map(SearchHit::url).toList());
        SearchPage texit = index.search(new SearchRequest("secession", null, null, List.of(), List.of("texit"), List.of(), null, null, 1, 10, null));
        assertEquals(List.of("http://news.test/b"), texit.hits().stream().map(SearchHit::url).toList());
    }

    @Test
    void kindArticleIsTheOnlyKindSearched() {
        addFixtures(index);

        assertEquals(4, index.search(new SearchRequest("secession", null, null, List.of(), List.of(), List.of("article"), null, null, 1, 10, null)).total());
        InvalidQueryException polls = assertThrows(InvalidQueryException.class,
                () -> new SearchRequest("x", null, null, List.of(), List.of(), List.of("poll"), null, null, 1, 10, null));
        assertEquals("search finds articles; polls are listed at /api/polls", polls.hint());
        assertThrows(InvalidQueryException.class,
                () -> new SearchRequest("x", null, null, List.of(), List.of(), List.of("tweet"), null, null, 1, 10, null));
    }

    @Test
    void cursorWalksEveryHitOnceNewestFirstWithUndatedLast() {
        addFixtures(index);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage page = index.search(new SearchRequest("secession", null, null, List.of(), List.of(), List.of(), null, SearchSort.DATE, 1, 1, cursor));
            page.hits().forEach(h -> seen.add(h.url()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertEquals(List.of("http://news.test/c", "http://news.test/b", "http://news.test/a", "http://news.test/e"), seen);
    }

    @Test
    void relevanceCursorGivesTheSameOrderAsPageNumbers() {
        addFixtures(index);
        SearchPage first = index.search(new SearchRequest("secession", null, null, List.of(), List.of(), List.of(), null, null, 1, 2, null));
        SearchPage second = index.search(new SearchRequest("secession", null, null, List.of(), List.of(), List.of(), null, null, 1, 2, first.nextCursor()));
        SearchPage byNumber = index.search(new SearchRequest("secession", null, null, List.of(), List.of(), List.of(), null, null, 2, 2, null));

        assertEquals(byNumber.hits(), second.hits());
        assertNull(second.nextCursor());
    }

    @Test
    void aForgedCursorIsRejected() {
        assertThrows(InvalidQueryException.class,
                () -> index.search(new SearchRequest("x", null, null, List.of(), List.of(), List.of(), null, null, 1, 10, "bm90IGEgY3Vyc29y")));
    }

    @Test
    void snippetsEscapeMarkupFromArticleText() {
        index.add(article("x", "S", "2017-01-01T00:00:00Z", "2:Secession <script>alert(1)</script> & more"));

        assertEquals("<mark>Secession</mark> &lt;script&gt;alert(1)&lt;&#x2F;script&gt; &amp; more",
                index.search(SearchRequest.of("secession", null, null, 1, 10)).hits().get(0).snippet());
    }

    @Test
    void addingTheSameUrlAgainReplacesTheArticleAndItsSentences() {
        addFixtures(index);
        index.add(article("a", "Ledger", "2017-01-03T10:00:00Z", "4:Secession petition approved, updated."));

        assertEquals(5, index.articleCount());
        assertEquals(1, index.search(SearchRequest.of("updated", null, null, 1, 10)).total());
        assertEquals(0, index.search(SearchRequest.of("lovely", null, null, 1, 10)).total());
        assertEquals(3.0, trend("secession", ToneScope.SENTENCES, false, 1).points().get(0).tone(),
                "sentences 4 (new a) and 2 (b); the old a's sentences are gone");
    }

    @Test
    void sentencesOfAStoredTextCanBeReusedByItsContentHash() {
        addFixtures(index);

        List<TaggedSentence> sentences = index.sentencesOf(ContentHash.of(
                "A poll on secession shows support falling. Rain fell all day. Officials were calm.")).orElseThrow();

        assertEquals(List.of(0, 0, 2), sentences.stream().map(TaggedSentence::sentiment).toList());
        assertTrue(index.sentencesOf(ContentHash.of("never stored")).isEmpty());
    }

    @Test
    void evidenceListsTheMatchingSentencesOfABucketWithTheirArticles() {
        addFixtures(index);

        List<SentenceHit> hits = index.sentences("secession", JAN, LocalDate.of(2017, 1, 31), ZoneOffset.UTC, 10);

        assertEquals(List.of(
                new SentenceHit("Secession petition approved by officials.", 1, "http://news.test/a", "Title a", "Ledger",
                        Instant.parse("2017-01-03T10:00:00Z"), List.of()),
                new SentenceHit("The secession campaign held a rally.", 2, "http://news.test/b", "Title b", "Courier",
                        Instant.parse("2017-01-20T10:00:00Z"), List.of())), hits);
    }

    @Test
    void evidenceCarriesTheToneTowardTheQueryWordsInEachSentence() {
        addRivals(index);

        List<SentenceHit> hits = index.sentences("hale", JAN, LocalDate.of(2017, 1, 31), ZoneOffset.UTC, 10);

        assertEquals(List.of(List.of(ToneClass.POSITIVE), List.of(ToneClass.NEUTRAL, ToneClass.NEUTRAL)),
                hits.stream().map(SentenceHit::mentionTones).toList());
    }

    @Test
    void committedArticlesSurviveReopening() {
        addFixtures(index);
        index.commit();
        index.close();

        index = new LuceneNewsIndex(folder);

        assertEquals(5, index.articleCount());
        assertTrue(index.contains("http://news.test/a"));
        assertFalse(index.contains("http://news.test/zzz"));
    }

    /**
     * An import asks for every record whether its URL is stored; the answer must count every article whose write
     * has returned, through the reopenings that bulk writes cause, while a search reopens the reader meanwhile.
     */
    @Test
    void everyWrittenArticleIsContainedAtOnceThroughReopeningsWhileOthersAreWritten() throws Exception {
        int n = 9_000;
        java.util.concurrent.BlockingQueue<String> written = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                String url = "http://news.test/bulk/" + i;
                index.add(new AnalysedArticle(new Article(url, "Bulk " + i, "Ledger", JAN.atStartOfDay()
                        .toInstant(ZoneOffset.UTC), "Article number " + i + " of a bulk import about the vote."),
                        List.of(new TaggedSentence("Article number " + i + " of a bulk import about the vote.", 2))));
                written.add(url);
            }
        });
        writer.start();
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String url = written.take();
            if (!index.contains(url)) {
                missed.add(url);
            }
            if (i % 500 == 0) {
                index.search(SearchRequest.of("vote", null, null, 1, 10));
            }
        }
        writer.join();

        assertEquals(List.of(), missed);
        assertFalse(index.contains("http://news.test/bulk/" + n));
        assertEquals(n, index.articleCount());
    }

    @Test
    void anIndexWrittenWithAnOlderSchemaIsRebuiltFromItsStoredContent() {
        index.close();
        emptyFolder();
        LuceneNewsIndex old = LuceneNewsIndex.withSchema(folder, 1);
        addFixtures(old);
        old.commit();
        old.close();

        index = new LuceneNewsIndex(folder);

        assertEquals(5, index.articleCount());
        assertEquals(trendOfFreshIndex(), trend("secession", ToneScope.SENTENCES, true, 1));
        assertEquals(List.of(0, 0, 2), index.sentencesOf(ContentHash.of(
                "A poll on secession shows support falling. Rain fell all day. Officials were calm.")).orElseThrow()
                .stream().map(TaggedSentence::sentiment).toList());
    }

    @Test
    void aCrashBetweenTheTwoRenamesOfAnUpgradeLosesNothing() throws Exception {
        index.close();
        emptyFolder();
        Path side = folder.resolveSibling(folder.getFileName() + "-side");
        try (LuceneNewsIndex old = LuceneNewsIndex.withSchema(folder, 1)) {
            addFixtures(old);
            old.commit();
        }
        copyTree(folder, side);
        new LuceneNewsIndex(side).close(); // the upgrade's committed rebuild, made on a copy
        // The crash: the old index renamed aside, the rebuild not yet in place; the service then creates an empty
        // index folder before opening it.
        java.nio.file.Files.move(folder, folder.resolveSibling(folder.getFileName() + ".old"));
        java.nio.file.Files.move(side, folder.resolveSibling(folder.getFileName() + ".rebuild"));
        java.nio.file.Files.createDirectories(folder);

        index = new LuceneNewsIndex(folder);

        assertEquals(5, index.articleCount());
        assertFalse(java.nio.file.Files.exists(folder.resolveSibling(folder.getFileName() + ".old")));
        assertFalse(java.nio.file.Files.exists(folder.resolveSibling(folder.getFileName() + ".rebuild")));
    }

    @Test
    void aCrashAfterTheFirstRenameWithoutARebuildRestoresTheOldIndex() throws Exception {
        index.close();
        emptyFolder();
        try (LuceneNewsIndex old = LuceneNewsIndex.withSchema(folder, 1)) {
            addFixtures(old);
            old.commit();
        }
        java.nio.file.Files.move(folder, folder.resolveSibling(folder.getFileName() + ".old"));

        index = new LuceneNewsIndex(folder);

        assertEquals(5, index.articleCount());
    }

    @Test
    void anIndexFromANewerBuildIsRefusedAndLeftUntouched() throws Exception {
        addFixtures(index);
        index.commit();
        index.close();
        long files = java.nio.file.Files.list(folder).count();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LuceneNewsIndex.withSchema(folder, 3));

        assertTrue(e.getMessage().contains("was written by a newer Barometer (schema " + LuceneNewsIndex.SCHEMA_VERSION
                + "; this build reads and writes schema 3)"), e.getMessage());
        assertEquals(files, java.nio.file.Files.list(folder).count());
        index = new LuceneNewsIndex(folder);
        assertEquals(5, index.articleCount());
    }

    /** Removes the empty current-schema index the set-up created, so that an old one can be written there. */
    private void emptyFolder() {
        try (var files = java.nio.file.Files.list(folder)) {
            for (Path f : files.toList()) {
                java.nio.file.Files.delete(f);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        java.nio.file.Files.createDirectories(to);
        try (var files = java.nio.file.Files.list(from)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("write.lock")) {
                    java.nio.file.Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
    }

    @Test
    void aRebuiltIndexKeepsThePhraseTonesOfItsSentences() {
        index.close();
        emptyFolder();
        index = LuceneNewsIndex.withSchema(folder, 1);
        addRivals(index);
        index.commit();
        index.close();

        index = new LuceneNewsIndex(folder);

        TrendPoint hale = trend("hale", ToneScope.MENTIONS, false, 1).points().get(0);
        assertEquals(3, hale.toneCount());
        assertEquals(8.0 / 3, hale.tone(), 1e-12);
    }

    private TrendSeries trendOfFreshIndex() {
        Path other = folder.resolveSibling(folder.getFileName() + "-fresh");
        try (LuceneNewsIndex fresh = new LuceneNewsIndex(other)) {
            addFixtures(fresh);
            return fresh.trend(new TrendQuery("secession", null, null, Interval.MONTH, ZoneOffset.UTC,
                    ToneScope.SENTENCES, true, 1, ToneScale.CLASS, ShareOf.ARTICLES));
        }
    }

    @Test
    void versionChangesWhenContentChanges() {
        long before = index.version();
        addFixtures(index);

        assertNotEquals(before, index.version());
        assertEquals(index.version(), index.version());
    }

    @Test
    void unparseableQueryIsRejectedWithAHint() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> index.search(SearchRequest.of("secession AND (", null, null, 1, 10)));

        assertTrue(e.getMessage().startsWith("cannot parse the query 'secession AND ('"), e.getMessage());
        assertTrue(e.hint().startsWith("use Lucene syntax"));
    }

    @Test
    void leadingWildcardIsRejected() {
        assertThrows(InvalidQueryException.class, () -> index.search(SearchRequest.of("*ession", null, null, 1, 10)));
    }

    @Test
    void wildcardsNeedThreeLettersBeforeTheStar() {
        addFixtures(index);

        assertEquals(4, index.search(SearchRequest.of("sec*", null, null, 1, 10)).total());
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> index.search(SearchRequest.of("se*", null, null, 1, 10)));
        assertTrue(e.getMessage().contains("the wildcard term 'se*' needs at least 3 letters"), e.getMessage());
        assertThrows(InvalidQueryException.class, () -> index.search(SearchRequest.of("s?cession", null, null, 1, 10)));
    }

    @Test
    void aHugeDayRangeIsRefusedBeforeAnyWork() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> index.trend(
                TrendQuery.of("x", LocalDate.of(1900, 1, 1), LocalDate.of(2020, 1, 1), Interval.DAY, ZoneOffset.UTC)));

        assertEquals("the series would have 43830 day buckets, more than 5000", e.getMessage());
    }

    @Test
    void searchHitsCarryTheBylineAndLanguage() {
        Article withByline = new Article("http://news.test/byline", "Byline story", "Ledger",
                Instant.parse("2017-05-01T10:00:00Z"), "A referendum on independence was debated.", "calexit",
                List.of("Ana Ruiz", "Tom Lee"), "en", "http://news.test/lead.jpg", Instant.parse("2017-05-02T08:00:00Z"));
        index.add(new AnalysedArticle(withByline, List.of(new TaggedSentence("A referendum on independence was debated.", 2))));
        index.commit();
        SearchHit hit = index.search(SearchRequest.of("referendum", null, null, 1, 10)).hits().get(0);
        assertEquals(List.of("Ana Ruiz", "Tom Lee"), hit.authors());
        assertEquals("en", hit.language());
    }

    @Test
    void exportSendsEveryMatchOnceAcrossPagesWithItsStoryAndToneAndTextOnlyWhenAsked() {
        // More than two export pages (1,000 each) of matches, and unrelated articles between them.
        for (int i = 0; i < 2_300; i++) {
            index.add(article("e" + i, i % 2 == 0 ? "Ledger" : "Courier", "2018-01-01T10:00:00Z",
                    (i % 3 == 0 ? "0:" : "3:") + "Referendum number " + i + " was discussed."));
            if (i % 100 == 0) {
                index.add(article("x" + i, "Ledger", "2018-01-01T10:00:00Z", "2:Nothing about votes."));
            }
        }
        index.commit();
        java.util.Set<String> urls = new java.util.HashSet<>();
        List<barometer.indexer.ExportedArticle> first = new ArrayList<>();
        long sent = index.exportArticles(SearchRequest.of("referendum", null, null, 1, 10), false, a -> {
            assertTrue(urls.add(a.url()), "twice: " + a.url());
            if (first.isEmpty()) {
                first.add(a);
            }
        });
        assertEquals(2_300, sent);
        assertEquals(2_300, urls.size());
        barometer.indexer.ExportedArticle e0 = first.get(0);
        assertEquals("http://news.test/e0", e0.url());
        assertEquals("Ledger", e0.source());
        assertEquals(0.0, e0.sentiment());
        assertEquals("negative", e0.tone());
        assertEquals(null, e0.text());
        assertEquals(e0.url(), e0.story());
        List<String> texts = new ArrayList<>();
        index.exportArticles(new SearchRequest("referendum", null, null, List.of("Courier"), List.of(), List.of(),
                null, null, 1, 10, null), true, a -> texts.add(a.text()));
        assertEquals(1_150, texts.size());
        assertEquals("Referendum number 1 was discussed.", texts.get(0));
    }
}
