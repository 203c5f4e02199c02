package barometer.crawler.archive;

import barometer.crawler.Article;
import barometer.crawler.ArticleSink;
import barometer.crawler.CanonicalUrl;
import barometer.crawler.extract.ArticleExtractor;
import barometer.crawler.extract.ExtractedPage;
import barometer.crawler.fetch.FetchedResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Imports archive files into the index through the sink crawled pages take (extraction, story clustering, poll
 * extraction, tagging, storage), resumably and idempotently.
 *
 * <p>Each file's progress is a small state file under {@code stateDir}: the number of leading records that are
 * done (stored, already stored, or skipped for a reason). It advances only over records whose storage completed,
 * so a kill loses nothing; after a kill the import starts again at that number, and records between it and the
 * kill that were stored meanwhile are found already stored (by URL) and not stored twice. A record whose
 * storage failed stops the number from advancing: the next run tries it again.
 */
public final class ArchiveImport {
    private static final Logger LOG = Logger.getLogger(ArchiveImport.class);
    /** Problems kept for the report (all are counted and logged). */
    private static final int KEPT_PROBLEMS = 100;
    private static final long SAVE_EVERY_NANOS = 500_000_000L;

    private final Path stateDir;
    private final ArticleSink sink;
    private final Predicate<String> known;
    private final ArticleExtractor extractor;
    private final String topic;

    /**
     * @param stateDir where each file's progress is kept
     * @param sink takes each article (the service's or the command's ingest)
     * @param known whether an article with that URL is already stored
     * @param topic the topic tag given to every imported article, or empty
     */
    public ArchiveImport(Path stateDir, ArticleSink sink, Predicate<String> known, ArticleExtractor extractor,
            String topic) {
        this.stateDir = stateDir;
        this.sink = sink;
        this.known = known;
        this.extractor = extractor;
        this.topic = topic == null ? "" : topic.strip();
    }

    /** One record left out: where and why. */
    public record Problem(String file, long position, String reason) {
    }

    /**
     * What importing one file did.
     *
     * @param resumedAt records skipped at the start because an earlier run had done them
     * @param records records read in this run
     * @param stored articles stored
     * @param alreadyStored records whose URL was already in the index
     * @param skipped records left out (not HTML, no text, unreadable): each is in {@code problems} (first 100)
     * @param failed articles whose storage failed (tried again next time)
     * @param done records done in all, counting earlier runs (what a resume starts from)
     */
    public record Report(String file, long resumedAt, long records, long stored, long alreadyStored, long skipped,
            long failed, long done, double seconds, List<Problem> problems) {
        public Report {
            problems = List.copyOf(problems);
        }
    }

    /** Where an import is, for a progress line or the admin API. */
    public record Status(String file, long records, long stored, long alreadyStored, long skipped, long bytesRead,
            long bytesTotal, double seconds) {
        /** Records per second in this run. */
        public double rate() {
            return seconds <= 0 ? 0 : records / seconds;
        }

        /** Seconds left, from the bytes still to read, or -1 when unknown. */
        public double eta() {
            return bytesRead <= 0 || bytesTotal <= 0 ? -1 : seconds * (bytesTotal - bytesRead) / bytesRead;
        }
    }

    /** Hears about progress (at most a few times a second). */
    @FunctionalInterface
    public interface Progress {
        void update(Status status);
    }

    /** The archive files among the paths: files as given, folders searched for readable archives, sorted. */
    public static List<Path> files(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (var walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> ArchiveFormat.of(f).isPresent()).sorted()
                            .forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Imports one file; reading errors of single records are problems, an unreadable file an exception. */
    public Report run(Path file, Progress progress) throws IOException {
        ArchiveFormat format = ArchiveFormat.of(file).orElseThrow(() -> new IllegalArgumentException(
                file + ": not an archive Barometer reads (.warc, .warc.gz, .jsonl, .ndjson, .csv, optionally .gz)"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        Path state = stateFile(file);
        long size = Files.size(file), modified = Files.getLastModifiedTime(file).toMillis();
        long start = resumePoint(state, file, size, modified);
        Run run = new Run(file, state, size, modified, start, progress);
        ArchiveReader.of(format).read(file, start, run);
        run.finish();
        return run.report();
    }

    private Path stateFile(Path file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(file.toAbsolutePath().normalize().toString()
                    .getBytes(StandardCharsets.UTF_8));
            return stateDir.resolve(HexFormat.of().formatHex(digest, 0, 12) + ".properties");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where an earlier run of this file stopped; 0 when none did or the file has changed since. */
    private static long resumePoint(Path state, Path file, long size, long modified) throws IOException {
        if (!Files.isRegularFile(state)) {
            return 0;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        boolean same = String.valueOf(size).equals(p.getProperty("size"))
                && String.valueOf(modified).equals(p.getProperty("modified"));
        if (!same) {
            LOG.infof("%s changed since it was imported: reading it again (stored articles are not stored twice)", file);
            return 0;
        }
        return Long.parseLong(p.getProperty("done", "0"));
    }

    /** One file's run: the visitor the reader calls, and the bookkeeping of what is done. */
    private final class Run implements ArchiveReader.Visitor {
        private final Path file;
        private final Path state;
        private final long size;
        private final long modified;
        private final long resumedAt;
        private final Progress progress;
        private final long t0 = System.nanoTime();
        /** Records handed to the sink, oldest first, not yet known to be done. */
        private final Deque<Pending> pending = new ArrayDeque<>();
        private final List<Problem> problems = new ArrayList<>();
        private long done;
        private boolean blocked;
        private long records, stored, alreadyStored, skipped, failed, bytesRead;
        private long lastSave = System.nanoTime(), lastProgress;

        private record Pending(long ordinal, CompletionStage<?> stage, String url) {
        }

        Run(Path file, Path state, long size, long modified, long resumedAt, Progress progress) {
            this.file = file;
            this.state = state;
            this.size = size;
            this.modified = modified;
            this.resumedAt = resumedAt;
            this.done = resumedAt;
            this.progress = progress;
        }

        @Override
        public void record(long ordinal, ArchiveRecord record) {
            records++;
            Article article;
            try {
                article = article(record);
            } catch (RuntimeException e) {
                problem(ordinal, record.position(), e.getMessage() == null ? e.toString() : e.getMessage());
                return;
            }
            if (known.test(article.url())) {
                alreadyStored++;
                pending.add(new Pending(ordinal, null, article.url()));
            } else {
                CompletionStage<?> stage;
                try {
                    stage = sink.accept(article);
                } catch (RuntimeException e) {
                    stage = java.util.concurrent.CompletableFuture.failedFuture(e);
                }
                pending.add(new Pending(ordinal, stage, article.url()));
            }
            advance(false);
        }

        @Override
        public void problem(long ordinal, long position, String reason) {
            records++;
            skipped++;
            LOG.warnf("%s at %d: skipped: %s", file, position, reason);
            if (problems.size() < KEPT_PROBLEMS) {
                problems.add(new Problem(file.toString(), position, reason));
            }
            pending.add(new Pending(ordinal, null, null));
            advance(false);
        }

        @Override
        public void progress(long bytes) {
            bytesRead = bytes;
        }

        /** Moves the done count over the leading records whose storage completed; saves it now and then. */
        private void advance(boolean wait) {
            while (!pending.isEmpty()) {
                Pending head = pending.peek();
                if (head.stage() != null) {
                    var future = head.stage().toCompletableFuture();
                    if (!future.isDone() && !wait) {
                        break;
                    }
                    try {
                        future.get();
                        stored++;
                    } catch (ExecutionException | CompletionException e) {
                        failed++;
                        blocked = true;
                        LOG.errorf("%s: record %d (%s) could not be stored; the next import tries it again: %s", file,
                                head.ordinal(), head.url(), e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while importing " + file, e);
                    }
                }
                pending.poll();
                if (!blocked) {
                    done = head.ordinal() + 1;
                }
            }
            long now = System.nanoTime();
            if (now - lastSave >= SAVE_EVERY_NANOS) {
                save();
                lastSave = now;
            }
            if (progress != null && now - lastProgress >= 250_000_000L) {
                lastProgress = now;
                progress.update(status());
            }
        }

        void finish() {
            advance(true);
            save();
            if (progress != null) {
                progress.update(status());
            }
        }

        private Status status() {
            return new Status(file.toString(), records, stored, alreadyStored, skipped, bytesRead, size,
                    (System.nanoTime() - t0) / 1e9);
        }

        Report report() {
            return new Report(file.toString(), resumedAt, records, stored, alreadyStored, skipped, failed, done,
                    (System.nanoTime() - t0) / 1e9, problems);
        }

        /** Writes the done count atomically: a kill leaves the old file or the new one, never half of one. */
        private void save() {
            Properties p = new Properties();
            p.setProperty("file", file.toAbsolutePath().normalize().toString());
            p.setProperty("size", String.valueOf(size));
            p.setProperty("modified", String.valueOf(modified));
            p.setProperty("done", String.valueOf(done));
            try {
                Files.createDirectories(stateDir);
                Path tmp = Files.createTempFile(stateDir, "import", ".tmp");
                try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    p.store(out, "Barometer import progress: records of the file that are done");
                }
                Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the import progress in " + stateDir, e);
            }
        }
    }

    /** The article a record holds: a page through the crawler's extractor, or text as given. */
    private Article article(ArchiveRecord r) {
        URI uri;
        try {
            uri = CanonicalUrl.of(URI.create(r.url().strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: '" + r.url() + "'");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not a web address: '" + r.url() + "'");
        }
        if (r.html() != null) {
            ExtractedPage page = extractor.extract(new FetchedResource(uri, uri, "text/html", r.html()));
            if (page.text().isBlank()) {
                throw new IllegalArgumentException("no article text found on " + uri);
            }
            String url = uri.toString();
            if (!page.canonicalUrl().isEmpty()) {
                try {
                    url = CanonicalUrl.of(URI.create(page.canonicalUrl())).toString();
                } catch (IllegalArgumentException ignored) {
                    // an unusable canonical link: the record's address stands
                }
            }
            return new Article(url, r.title().isEmpty() ? page.title() : r.title(),
                    !r.source().isEmpty() ? r.source() : !page.siteName().isEmpty() ? page.siteName() : uri.getHost(),
                    r.published() != null ? r.published() : page.published() != null ? page.published() : r.captured(),
                    page.text(), topic, r.authors().isEmpty() ? page.authors() : r.authors(),
                    r.language().isEmpty() ? page.language() : r.language(), page.leadImage(), page.modified());
        }
        if (r.text().isBlank()) {
            throw new IllegalArgumentException("no text for " + uri);
        }
        return new Article(uri.toString(), r.title(), r.source().isEmpty() ? uri.getHost() : r.source(), r.published(),
                r.text().strip(), topic, r.authors(), r.language(), "", null);
    }
}
