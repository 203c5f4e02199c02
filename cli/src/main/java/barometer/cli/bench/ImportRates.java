package barometer.cli.bench;

import barometer.cli.DemoArchives;
import barometer.cli.ImportCommand;
import barometer.crawler.Article;
import barometer.crawler.archive.ArchiveImport;
import barometer.indexer.Ingest;
import barometer.indexer.sentiment.SentimentTagger;
import barometer.indexer.store.LuceneNewsIndex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.nodes.Entities;
import org.netpreserve.jwarc.WarcWriter;

/**
 * The import's rates at volume, through the classes {@code ./barometer import} runs: archives written for the
 * purpose (synthetic articles as JSON lines and as a gzipped WARC of HTML pages; the shared extraction pages as a
 * WARC of their own HTML and as JSON lines of their ground-truth text), each imported into a fresh data folder,
 * timed from the first record read to the last article committed.
 */
final class ImportRates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportRates() {
    }

    /** One import of one file, timed. */
    record Rate(String what, long records, long stored, long alreadyStored, long skipped, double seconds) {
        double perSecond() {
            return seconds <= 0 ? 0 : records / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "import, %s: %,d records (%,d stored, %,d already stored, %,d skipped) "
                    + "in %.1f s = %.1f records/s", what, records, stored, alreadyStored, skipped, seconds,
                    perSecond());
        }
    }

    /** The first {@code n} articles of a synthetic corpus as JSON lines: url, title, published, source, text. */
    static Path syntheticJsonLines(SyntheticCorpus corpus, int n, Path out) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                Article a = corpus.next(i).article();
                ObjectNode line = JSON.createObjectNode();
                line.put("url", a.url());
                line.put("title", a.title());
                line.put("published", a.published().toString());
                line.put("source", a.source());
                line.put("text", a.text());
                w.write(JSON.writeValueAsString(line));
                w.write('\n');
            }
        }
        return out;
    }

    /**
     * The first {@code n} articles of a synthetic corpus as a gzipped WARC of HTTP responses, each a news page with
     * its metadata in the head and the furniture the extractor has to leave out (navigation, related links, footer).
     */
    static Path syntheticWarc(SyntheticCorpus corpus, int n, Path out) throws IOException {
        try (WarcWriter writer = DemoArchives.gzippedWarc(out)) {
            for (int i = 0; i < n; i++) {
                Article a = corpus.next(i).article();
                writer.write(DemoArchives.response(URI.create(a.url()), page(a).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    /** The shared extraction pages (NAME.html with NAME.json naming its url) as a gzipped WARC of their HTML. */
    static Path sharedWarc(Path extraction, int n, Path out) throws IOException {
        try (WarcWriter writer = DemoArchives.gzippedWarc(out)) {
            for (Path json : shared(extraction, n)) {
                Path html = json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", ".html"));
                if (Files.isRegularFile(html)) {
                    writer.write(DemoArchives.response(URI.create(JSON.readTree(json.toFile()).path("url").asText()),
                            Files.readAllBytes(html)));
                }
            }
        }
        return out;
    }

    /** The shared extraction pages' ground truth (url and article body) as JSON lines. */
    static Path sharedJsonLines(Path extraction, int n, Path out) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Path json : shared(extraction, n)) {
                JsonNode truth = JSON.readTree(json.toFile());
                ObjectNode line = JSON.createObjectNode();
                line.put("url", truth.path("url").asText());
                line.put("text", truth.path("articleBody").asText());
                w.write(JSON.writeValueAsString(line));
                w.write('\n');
            }
        }
        return out;
    }

    /**
     * Imports {@code file} into the index of {@code dataDir} as {@code ./barometer import} does ({@code tagger}
     * null: {@code --no-tag}), and times it until the last article is stored and committed.
     */
    static Rate importFile(String what, Path file, Path dataDir, SentimentTagger tagger, int workers)
            throws IOException {
        long t0 = System.nanoTime();
        ArchiveImport.Report r;
        try (LuceneNewsIndex index = new LuceneNewsIndex(dataDir.resolve("index"));
                Ingest ingest = ImportCommand.ingest(index, tagger, workers)) {
            r = ImportCommand.archive(dataDir, ingest, index, "").run(file, status -> { });
            ingest.awaitIdle();
        }
        if (r.failed() > 0) {
            throw new IllegalStateException(what + ": " + r.failed() + " articles could not be stored");
        }
        return new Rate(what, r.records(), r.stored(), r.alreadyStored(), r.skipped(), (System.nanoTime() - t0) / 1e9);
    }

    /** An empty folder at {@code dir}: an earlier run's archives and indexes there are deleted. */
    static void clear(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    private static List<Path> shared(Path extraction, int n) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(extraction)) {
            files.filter(p -> p.toString().endsWith(".json")).sorted().limit(n).forEach(out::add);
        }
        return out;
    }

    /** A synthetic article as a news page: two sentences a paragraph. */
    private static String page(Article a) {
        StringBuilder p = new StringBuilder();
        String[] sentences = a.text().split("(?<=\\.) ");
        for (int i = 0; i < sentences.length; i += 2) {
            p.append("<p>").append(Entities.escape(sentences[i]));
            if (i + 1 < sentences.length) {
                p.append(' ').append(Entities.escape(sentences[i + 1]));
            }
            p.append("</p>\n");
        }
        String title = Entities.escape(a.title());
        String source = Entities.escape(a.source());
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " | " + source
                + "</title><link rel=\"canonical\" href=\"" + a.url() + "\"><meta property=\"og:site_name\" content=\""
                + source + "\"><meta property=\"article:published_time\" content=\"" + a.published() + "\"></head>"
                + "<body><header><nav><a href=\"/\">Home</a> <a href=\"/politics\">Politics</a> <a href=\"/world\">"
                + "World</a> <a href=\"/opinion\">Opinion</a></nav><h1>" + title + "</h1></header><main><article>\n"
                + p + "</article><aside><h2>Most read</h2><ul><li><a href=\"/a\">Markets close higher</a></li><li>"
                + "<a href=\"/b\">Storm warning for the coast</a></li></ul></aside></main><footer>&copy; " + source
                + ". All rights reserved. <a href=\"/privacy\">Privacy</a></footer></body></html>";
    }
}
