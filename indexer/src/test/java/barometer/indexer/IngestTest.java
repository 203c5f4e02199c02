package barometer.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import barometer.crawler.Article;
import barometer.indexer.sentiment.Parser;
import barometer.indexer.sentiment.ToneModel;
import barometer.indexer.sentiment.SentimentTagger;
import barometer.indexer.store.LuceneNewsIndex;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CoreNLP models and a real Lucene index in a temporary folder. */
class IngestTest {
    private static SentimentTagger tagger;

    @BeforeAll
    static void loadModels() {
        tagger = new SentimentTagger(60, 1, 2, Parser.PCFG, ToneModel.bundled());
    }

    private static Article article(String url, String text) {
        return new Article(url, "t", "s", Instant.parse("2017-01-01T00:00:00Z"), text);
    }

    @Test
    void theSameTextUnderTwoUrlsIsTaggedOnceAndStoredTwice(@TempDir Path folder) {
        String text = "The campaign was a wonderful success. Critics called it a disaster.";
        try (LuceneNewsIndex index = new LuceneNewsIndex(folder); Ingest ingest = new Ingest(tagger, index, 2)) {
            ingest.submit(article("http://a.test/1", text));
            ingest.awaitIdle();
            ingest.submit(article("http://b.test/copy", text));
            ingest.awaitIdle();

            IngestStats stats = ingest.stats();
            assertEquals(2, stats.articlesStored());
            assertEquals(2, stats.sentencesTagged());
            assertEquals(2, stats.sentencesReused());
            assertEquals(2, index.articleCount());
            assertEquals(index.sentencesOf(ContentHash.of(text)).orElseThrow(),
                    tagger.tag(text), "the copy carries the same labels as a fresh tagging");
        }
    }

    @Test
    void storedArticlesCompleteOnlyWhenTheirGroupIsCommitted(@TempDir Path folder) throws Exception {
        String text = "The vote was close.";
        try (LuceneNewsIndex index = new LuceneNewsIndex(folder);
             Ingest ingest = new Ingest(tagger, index, 1, new CommitPolicy(3, java.time.Duration.ofHours(1)))) {
            var first = ingest.submit(article("http://a.test/1", text));
            var second = ingest.submit(article("http://a.test/2", text));
            Thread.sleep(1500);
            assertEquals(false, first.isDone() || second.isDone(), "two of three: stored, not yet durable");
            assertEquals(0, ingest.commits());
            var third = ingest.submit(article("http://a.test/3", text));
            third.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(true, first.isDone() && second.isDone());
            assertEquals(1, ingest.commits(), "one commit for the three");
            assertEquals(3, ingest.stats().articlesStored());
        }
        try (LuceneNewsIndex index = new LuceneNewsIndex(folder);
             Ingest ingest = new Ingest(tagger, index, 1, new CommitPolicy(100, java.time.Duration.ofMillis(200)))) {
            ingest.submit(article("http://a.test/4", text)).get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(1, ingest.commits(), "the wait ran out before the group filled");
            assertEquals(4, index.articleCount());
        }
    }

    @Test
    void aQueuedArticleIsSearchableAtOnceAndTaggedInTheBackground(@TempDir Path folder) throws Exception {
        String text = "The campaign was a wonderful success. Critics called it a disaster.";
        try (LuceneNewsIndex index = new LuceneNewsIndex(folder);
             Ingest ingest = new Ingest(tagger, index, 1, CommitPolicy.DEFAULT, Tagging.QUEUED)) {
            ingest.submit(article("http://a.test/q", text)).get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(1, index.articleCount(), "searchable and counted once stored");
            assertEquals(true, ingest.awaitTagged(java.time.Duration.ofMinutes(2)));
            assertEquals(0, index.untaggedCount());
            assertEquals(tagger.tag(text), index.sentencesOf(ContentHash.of(text)).orElseThrow());
            assertEquals(1, ingest.queue().tagged());
        }
    }

    @Test
    void articlesLeftUntaggedByAStopAreTaggedAfterTheRestart(@TempDir Path folder) throws Exception {
        String text = "Voters were hopeful about the new bridge.";
        try (LuceneNewsIndex index = new LuceneNewsIndex(folder)) {
            index.add(barometer.indexer.sentiment.AnalysedArticle.untagged(article("http://a.test/left", text)));
            index.commit();
            assertEquals(1, index.untaggedCount());
            barometer.indexer.trend.TrendPoint year = index.trend(TrendQuery.of("bridge", null, null,
                    barometer.indexer.trend.Interval.YEAR, java.time.ZoneOffset.UTC)).points().get(0);
            assertEquals(1, year.articles());
            assertEquals(1, year.untagged(), "counted, its tone not in yet");
            assertEquals(null, year.tone());
        }
        try (LuceneNewsIndex index = new LuceneNewsIndex(folder);
             Ingest ingest = new Ingest(tagger, index, 1, CommitPolicy.DEFAULT, Tagging.QUEUED)) {
            assertEquals(true, ingest.awaitTagged(java.time.Duration.ofMinutes(2)));
            barometer.indexer.trend.TrendPoint year = index.trend(TrendQuery.of("bridge", null, null,
                    barometer.indexer.trend.Interval.YEAR, java.time.ZoneOffset.UTC)).points().get(0);
            assertEquals(0, year.untagged());
            assertEquals(1, year.toneCount());
        }
    }

    @Test
    void aWorkerTagsOnlyItsPartOfTheQueueUntilItsPartGrows(@TempDir Path folder) throws Exception {
        try (LuceneNewsIndex index = new LuceneNewsIndex(folder)) {
            for (int i = 0; i < 8; i++) {
                index.add(barometer.indexer.sentiment.AnalysedArticle.untagged(article("http://news.test/q" + i,
                        "Voters in district " + i + " were hopeful.")));
            }
            index.commit();
        }
        var share = new java.util.concurrent.atomic.AtomicReference<>(new TaggingShare(0, 2));
        try (LuceneNewsIndex index = new LuceneNewsIndex(folder);
             Ingest ingest = new Ingest(tagger, index, 1, CommitPolicy.DEFAULT, Tagging.QUEUED, true, share::get)) {
            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
            while (index.untaggedCount() > 5 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1500); // a worker that overstepped its part would have gone on meanwhile
            // Part 1 of 2 holds slots 0 to 2047: q2 (534), q3 (503), q4 (156); the other five are another worker's.
            assertEquals(java.util.Set.of("http://news.test/q0", "http://news.test/q1", "http://news.test/q5",
                    "http://news.test/q6", "http://news.test/q7"), java.util.Set.copyOf(index.untagged(10,
                    java.util.Set.of(), TaggingShare.ALL).stream().map(Article::url).toList()));
            assertEquals(3, ingest.queue().tagged());

            share.set(TaggingShare.ALL); // the other worker's heartbeat ran out
            assertEquals(true, ingest.awaitTagged(java.time.Duration.ofMinutes(2)));
            assertEquals(8, ingest.queue().tagged());
        }
    }

    /** The real index, refusing to store the tagged version of one article (as a full disk or a bad record would). */
    private static NewsIndex refusingTagged(NewsIndex real, String url) {
        return (NewsIndex) java.lang.reflect.Proxy.newProxyInstance(NewsIndex.class.getClassLoader(),
                new Class<?>[] {NewsIndex.class}, (proxy, method, args) -> {
                    if (method.getName().equals("add") && args[0] instanceof barometer.indexer.sentiment.AnalysedArticle a
                            && a.article().url().equals(url) && !a.pending()) {
                        throw new IllegalArgumentException("refused " + url);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void anArticleThatCannotBeStoredTaggedIsTriedThreeTimesThenPassedOverAndTheRestAreTagged(@TempDir Path folder)
            throws Exception {
        try (LuceneNewsIndex real = new LuceneNewsIndex(folder)) {
            NewsIndex index = refusingTagged(real, "http://a.test/bad");
            try (Ingest ingest = new Ingest(tagger, index, 1, CommitPolicy.DEFAULT, Tagging.QUEUED)) {
                ingest.submit(article("http://a.test/bad", "The bridge was a disaster."));
                ingest.submit(article("http://a.test/good", "The bridge was a success."))
                        .get(30, java.util.concurrent.TimeUnit.SECONDS);

                assertEquals(true, ingest.awaitTagged(java.time.Duration.ofMinutes(2)));
                Thread.sleep(1500); // a worker still retrying would fail again meanwhile
                assertEquals(Ingest.TAG_ATTEMPTS, ingest.stats().articlesFailed());
                Ingest.TaggingQueue queue = ingest.queue();
                assertEquals(java.util.List.of(1L, 1L, 1L), java.util.List.of(queue.waiting(), queue.tagged(),
                        queue.givenUp()), "waiting, tagged, given up");
                assertEquals(java.util.List.of("http://a.test/bad"), real.untagged(10, java.util.Set.of(),
                        TaggingShare.ALL).stream().map(Article::url).toList(), "still stored, untagged");
                assertEquals(2, real.articleCount());
            }
        }
    }

    @Test
    void sentencesOverTheCapAreCountedNotDropped(@TempDir Path folder) {
        String text = "Short and sweet. The committee " + "and the council ".repeat(40) + "met.";
        try (LuceneNewsIndex index = new LuceneNewsIndex(folder); Ingest ingest = new Ingest(tagger, index, 1)) {
            ingest.submit(article("http://a.test/long", text));
            ingest.awaitIdle();

            assertEquals(1, ingest.stats().sentencesOverCap());
            assertEquals(2, index.sentencesOf(ContentHash.of(text)).orElseThrow().size());
        }
    }

    @Test
    void everyStoredArticleIsCommittedBeforeItIsCounted(@TempDir Path folder) throws Exception {
        try (LuceneNewsIndex index = new LuceneNewsIndex(folder); Ingest ingest = new Ingest(tagger, index, 2)) {
            for (int i = 0; i < 12; i++) {
                ingest.submit(article("http://a.test/" + i, "Story number " + i + " is good news for voters."));
            }
            ingest.awaitIdle();

            assertEquals(12, ingest.stats().articlesStored());
            // A plain reader sees only what is committed (what a kill -9 would leave), while the index is open.
            try (FSDirectory dir = FSDirectory.open(folder); DirectoryReader committed = DirectoryReader.open(dir)) {
                assertEquals(12, new IndexSearcher(committed).count(new TermQuery(new Term("kind", "article"))));
            }
        }
    }
}
