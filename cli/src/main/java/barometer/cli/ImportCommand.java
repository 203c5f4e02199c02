package barometer.cli;

import barometer.crawler.archive.ArchiveImport;
import barometer.crawler.extract.ArticleExtractor;
import barometer.indexer.Ingest;
import barometer.indexer.sentiment.Parser;
import barometer.indexer.sentiment.SentimentTagger;
import barometer.indexer.sentiment.ToneModel;
import barometer.indexer.sentiment.WorkerCount;
import barometer.indexer.store.LuceneNewsIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./barometer import FILE|DIR ... [--topic TAG] [--no-tag] [-Dbarometer.data-dir=DIR]}: reads WARC,
 * JSON-lines and CSV archives into the index of a stopped service, through the same extraction, story clustering,
 * poll extraction and tagging as crawled pages. With {@code --no-tag} the articles are stored untagged (searchable
 * and counted at once) and the service's tagging queue adds their tone when it runs. Shows progress (records, stored, rate, ETA) on standard error, resumes
 * after a kill where it stopped, adds nothing when a file is imported twice, and skips bad records with file,
 * offset and reason. Exit status 0 when every file was read (records may have been skipped), 1 when an article
 * could not be stored, 2 on a usage error.
 */
public final class ImportCommand {
    private ImportCommand() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> paths = new ArrayList<>();
        String topic = "";
        boolean tag = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-D") && a.contains("=")) {
                System.setProperty(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.equals("--no-tag")) {
                tag = false;
            } else if (a.equals("--topic") && i + 1 < args.length) {
                topic = args[++i];
            } else if (a.startsWith("--")) {
                usage("unknown option " + a);
            } else {
                paths.add(Path.of(a));
            }
        }
        if (paths.isEmpty()) {
            usage("no FILE or DIR given");
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                usage("no such file or folder: " + p);
            }
        }
        List<Path> files = ArchiveImport.files(paths);
        if (files.isEmpty()) {
            usage("no archive found (.warc, .warc.gz, .jsonl, .ndjson, .csv, optionally .gz)");
        }
        Path dataDir = Path.of(System.getProperty("barometer.data-dir", "data"));
        Path indexDir = dataDir.resolve("index");
        Files.createDirectories(indexDir);
        LuceneNewsIndex index;
        try {
            index = new LuceneNewsIndex(indexDir);
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("lock") || e.getCause() instanceof
                    org.apache.lucene.store.LockObtainFailedException) {
                System.err.println("import: " + indexDir + " is in use (is the service running on it?). Stop it, or "
                        + "import through the running service: POST /api/admin/import?path=FILE");
                System.exit(2);
            }
            throw e;
        }
        int workers = WorkerCount.of(0, Parser.DEFAULT, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024)).workers();
        boolean anyFailed = false;
        // Without tagging no CoreNLP model is loaded: the queue's workers never start.
        // The service's tone-model choice, so that imported articles get the same tone as crawled ones.
        ToneModel toneModel = barometer.indexer.sentiment.ToneEncoder.parse(
                System.getProperty("barometer.sentiment.tone-encoder", "none")).bundledModel();
        SentimentTagger tagger = tag ? new SentimentTagger(80, 1, workers, Parser.DEFAULT, toneModel,
                barometer.indexer.sentiment.ToneEncoder.encoderFor(toneModel)) : null;
        try (index; Ingest ingest = ingest(index, tagger, workers)) {
            ArchiveImport archive = archive(dataDir, ingest, index, topic);
            for (Path file : files) {
                ArchiveImport.Report r = archive.run(file, status -> line(status, System.err));
                System.err.println();
                System.out.printf(Locale.ROOT, "%s: %d records read%s, %d stored, %d already stored, %d skipped, %d "
                        + "failed, %.1f records/s%n", file, r.records(), r.resumedAt() > 0 ? " (resumed after "
                        + r.resumedAt() + ")" : "", r.stored(), r.alreadyStored(), r.skipped(), r.failed(),
                        r.seconds() <= 0 ? 0 : r.records() / r.seconds());
                r.problems().stream().limit(20).forEach(p -> System.out.printf("  skipped at %d: %s%n", p.position(),
                        p.reason()));
                anyFailed |= r.failed() > 0;
            }
            ingest.awaitIdle();
            if (!tag) {
                System.out.printf("%d articles wait for tagging: the service tags them when it runs%n",
                        index.untaggedCount());
            }
        }
        System.exit(anyFailed ? 1 : 0);
    }

    /**
     * The ingest an import feeds: tagging before storing with {@code tagger}, or (null) storing untagged for the
     * service's tagging queue, whose workers do not start here (no CoreNLP model is loaded).
     */
    public static Ingest ingest(LuceneNewsIndex index, SentimentTagger tagger, int workers) {
        return tagger != null ? new Ingest(tagger, index, workers, COMMITS)
                : new Ingest(null, index, workers, COMMITS, barometer.indexer.Tagging.QUEUED, false);
    }

    /**
     * An import commits in larger groups than the service's 64: its saved progress covers only committed records, so
     * a kill loses nothing either way, and untagged imports run at a thousand records a second, where a commit every
     * 64 articles cost a quarter to a third of the rate (measured with {@code ./barometer bench}).
     */
    static final barometer.indexer.CommitPolicy COMMITS = new barometer.indexer.CommitPolicy(1_024,
            java.time.Duration.ofSeconds(1));

    /** The import into {@code dataDir}'s index, its progress kept under {@code dataDir/import}. */
    public static ArchiveImport archive(Path dataDir, Ingest ingest, LuceneNewsIndex index, String topic) {
        return new ArchiveImport(dataDir.resolve("import"), ingest::submit, index::contains, new ArticleExtractor(),
                topic);
    }

    /** A progress line, rewritten in place on a terminal. */
    private static void line(ArchiveImport.Status s, PrintStream out) {
        double eta = s.eta();
        out.printf(Locale.ROOT, "\r%s: %d records, %d stored, %d already stored, %d skipped, %.1f/s, %s   ",
                Path.of(s.file()).getFileName(), s.records(), s.stored(), s.alreadyStored(), s.skipped(), s.rate(),
                eta < 0 ? "" : String.format(Locale.ROOT, "ETA %dm%02ds", (long) eta / 60, (long) eta % 60));
        out.flush();
    }

    private static void usage(String problem) {
        System.err.println("import: " + problem);
        System.err.println("usage: ./barometer import FILE|DIR ... [--topic TAG] [--no-tag] [-Dbarometer.data-dir=DIR]");
        System.exit(2);
    }
}
