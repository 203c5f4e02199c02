package barometer.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static barometer.indexer.NewsFixtures.article;

import barometer.crawler.Article;
import barometer.crawler.poll.Poll;
import barometer.crawler.poll.PollEvidence;
import barometer.crawler.poll.Population;
import barometer.indexer.sentiment.AnalysedArticle;
import barometer.indexer.sentiment.TaggedSentence;
import barometer.indexer.sentiment.ToneClass;
import barometer.indexer.trend.Interval;
import barometer.indexer.trend.TrendPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NewsIndex} backend must answer, run unchanged against each (the embedded Lucene index and an
 * OpenSearch cluster): the same small hand-tagged articles, the same exact values.
 */
public abstract class NewsIndexContract {
    private static final LocalDate JAN = LocalDate.of(2017, 1, 1);
    private static final LocalDate FEB = LocalDate.of(2017, 2, 1);
    private static final LocalDate MAR = LocalDate.of(2017, 3, 1);

    protected NewsIndex index;

    /** A new, empty index of the backend under test. */
    protected abstract NewsIndex open() throws Exception;

    /** Removes what {@link #open()} made; called before the index is closed. */
    protected void discard(NewsIndex opened) throws Exception {
    }

    private final List<NewsIndex> opened = new ArrayList<>();

    @BeforeEach
    void openIndex() throws Exception {
        index = another();
    }

    /** One more new, empty index of the backend, closed and discarded after the test. */
    protected NewsIndex another() throws Exception {
        NewsIndex i = open();
        opened.add(i);
        return i;
    }

    @AfterEach
    void closeIndex() throws Exception {
        for (NewsIndex i : opened) {
            try {
                discard(i);
            } finally {
                i.close();
            }
        }
    }

    private void addFixtures() {
        NewsFixtures.addFixtures(index);
        index.commit();
    }

    private void addRivals() {
        NewsFixtures.addRivals(index);
        index.commit();
    }

    private TrendSeries trend(String q, ToneScope scope, boolean bySource) {
        return index.trend(new TrendQuery(q, null, null, Interval.MONTH, ZoneOffset.UTC, scope, bySource, 1,
                ToneScale.CLASS, ShareOf.ARTICLES));
    }

    private static List<Object> counts(TrendPoint p) {
        return Arrays.asList(p.start(), p.articles(), p.stories(), p.allArticles(), p.share(), p.toneCount(),
                p.toneArticles(), p.tone(), p.untagged());
    }

    private static List<List<Object>> counts(TrendSeries s) {
        return s.points().stream().map(NewsIndexContract::counts).toList();
    }

    private static SearchRequest request(String q, List<String> sources, List<String> topics, ToneClass tone,
                                         LocalDate from, SearchSort sort, int size, String cursor) {
        return new SearchRequest(q, from, null, sources, topics, List.of(), tone, sort, 1, size, cursor);
    }

    // ---- search

    @Test
    void searchFindsStemmedWordsAndCountsFacetsOverEveryMatch() {
        addFixtures();

        SearchPage page = index.search(SearchRequest.of("secessions", null, null, 1, 10));

        assertEquals(4, page.total());
        assertEquals(4, page.stories());
        assertEquals(Set.of("http://news.test/a", "http://news.test/b", "http://news.test/c", "http://news.test/e"),
                Set.copyOf(page.hits().stream().map(SearchHit::url).toList()));
        assertEquals(Map.of("Ledger", 3L, "Courier", 1L), page.facets().get("source"));
        assertEquals(Map.of("2017", 3L), page.facets().get("year"), "the undated article has no year");
        assertEquals(Map.of("calexit", 3L, "texit", 1L), page.facets().get("topic"));
        assertEquals(Map.of(ToneClass.ofMean(2.0).label(), 2L, ToneClass.ofMean(2.0 / 3).label(), 1L,
                ToneClass.ofMean(3.0).label(), 1L), page.facets().get("tone"));
        SearchHit c = page.hits().stream().filter(h -> h.url().endsWith("/c")).findFirst().orElseThrow();
        assertTrue(c.snippet().contains("<mark>secession</mark>"), c.snippet());
        assertEquals("Title c", c.title());
        assertEquals("Ledger", c.source());
        assertEquals(Instant.parse("2017-03-02T10:00:00Z"), c.published());
        assertEquals(2.0 / 3, c.sentiment(), 1e-12);
        assertEquals(2.0 / 3, c.negativeShare(), 1e-12);
    }

    @Test
    void aHitWithoutAMatchingPassageShowsItsEscapedLead() {
        index.add(new AnalysedArticle(new Article("http://news.test/x", "Secession <now>", "Ledger",
                Instant.parse("2017-01-03T10:00:00Z"), "Rallies & marches went on."), List.of()));
        index.commit();

        SearchHit hit = index.search(SearchRequest.of("title:secession", null, null, 1, 10)).hits().get(0);

        assertEquals("Rallies &amp; marches went on.", hit.snippet());
    }

    @Test
    void dateOrderPagesWithACursorVisitEveryHitOnceNewestFirstAndUndatedLast() {
        addFixtures();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 10; i++) {
            SearchPage page = index.search(request("secession", List.of(), List.of(), null, null, SearchSort.DATE, 1, cursor));
            page.hits().forEach(h -> seen.add(h.url().substring("http://news.test/".length())));
            cursor = page.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        assertEquals(List.of("c", "b", "a", "e"), seen);
        SearchPage second = index.search(new SearchRequest("secession", null, null, List.of(), List.of(), List.of(), null,
                SearchSort.DATE, 2, 2, null));
        assertEquals(List.of("http://news.test/a", "http://news.test/e"), second.hits().stream().map(SearchHit::url).toList());
        assertEquals(null, second.nextCursor());
    }

    @Test
    void filtersNarrowBySourceTopicToneAndDay() {
        addFixtures();

        assertEquals(List.of("http://news.test/b"), urls(request("secession", List.of("Courier"), List.of(), null, null,
                SearchSort.DATE, 10, null)));
        assertEquals(List.of("http://news.test/b"), urls(request("", List.of(), List.of("texit"), null, null,
                SearchSort.DATE, 10, null)));
        assertEquals(List.of("http://news.test/d", "http://news.test/c"), urls(request("", List.of(), List.of(), null,
                LocalDate.of(2017, 3, 1), SearchSort.DATE, 10, null)));
        assertEquals(List.of("http://news.test/c"), urls(request("", List.of(), List.of(), ToneClass.ofMean(2.0 / 3), null,
                SearchSort.DATE, 10, null)));
        assertEquals(1, index.countArticles(request("secession", List.of("Courier"), List.of(), null, null,
                SearchSort.DATE, 10, null)));
    }

    private List<String> urls(SearchRequest r) {
        return index.search(r).hits().stream().map(SearchHit::url).toList();
    }

    @Test
    void unreadableQueriesAndCursorsAreRefusedAsTheUsersMistake() {
        addFixtures();

        assertThrows(InvalidQueryException.class, () -> index.search(SearchRequest.of("secession AND (", null, null, 1, 10)));
        assertThrows(InvalidQueryException.class, () -> index.search(request("secession", List.of(), List.of(), null, null,
                SearchSort.DATE, 10, "bm90")));
        assertThrows(InvalidQueryException.class, () -> index.trend(TrendQuery.of("a:(", null, null, null, null)));
    }

    // ---- trends

    @Test
    void monthlyTrendCountsArticlesSharesAndSentenceTone() {
        addFixtures();

        assertEquals(List.of(
                Arrays.asList(JAN, 2L, 2L, 2L, 1.0, 2L, 2L, 1.5, 0L),
                Arrays.asList(FEB, 0L, 0L, 0L, null, 0L, 0L, null, 0L),
                Arrays.asList(MAR, 1L, 1L, 2L, 0.5, 1L, 1L, 0.0, 0L)), counts(trend("secession", ToneScope.SENTENCES, false)));
    }

    @Test
    void articleScopedToneIsTheMeanOfTheArticlesOwnTone() {
        addFixtures();

        List<TrendPoint> points = trend("secession", ToneScope.ARTICLES, false).points();

        assertEquals(2.0, points.get(0).tone(), 1e-12);
        assertEquals(2.0 / 3, points.get(2).tone(), 1e-12);
        TrendSeries net = index.trend(new TrendQuery("secession", null, null, Interval.MONTH, ZoneOffset.UTC,
                ToneScope.ARTICLES, false, 1, ToneScale.NET, ShareOf.ARTICLES));
        assertEquals((2.0 / 3 - 2) / 2, net.points().get(2).tone(), 1e-12);
    }

    @Test
    void perSourceSeriesSplitCountsSharesAndTone() {
        addFixtures();

        Map<String, List<TrendPoint>> bySource = trend("secession", ToneScope.SENTENCES, true).bySource();

        assertEquals(Set.of("Ledger", "Courier"), bySource.keySet());
        assertEquals(List.of(Arrays.asList(JAN, 1L, 1L, 1L, 1.0, 1L, 1L, 1.0, 0L),
                Arrays.asList(FEB, 0L, 0L, 0L, null, 0L, 0L, null, 0L),
                Arrays.asList(MAR, 1L, 1L, 1L, 1.0, 1L, 1L, 0.0, 0L)),
                bySource.get("Ledger").stream().map(NewsIndexContract::counts).toList());
        assertEquals(List.of(Arrays.asList(JAN, 1L, 1L, 1L, 1.0, 1L, 1L, 2.0, 0L),
                Arrays.asList(FEB, 0L, 0L, 0L, null, 0L, 0L, null, 0L),
                Arrays.asList(MAR, 0L, 0L, 1L, 0.0, 0L, 0L, null, 0L)),
                bySource.get("Courier").stream().map(NewsIndexContract::counts).toList());
    }

    @Test
    void dailyBucketsFollowTheRequestedTimeZone() {
        index.add(article("late", "Ledger", "2017-01-03T06:00:00Z", "2:Secession talk at dawn."));
        index.commit();
        ZoneId la = ZoneId.of("America/Los_Angeles");

        TrendSeries s = index.trend(new TrendQuery("secession", LocalDate.of(2017, 1, 2), LocalDate.of(2017, 1, 3),
                Interval.DAY, la, ToneScope.SENTENCES, false, 1, ToneScale.CLASS, ShareOf.ARTICLES));

        assertEquals(List.of(LocalDate.of(2017, 1, 2), LocalDate.of(2017, 1, 3)),
                s.points().stream().map(TrendPoint::start).toList());
        assertEquals(List.of(1L, 0L), s.points().stream().map(TrendPoint::articles).toList(),
                "06:00 UTC is the evening before in Los Angeles");
    }

    @Test
    void toneIntervalTreatsEachArticleAsOneDraw() {
        for (int i = 0; i < 12; i++) {
            index.add(article("m" + i, "Ledger", String.format("2017-01-%02dT10:00:00Z", i + 1),
                    "0:Secession fails.", (i % 2 == 0 ? 4 : 0) + ":Secession wins.", "4:Secession again."));
        }
        index.commit();

        TrendPoint p = trend("secession", ToneScope.SENTENCES, false).points().get(0);

        assertEquals(36, p.toneCount());
        assertEquals(12, p.toneArticles());
        assertEquals(2.0, p.tone(), 1e-12);
        assertFalse(p.toneTooFew());
        assertEquals(referenceLow(), p.toneLow(), 1e-9, "the clustered interval, as the embedded index computes it");
    }

    /** The interval of {@link #toneIntervalTreatsEachArticleAsOneDraw} from the backend-neutral assembly alone. */
    private static double referenceLow() {
        barometer.indexer.trend.TrendAccumulator acc = new barometer.indexer.trend.TrendAccumulator(Interval.MONTH,
                ZoneOffset.UTC, false);
        long t = Instant.parse("2017-01-01T10:00:00Z").toEpochMilli();
        for (int i = 0; i < 12; i++) {
            for (double v : new double[] {0, i % 2 == 0 ? 4 : 0, 4}) {
                acc.add(t, v, null, barometer.indexer.trend.TrendAccumulator.NONE, i);
            }
        }
        TrendQuery q = new TrendQuery("secession", null, null, Interval.MONTH, ZoneOffset.UTC, ToneScope.SENTENCES,
                false, 1, ToneScale.CLASS, ShareOf.ARTICLES);
        var series = barometer.indexer.trend.TrendAssembly.series(q, acc.series(), acc.series(), acc.series());
        return series.points().get(0).toneLow();
    }

    @Test
    void mentionToneIsTheToneTowardTheQueryWordsWhereTheyStand() {
        addRivals();

        TrendPoint hale = trend("hale", ToneScope.MENTIONS, false).points().get(0);
        TrendPoint marsh = trend("marsh", ToneScope.MENTIONS, false).points().get(0);
        TrendPoint phrase = trend("\"ann hale\"", ToneScope.MENTIONS, false).points().get(0);
        TrendPoint excluding = trend("hale -marsh", ToneScope.MENTIONS, false).points().get(0);
        TrendPoint either = trend("marsh OR attack*", ToneScope.MENTIONS, false).points().get(0);

        assertEquals(3, hale.toneCount());
        assertEquals(8.0 / 3, hale.tone(), 1e-12);
        assertEquals(2, hale.toneArticles());
        assertEquals(1, marsh.toneCount());
        assertEquals(0.0, marsh.tone());
        assertEquals(2, phrase.toneCount(), "two phrases, two words each");
        assertEquals(2.0, phrase.tone());
        assertEquals(2, excluding.toneCount(), "the sentence that names Marsh is left out");
        assertEquals(2, either.toneCount());
        assertEquals(0.0, either.tone());
        assertEquals(2.0, trend("marsh", ToneScope.SENTENCES, false).points().get(0).tone());
    }

    @Test
    void sentenceEvidenceComesOldestFirstWithItsTitleAndTheToneTowardTheQueryWords() {
        addRivals();

        List<SentenceHit> hits = index.sentences("hale", null, null, ZoneOffset.UTC, 10);

        assertEquals(List.of("http://news.test/r1", "http://news.test/r2"), hits.stream().map(SentenceHit::url).toList());
        assertEquals("Rivals", hits.get(0).title());
        assertEquals(List.of(ToneClass.POSITIVE), hits.get(0).mentionTones());
        assertEquals(List.of(ToneClass.NEUTRAL, ToneClass.NEUTRAL), hits.get(1).mentionTones());
        assertEquals(1, hits.get(1).sentiment());
        List<SentenceHit> exported = new ArrayList<>();
        assertEquals(2, index.exportSentences("hale", null, null, ZoneOffset.UTC, exported::add));
        assertEquals(Set.copyOf(hits), Set.copyOf(exported));
    }

    // ---- stories, queue, replacement

    @Test
    void nearDuplicatesShareAStoryAndStoriesCountOnce() {
        String text = "The governor signed the water bill on Tuesday after weeks of debate in the state senate, "
                + "where members argued over rural allocations, urban conservation targets, and the cost of new "
                + "reservoirs that engineers said would take a decade to build and fill completely.";
        index.add(new AnalysedArticle(new Article("http://wire.test/1", "Water bill", "Ledger",
                Instant.parse("2017-01-03T10:00:00Z"), text), List.of(new TaggedSentence(text, 2))));
        index.commit();
        index.add(new AnalysedArticle(new Article("http://wire.test/2", "Water bill signed", "Courier",
                Instant.parse("2017-01-04T10:00:00Z"), text + " Updated."), List.of(new TaggedSentence(text, 2))));
        index.commit();

        SearchPage page = index.search(SearchRequest.of("governor", null, null, 1, 10));
        List<ExportedArticle> exported = new ArrayList<>();
        index.exportArticles(SearchRequest.of("governor", null, null, 1, 10), true, exported::add);

        assertEquals(2, page.total());
        assertEquals(1, page.stories());
        assertEquals(Set.of("http://wire.test/1"), Set.copyOf(exported.stream().map(ExportedArticle::story).toList()));
        assertEquals(Set.of(text, text + " Updated."), Set.copyOf(exported.stream().map(ExportedArticle::text).toList()));
        assertEquals(1, trend("governor", ToneScope.SENTENCES, false).points().get(0).stories());
    }

    @Test
    void anArticleStoredBeforeItsTaggingIsSearchableCountedAndQueued() {
        Article a = new Article("http://news.test/p", "Pending secession", "Ledger",
                Instant.parse("2017-01-03T10:00:00Z"), "Secession is pending.");
        index.add(AnalysedArticle.untagged(a));
        index.commit();

        assertEquals(1, index.untaggedCount());
        assertEquals(List.of("http://news.test/p"), index.untagged(10, Set.of(), TaggingShare.ALL).stream().map(Article::url).toList());
        assertEquals(List.of(), index.untagged(10, Set.of("http://news.test/p"), TaggingShare.ALL));
        assertEquals(1, index.search(SearchRequest.of("secession", null, null, 1, 10)).total());
        assertEquals(1, trend("secession", ToneScope.ARTICLES, false).points().get(0).untagged());
        assertTrue(index.sentencesOf(ContentHash.of(a.text())).isEmpty());

        index.add(new AnalysedArticle(a, List.of(new TaggedSentence("Secession is pending.", 3))));
        index.commit();

        assertEquals(0, index.untaggedCount());
        assertEquals(List.of(new TaggedSentence("Secession is pending.", 3)),
                index.sentencesOf(ContentHash.of(a.text())).orElseThrow());
        assertEquals(0, trend("secession", ToneScope.ARTICLES, false).points().get(0).untagged());
    }

    @Test
    void workersSharingTheQueueEachGetTheirOwnPartOfIt() {
        for (int i = 0; i < 8; i++) {
            index.add(AnalysedArticle.untagged(new Article("http://news.test/q" + i, "Pending " + i, "Ledger",
                    Instant.parse("2017-01-03T10:00:00Z"), "Secession is pending in part " + i + ".")));
        }
        index.commit();

        // Slots (first 12 bits of the URL's SHA-256): q0 3562, q1 3182, q2 534, q3 503, q4 156, q5 2934, q6 2164,
        // q7 2610.
        assertEquals(Set.of("http://news.test/q2", "http://news.test/q3", "http://news.test/q4"),
                pendingUrls(new TaggingShare(0, 2)));
        assertEquals(Set.of("http://news.test/q0", "http://news.test/q1", "http://news.test/q5", "http://news.test/q6",
                "http://news.test/q7"), pendingUrls(new TaggingShare(1, 2)));
        assertEquals(Set.of("http://news.test/q0", "http://news.test/q1", "http://news.test/q5"),
                pendingUrls(new TaggingShare(2, 3)), "slots 2730 to 4095");
        assertEquals(8, pendingUrls(TaggingShare.ALL).size());
        assertEquals(2, index.untagged(2, Set.of(), new TaggingShare(1, 2)).size());
        assertEquals(Set.of("http://news.test/q2"), Set.copyOf(index.untagged(10,
                Set.of("http://news.test/q3", "http://news.test/q4"), new TaggingShare(0, 2)).stream()
                .map(Article::url).toList()));
    }

    private Set<String> pendingUrls(TaggingShare share) {
        return Set.copyOf(index.untagged(100, Set.of(), share).stream().map(Article::url).toList());
    }

    @Test
    void aSentenceTooLongToTagIsStoredUntaggedBesideTheTaggedOnes() {
        addFixtures();
        index.add(article("long", "Ledger", "2017-03-20T10:00:00Z", "-1:Secession, in a sentence too long to parse.",
                "4:Secession was cheered."));
        index.commit();

        assertTrue(index.contains("http://news.test/long"));
        assertEquals(List.of(TaggedSentence.UNTAGGED, 4), index.sentencesOf(ContentHash.of(
                "Secession, in a sentence too long to parse. Secession was cheered.")).orElseThrow().stream()
                .map(TaggedSentence::sentiment).toList());
        assertEquals(Map.of("Secession was cheered.", 4, "Secession, in a sentence too long to parse.",
                TaggedSentence.UNTAGGED), index.sentences("secession", LocalDate.of(2017, 3, 20),
                LocalDate.of(2017, 3, 20), ZoneOffset.UTC, 10).stream()
                .collect(java.util.stream.Collectors.toMap(SentenceHit::text, SentenceHit::sentiment)));
        // March: articles c and "long" name secession; the tone is c's sentence (0) and the tagged one here (4).
        TrendPoint march = trend("secession", ToneScope.SENTENCES, false).points().get(2);
        assertEquals(List.of(2L, 2L, 2.0), List.of(march.articles(), march.toneCount(), march.tone()));
    }

    @Test
    void reAddingAnArticleReplacesItAndAllItsSentences() {
        index.add(article("r", "Ledger", "2017-01-03T10:00:00Z", "1:Secession one.", "2:Secession two.",
                "3:Secession three."));
        index.commit();
        index.add(article("r", "Ledger", "2017-01-03T10:00:00Z", "4:Secession only."));

        assertTrue(index.contains("http://news.test/r"));
        assertFalse(index.contains("http://news.test/none"));
        assertEquals(1, index.articleCount());
        assertEquals(List.of("Secession only."),
                index.sentences("secession", null, null, ZoneOffset.UTC, 10).stream().map(SentenceHit::text).toList());
        assertEquals(List.of("Secession only."), index.sentenceTexts("secession", 10));
    }

    @Test
    void everyChangeMovesTheVersion() {
        addFixtures();
        long before = index.version();
        assertEquals(before, index.version());

        index.add(article("f", "Courier", "2017-03-20T10:00:00Z", "2:Nothing to see."));
        index.commit();

        assertNotEquals(before, index.version());
        assertEquals(6, index.articleCount());
    }

    @Test
    void articlesPerDayCountEachOutletsDatedArticles() {
        addFixtures();

        assertEquals(Map.of("Ledger", Map.of(LocalDate.of(2017, 1, 3), 1L, LocalDate.of(2017, 3, 2), 1L),
                        "Courier", Map.of(LocalDate.of(2017, 1, 20), 1L, LocalDate.of(2017, 3, 9), 1L)),
                index.articlesPerDay(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31)));
    }

    @Test
    void anExportedIndexRestoredElsewhereAnswersAlike() throws Exception {
        addFixtures();
        addRivals();
        index.add(AnalysedArticle.untagged(new Article("http://news.test/p", "Pending", "Ledger",
                Instant.parse("2017-01-03T10:00:00Z"), "Secession is pending.")));
        index.addPolls(List.of(poll("http://a.test/1", Map.of("support", 32.0), "")));
        index.commit();

        NewsIndex copy = another();
        List<StoredArticle> stored = new ArrayList<>();
        assertEquals(8, index.exportStored(stored::add));
        stored.forEach(copy::restore);
        copy.addPolls(index.polls(PollFilter.ALL));
        copy.commit();

        List<StoredArticle> again = new ArrayList<>();
        copy.exportStored(again::add);
        assertEquals(Set.copyOf(stored), Set.copyOf(again));
        assertEquals(1, copy.untaggedCount());
        SearchPage original = index.search(SearchRequest.of("secession", null, null, 1, 10));
        SearchPage copied = copy.search(SearchRequest.of("secession", null, null, 1, 10));
        assertEquals(original.total(), copied.total());
        assertEquals(original.facets(), copied.facets());
        for (ToneScope scope : ToneScope.values()) {
            TrendQuery q = new TrendQuery("hale OR secession", null, null, Interval.MONTH, ZoneOffset.UTC, scope, true, 1,
                    ToneScale.CLASS, ShareOf.STORIES);
            TrendSeries a = index.trend(q), b = copy.trend(q);
            assertEquals(counts(a), counts(b), scope.name());
            assertEquals(a.bySource().keySet(), b.bySource().keySet());
        }
        assertEquals(index.polls(PollFilter.ALL), copy.polls(PollFilter.ALL));
    }

    // ---- polls

    private static Poll poll(String source, Map<String, Double> answers, String externalId) {
        return new Poll("Ipsos", List.of("Reuters"), LocalDate.of(2017, 1, 12), LocalDate.of(2017, 1, 24), null,
                1000, Population.ADULTS, null, 3.0, "California", "calexit", null, answers, List.of(source),
                List.of(new PollEvidence("answers.support", "32.0", "32% support", source, 1.0)), true, false, externalId);
    }

    @Test
    void pollsAreStoredOnceAndReportsOfOnePollMerge() {
        Poll first = poll("http://a.test/1", Map.of("support", 32.0), "");

        assertEquals(new PollsAdded(1, 0, 0), index.addPolls(List.of(first)));
        assertEquals(new PollsAdded(0, 0, 1), index.addPolls(List.of(first)));
        assertEquals(new PollsAdded(0, 1, 0), index.addPolls(List.of(poll("http://b.test/2", Map.of("support", 32.0), ""))));
        index.commit();

        List<Poll> stored = index.polls(PollFilter.ALL);
        assertEquals(1, stored.size());
        assertEquals(Set.of("http://a.test/1", "http://b.test/2"), Set.copyOf(stored.get(0).sources()));
        assertEquals(32.0, stored.get(0).share("support"));
    }
}
