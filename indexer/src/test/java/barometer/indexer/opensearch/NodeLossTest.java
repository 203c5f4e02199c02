package barometer.indexer.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.crawler.Article;
import barometer.indexer.SearchRequest;
import barometer.indexer.ShareOf;
import barometer.indexer.ToneScale;
import barometer.indexer.ToneScope;
import barometer.indexer.TrendQuery;
import barometer.indexer.sentiment.AnalysedArticle;
import barometer.indexer.sentiment.TaggedSentence;
import barometer.indexer.trend.Interval;
import barometer.indexer.trend.TrendPoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node of a three-node cluster stops in the middle of an import: with one replica of each shard, no article is
 * lost, writes and queries go on through the other nodes, and the cluster reports yellow, then green once the
 * missing copies are rebuilt on the two left. A cluster of its own, so the shared one stays whole.
 */
class NodeLossTest {
    private static LocalClusterProcess cluster;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalClusterProcess.start(3);
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    private static AnalysedArticle article(int i) {
        String text = "Secession report number " + i + " from the capital.";
        return new AnalysedArticle(new Article("http://loss.test/" + i, "Report " + i, i % 2 == 0 ? "Ledger" : "Courier",
                Instant.parse("2017-01-01T10:00:00Z").plusSeconds(86_400L * (i % 28)), text),
                List.of(new TaggedSentence(text, i % 5)));
    }

    private static String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cluster.hosts().get(2) + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aStoppedNodeLosesNoArticleAndQueriesKeepAnswering() throws Exception {
        try (OpenSearchNewsIndex index = new OpenSearchNewsIndex(ClusterSettings.of(cluster.hosts(), "loss"))) {
            // Missing copies are rebuilt 1 s after a node leaves (the default waits a minute for it to come back).
            HTTP.send(HttpRequest.newBuilder(URI.create(cluster.hosts().get(2) + "/loss-*/_settings"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"index.unassigned.node_left.delayed_timeout\": \"1s\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            for (int i = 0; i < 300; i++) {
                index.add(article(i));
            }
            index.commit();
            assertTrue(get("/_cluster/health?wait_for_status=green&timeout=60s").contains("\"status\":\"green\""));

            cluster.stopNode(1);
            for (int i = 300; i < 600; i++) {
                index.add(article(i));
            }
            index.commit();

            assertEquals(600, index.articleCount());
            assertEquals(600, index.search(SearchRequest.of("secession", null, null, 1, 10)).total());
            TrendPoint january = index.trend(new TrendQuery("capital", null, null, Interval.MONTH, ZoneOffset.UTC,
                    ToneScope.SENTENCES, false, 1, ToneScale.CLASS, ShareOf.ARTICLES)).points().get(0);
            assertEquals(600, january.articles());
            assertEquals(600, january.toneCount());
            assertEquals(2.0, january.tone(), 1e-12, "labels 0..4 in equal numbers");
            String health = index.health().health();
            assertTrue(health.equals("yellow") || health.equals("green"), health);
            assertEquals(2, index.health().nodes().size());
            assertTrue(get("/_cluster/health?wait_for_status=green&timeout=60s").contains("\"status\":\"green\""),
                    "the two nodes left hold both copies of every shard again");
        }
    }
}
