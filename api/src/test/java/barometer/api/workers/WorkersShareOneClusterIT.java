package barometer.api.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.indexer.opensearch.LocalClusterProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several Barometer processes on one real three-node cluster, as a deployment past one machine runs them: two workers
 * (crawl and tag) and one api process (serves), each the packaged service in a JVM of its own, reading the demo site
 * from one loopback address.
 */
class WorkersShareOneClusterIT {
    /** Articles the demo site's four feeds list (as {@code DemoCorpusEndToEndTest} counts them). */
    private static final int DEMO_ARTICLES = 60;
    private static final List<String> FEEDS = List.of("pacific-ledger/feed.xml", "golden-state-courier/atom.xml",
            "valley-sentinel/feed.xml", "coastline-dispatch/atom.xml");
    private static final Duration LEASE = Duration.ofSeconds(20);
    private static final Duration TICK = Duration.ofSeconds(2);

    private final List<AutoCloseable> running = new ArrayList<>();

    @TempDir
    Path data;

    @Test
    void twoWorkersStoreAndTagEveryArticleOnceAndTheSurvivorTakesOverTheKilledOnesSources() throws Exception {
        LocalClusterProcess cluster = LocalClusterProcess.start(3);
        running.add(cluster);
        DemoSite site = DemoSite.serve(Path.of("src", "main", "resources", "META-INF", "resources", "demo"));
        running.add(site);
        String prefix = "it-workers-" + System.nanoTime();
        String feeds = FEEDS.stream().map(f -> "secession|" + site.address("/demo/" + f)).collect(Collectors.joining(","));
        Set<String> feedUrls = FEEDS.stream().map(f -> site.address("/demo/" + f).toString()).collect(Collectors.toSet());

        ServiceProcess api = start("api", "512m", settings(cluster, prefix, feeds, "api", "api"));
        ServiceProcess a = start("worker-a", "1200m", settings(cluster, prefix, feeds, "worker", "worker-a"));
        ServiceProcess b = start("worker-b", "1200m", settings(cluster, prefix, feeds, "worker", "worker-b"));

        // The feeds stay empty until the two workers hold two sources each and half of the tagging queue each.
        awaitUntil(Duration.ofSeconds(90), "each worker holds 2 sources and half of the queue", () ->
                held(a).size() == 2 && held(b).size() == 2 && parts(a) == 2 && parts(b) == 2, api, a, b);
        Set<String> heldByA = held(a);
        Set<String> heldByB = held(b);
        Set<String> overlap = new HashSet<>(heldByA);
        overlap.retainAll(heldByB);
        assertEquals(Set.of(), overlap, "no source is read by both workers");
        Set<String> union = new HashSet<>(heldByA);
        union.addAll(heldByB);
        assertEquals(feedUrls, union, "none is left out");
        assertEquals(0, a.status().path("work").path("tagging").path("part").asInt(), "worker-a sorts first");
        assertEquals(1, b.status().path("work").path("tagging").path("part").asInt());
        site.open();
        long opened = System.nanoTime();

        // The cluster shows an article as soon as it refreshes, before the worker's group commit counts it as
        // stored: the workers' counts are awaited too (a run counted 58 of 60 while worker-b's commit was due).
        awaitUntil(Duration.ofMinutes(6), "every demo article stored and tagged", () -> {
            JsonNode s = api.status();
            return s.path("articles").asLong() == DEMO_ARTICLES && s.path("tagging").path("waiting").asLong() == 0
                    && stored(a) + stored(b) >= DEMO_ARTICLES;
        }, api, a, b);
        double seconds = (System.nanoTime() - opened) / 1e9;
        JsonNode atA = a.status();
        JsonNode atB = b.status();
        long storedByA = stored(atA);
        long storedByB = stored(atB);
        long taggedByA = atA.path("tagging").path("tagged").asLong();
        long taggedByB = atB.path("tagging").path("tagged").asLong();
        System.out.printf("two workers: stored %d + %d, tagged %d + %d, all %d tagged %.1f s after the feeds opened%n",
                storedByA, storedByB, taggedByA, taggedByB, DEMO_ARTICLES, seconds);
        assertEquals(DEMO_ARTICLES, storedByA + storedByB, "each article stored by one worker");
        assertTrue(storedByA > 0 && storedByB > 0, "both read their own feeds: " + storedByA + ", " + storedByB);
        assertEquals(DEMO_ARTICLES, taggedByA + taggedByB, "each article tagged by one worker (the demo has no copies)");
        assertTrue(taggedByA > 0 && taggedByB > 0, "both tagged their part: " + taggedByA + ", " + taggedByB);
        assertEquals(DEMO_ARTICLES, api.get("/api/search?q=&size=1").body()
                .path("total").asLong(), "the api process finds every article");
        assertEquals(404, b.get("/api/search?q=secession").code(), "a worker serves only its status");

        // Worker A dies without a word: its leases and heartbeat run out, and B takes its sources and its part.
        a.kill();
        long killed = System.nanoTime();
        awaitUntil(LEASE.plus(TICK.multipliedBy(2)), "worker-b holds all 4 sources and the whole queue", () ->
                held(b).size() == 4 && parts(b) == 1, api, b);
        double takeOver = (System.nanoTime() - killed) / 1e9;
        System.out.printf("worker-b took over worker-a's sources %.1f s after the kill (lease %d s)%n", takeOver,
                LEASE.toSeconds());
        assertEquals(feedUrls, held(b));

        // B reads A's feeds now: every article is known, so nothing is stored twice.
        Set<String> readByB = new HashSet<>();
        awaitUntil(Duration.ofSeconds(30), "worker-b read worker-a's feeds", () -> {
            b.status().path("crawl").path("last").path("report").path("sources").forEach(r -> {
                if (r.path("outcome").asText().equals("READ")) {
                    readByB.add(r.path("url").asText());
                }
            });
            return readByB.containsAll(heldByA);
        }, api, b);
        assertEquals(DEMO_ARTICLES, api.status().path("articles").asLong());
        assertEquals(0, api.status().path("tagging").path("waiting").asLong());
    }

    /** Articles a worker's ingest has stored and committed, as its status says. */
    private static long stored(JsonNode status) {
        return status.path("crawl").path("ingest").path("articlesStored").asLong();
    }

    private static long stored(ServiceProcess worker) throws IOException, InterruptedException {
        return stored(worker.status());
    }

    private Map<String, String> settings(LocalClusterProcess cluster, String prefix, String feeds, String role,
                                         String worker) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("barometer.data-dir", data.resolve(worker).toString());
        s.put("barometer.methods-dir", Path.of("..", "methods").toAbsolutePath().normalize().toString());
        s.put("barometer.index.backend", "opensearch");
        s.put("barometer.opensearch.hosts", cluster.hosts().stream().map(URI::toString).collect(Collectors.joining(",")));
        s.put("barometer.opensearch.index-prefix", prefix);
        s.put("barometer.role", role);
        s.put("barometer.leases.worker", worker);
        s.put("barometer.leases.time", LEASE.toSeconds() + "s");
        s.put("barometer.crawl.feeds", feeds);
        s.put("barometer.crawl.tick", TICK.toSeconds() + "s");
        s.put("barometer.crawl.start-delay", "1s");
        s.put("barometer.crawl.every", "2s");
        s.put("barometer.crawl.host-delay", "0s");
        // One pipeline per worker: two workers on two cores.
        s.put("barometer.sentiment.workers", "1");
        return s;
    }

    private ServiceProcess start(String name, String heap, Map<String, String> settings) throws Exception {
        ServiceProcess p = ServiceProcess.start(name, heap, settings, Path.of("target", "it-logs"));
        running.add(0, p);
        return p;
    }

    private static Set<String> held(ServiceProcess p) throws IOException, InterruptedException {
        Set<String> out = new HashSet<>();
        p.status().path("work").path("sources").forEach(s -> out.add(s.asText()));
        return out;
    }

    private static int parts(ServiceProcess p) throws IOException, InterruptedException {
        return p.status().path("work").path("tagging").path("parts").asInt();
    }

    /** A condition read over HTTP. */
    private interface Check {
        boolean holds() throws IOException, InterruptedException;
    }

    private static void awaitUntil(Duration timeout, String what, Check check, ServiceProcess... logs)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        StringBuilder tails = new StringBuilder();
        for (ServiceProcess p : logs) {
            tails.append('\n').append(p.logTail());
        }
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what
                + (last == null ? "" : " (last error: " + last + ")") + tails);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : running) {
            c.close();
        }
    }
}
