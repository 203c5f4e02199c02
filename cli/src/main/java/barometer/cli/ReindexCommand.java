package barometer.cli;

import barometer.indexer.IndexBackend;
import barometer.indexer.NewsIndex;
import barometer.indexer.PollFilter;
import barometer.indexer.opensearch.OpenSearchNewsIndex;
import barometer.indexer.store.LuceneNewsIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ./barometer reindex --to opensearch|lucene [-Dbarometer.data-dir=DIR] [-Dbarometer.opensearch.hosts=...]}:
 * copies every stored article (its sentences, tones, pending state and story) and every poll from one backend to the
 * other, without re-tagging: the embedded index in {@code <data-dir>/index} and the cluster the
 * {@code barometer.opensearch.*} settings name. Articles already in the target are replaced, so a second run adds
 * nothing. The service must not be running on the embedded index (Lucene's write lock).
 */
public final class ReindexCommand {
    private ReindexCommand() {
    }

    public static void main(String[] args) throws IOException {
        IndexBackend to = IndexBackend.OPENSEARCH;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-D") && a.contains("=")) {
                System.setProperty(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.equals("--to") && i + 1 < args.length) {
                String v = args[++i].toUpperCase(Locale.ROOT);
                try {
                    to = IndexBackend.valueOf(v);
                } catch (IllegalArgumentException e) {
                    usage("--to must be opensearch or lucene, was " + args[i]);
                }
            } else {
                usage("unknown option " + a);
            }
        }
        Path indexDir = Path.of(System.getProperty("barometer.data-dir", "data")).resolve("index");
        Files.createDirectories(indexDir);
        long start = System.nanoTime();
        try (NewsIndex lucene = new LuceneNewsIndex(indexDir);
             NewsIndex cluster = new OpenSearchNewsIndex(ClusterOptions.fromSystemProperties())) {
            NewsIndex from = to == IndexBackend.OPENSEARCH ? lucene : cluster;
            NewsIndex target = to == IndexBackend.OPENSEARCH ? cluster : lucene;
            System.err.printf("reindex: %,d articles from %s to %s%n", from.articleCount(), from.health().backend(),
                    target.health().backend());
            long[] copied = {0};
            from.exportStored(article -> {
                target.restore(article);
                if (++copied[0] % 10_000 == 0) {
                    target.commit();
                    System.err.printf("reindex: %,d articles, %.0f/s%n", copied[0], rate(copied[0], start));
                }
            });
            var polls = target.addPolls(from.polls(PollFilter.ALL));
            target.commit();
            System.err.printf("reindex: done: %,d articles (%.0f/s), polls %d added, %d merged, %d already there; "
                    + "the target holds %,d articles%n", copied[0], rate(copied[0], start), polls.added(), polls.merged(),
                    polls.unchanged(), target.articleCount());
        }
    }

    private static double rate(long n, long startNanos) {
        return n / Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    }

    private static void usage(String problem) {
        System.err.println("reindex: " + problem);
        System.err.println("usage: ./barometer reindex --to opensearch|lucene [-Dbarometer.data-dir=DIR] "
                + "[-Dbarometer.opensearch.hosts=http://127.0.0.1:9200,...] [-Dbarometer.opensearch.index-prefix=NAME]");
        System.exit(2);
    }
}
