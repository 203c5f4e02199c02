package barometer.api;

import barometer.crawler.archive.ArchiveFormat;
import barometer.crawler.archive.ArchiveImport;
import barometer.crawler.extract.ArticleExtractor;
import barometer.indexer.Ingest;
import barometer.indexer.NewsIndex;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Imports archive files on the server into the running service's index ({@code POST /api/admin/import}), one
 * import at a time, in the background, through the same ingest as crawled pages; progress is kept per file under
 * {@code <data-dir>/import}, shared with {@code ./barometer import}, so either resumes the other.
 */
@ApplicationScoped
public class ImportJob {
    private static final Logger LOG = Logger.getLogger(ImportJob.class);

    private final ArchiveImport archive;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "barometer-import");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<State> state = new AtomicReference<>(new State(false, List.of(), null, List.of(), null));

    /**
     * What the import is doing: whether it runs, the files asked for, the file being read now, the reports of
     * the files done, and the error that stopped it, if one did.
     */
    public record State(boolean running, List<String> files, ArchiveImport.Status current,
            List<ArchiveImport.Report> done, String error) {
    }

    private final barometer.api.alert.AlertCheck alerts;

    ImportJob(BarometerConfig config, Ingest ingest, NewsIndex index, barometer.api.alert.AlertCheck alerts) {
        this.alerts = alerts;
        this.archive = new ArchiveImport(Path.of(config.dataDir(), "import"), ingest::submit, index::contains,
                new ArticleExtractor(), "");
    }

    /** The archives a request names: a file or a folder on the server, checked before anything starts. */
    static List<Path> archives(String path) {
        if (path == null || path.isBlank()) {
            throw new Refusal(Refusal.Kind.BAD_REQUEST, "path is required",
                    "path=/srv/archives/cc-news.warc.gz (a file or folder on the server)");
        }
        Path p = Path.of(path.strip());
        if (!Files.exists(p)) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "no such file or folder on the server: " + p, "give an absolute path");
        }
        List<Path> files;
        try {
            files = ArchiveImport.files(List.of(p));
        } catch (IOException e) {
            throw new Refusal(Refusal.Kind.BAD_REQUEST, "cannot read " + p + ": " + e.getMessage(), "check its permissions");
        }
        List<Path> readable = files.stream().filter(f -> ArchiveFormat.of(f).isPresent()).toList();
        if (readable.isEmpty()) {
            throw new Refusal(Refusal.Kind.BAD_REQUEST, "no archive Barometer reads at " + p,
                    ".warc, .warc.gz, .jsonl, .ndjson or .csv, optionally gzipped");
        }
        return readable;
    }

    /** Starts importing; false when an import is already running. */
    synchronized boolean start(List<Path> files) {
        if (state.get().running()) {
            return false;
        }
        List<String> names = files.stream().map(Path::toString).toList();
        state.set(new State(true, names, null, List.of(), null));
        worker.submit(() -> {
            List<ArchiveImport.Report> done = new ArrayList<>();
            try {
                for (Path f : files) {
                    done.add(archive.run(f, s -> state.set(new State(true, names, s, List.copyOf(done), null))));
                    state.set(new State(true, names, null, List.copyOf(done), null));
                }
                state.set(new State(false, names, null, List.copyOf(done), null));
                alerts.soon();
            } catch (IOException | RuntimeException e) {
                LOG.errorf(e, "Import stopped");
                state.set(new State(false, names, null, List.copyOf(done), String.valueOf(e.getMessage())));
            }
        });
        return true;
    }

    State state() {
        return state.get();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
