package barometer.api.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.crawler.CrawlReport;
import barometer.crawler.FeedSource;
import barometer.indexer.SearchPage;
import barometer.indexer.SearchRequest;
import barometer.indexer.store.LuceneNewsIndex;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl killed with SIGKILL halfway through loses nothing it stored and, resumed, stores nothing twice:
 * the real crawler and ingest run in a child JVM against the demo site on a loopback server whose feeds send
 * validators; the test kills it the moment the first feed's validators are on disk (the moment a crawler that
 * saved them before its articles were stored would lose that feed's queued articles for good: the next crawl gets
 * a 304), then crawls again in this JVM.
 */
class KillAndResumeTest {
    private static final String[] FEEDS = {"/demo/pacific-ledger/feed.xml", "/demo/golden-state-courier/atom.xml",
        "/demo/valley-sentinel/feed.xml", "/demo/coastline-dispatch/atom.xml"};

    @TempDir
    Path data;

    @Test
    void aCrawlKilledHalfwayResumesWithoutLossOrDuplicates() throws Exception {
        try (DemoSiteServer site = new DemoSiteServer()) {
            List<String> feeds = new ArrayList<>();
            for (String f : FEEDS) {
                feeds.add(site.url(f));
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-cp", System.getProperty("java.class.path"), CrawlOnce.class.getName(),
                    data.toString()));
            command.addAll(feeds);
            Process child = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(data.resolve("child.log").toFile()).start();
            long committed = waitForSavedValidators(child);
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertTrue(committed >= 1 && committed < 60, "killed halfway, after " + committed + " commits");
            long survived = committedArticles();
            assertTrue(survived >= committed, "what was committed survives the kill: " + survived);

            CrawlReport resumed = CrawlOnce.crawl(data, feeds.stream()
                    .map(u -> new FeedSource(URI.create(u), "secession")).toList());

            System.out.printf("kill -9 when the first feed's validators were saved, after %d committed articles; %d "
                    + "survived; the resumed crawl: %d feeds unchanged (304), stored %d, skipped %d already stored%n",
                    committed, survived, resumed.feedsUnchanged(), resumed.articles(), resumed.pagesSkipped());
            assertTrue(resumed.feedsUnchanged() >= 1, "the saved validators were used: " + resumed);
            assertEquals(resumed.feedsUnchanged(), site.feedsUnchanged.get());
            assertEquals(60 - survived, resumed.articles(), "only the missing articles are fetched again");
            try (LuceneNewsIndex index = new LuceneNewsIndex(data.resolve("index"))) {
                SearchPage all = index.search(SearchRequest.of("", null, null, 1, 100));
                assertEquals(60, all.total());
                Set<String> urls = new HashSet<>();
                all.hits().forEach(h -> urls.add(h.url()));
                assertEquals(60, urls.size(), "no article stored twice");
            }
        }
    }

    /** Waits until the child has written a feed's validators; returns the articles committed by then. */
    private long waitForSavedValidators(Process child) throws Exception {
        Path state = data.resolve("crawl/feeds.properties");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the child crawl ended before it could be killed: "
                        + java.nio.file.Files.readString(data.resolve("child.log")));
            }
            if (java.nio.file.Files.exists(state) && java.nio.file.Files.readString(state).contains(".etag=")) {
                return committedArticles();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no feed validators saved within 4 minutes");
    }

    private long committedArticles() throws Exception {
        File index = data.resolve("index").toFile();
        try (org.apache.lucene.store.FSDirectory dir = org.apache.lucene.store.FSDirectory.open(index.toPath())) {
            if (!org.apache.lucene.index.DirectoryReader.indexExists(dir)) {
                return 0;
            }
            try (org.apache.lucene.index.DirectoryReader r = org.apache.lucene.index.DirectoryReader.open(dir)) {
                return new org.apache.lucene.search.IndexSearcher(r).count(
                        new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("kind", "article")));
            }
        }
    }
}
