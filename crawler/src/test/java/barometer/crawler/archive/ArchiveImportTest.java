package barometer.crawler.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import barometer.crawler.Article;
import barometer.crawler.ArticleSink;
import barometer.crawler.extract.ArticleExtractor;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class ArchiveImportTest {
    private static final String PROSE = "The council met on Tuesday and voted to repair the old bridge. "
            + "Work will start in the spring, officials said, and traffic will be rerouted for a year.";

    /** A store: URL to article, in the order taken. */
    private final Map<String, Article> stored = new LinkedHashMap<>();

    private ArchiveImport importer(Path state) {
        return new ArchiveImport(state, ArticleSink.synchronous(a -> stored.put(a.url(), a)), stored::containsKey,
                new ArticleExtractor(), "test");
    }

    @Test
    void jsonLinesAreReadAndBadLinesSkippedWithTheirOffset(@TempDir Path dir) throws IOException {
        String good = "{\"url\": \"https://news.example/a\", \"title\": \"Bridge vote\", \"date_publish\": "
                + "\"2024-03-05 10:00:00\", \"maintext\": \"" + PROSE + "\", \"source_domain\": \"news.example\", "
                + "\"authors\": [\"Ann Lee\", \"Bo Chen\"]}\n";
        String notJson = "{not json\n";
        String noUrl = "{\"title\": \"x\", \"text\": \"y\"}\n";
        String badDate = "{\"url\": \"https://news.example/b\", \"text\": \"z\", \"published\": \"someday\"}\n";
        Path file = Files.writeString(dir.resolve("news.jsonl"), good + "\n" + notJson + noUrl + badDate);

        ArchiveImport.Report r = importer(dir.resolve("state")).run(file, null);

        assertEquals(4, r.records());
        assertEquals(1, r.stored());
        assertEquals(3, r.skipped());
        assertEquals(List.of((long) good.length() + 1, (long) (good.length() + 1 + notJson.length()),
                (long) (good.length() + 1 + notJson.length() + noUrl.length())),
                r.problems().stream().map(ArchiveImport.Problem::position).toList());
        assertTrue(r.problems().get(0).reason().startsWith("not JSON"), r.problems().get(0).reason());
        assertTrue(r.problems().get(1).reason().startsWith("no url"));
        assertEquals("unreadable date 'someday' for https://news.example/b", r.problems().get(2).reason());
        Article a = stored.get("https://news.example/a");
        assertEquals(new Article("https://news.example/a", "Bridge vote", "news.example",
                Instant.parse("2024-03-05T10:00:00Z"), PROSE, "test", List.of("Ann Lee", "Bo Chen"), "", "", null), a);
    }

    @Test
    void csvColumnsAreNamedByTheHeaderAndQuotedTextMaySpanLines(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("corpus.csv"), "URL,Headline,Date,Body,Outlet\n"
                + "https://news.example/c,Bridge,2024-03-05,\"" + PROSE + "\n\nSecond paragraph.\",Ledger\n"
                + "https://news.example/d,Empty,2024-03-06,,Ledger\n");

        ArchiveImport.Report r = importer(dir.resolve("state")).run(file, null);

        assertEquals(2, r.records());
        assertEquals(1, r.stored());
        assertEquals("no text (looked for text, maintext, body, content, article_text, articlebody, or html) for "
                + "https://news.example/d", r.problems().get(0).reason());
        Article c = stored.get("https://news.example/c");
        assertEquals(PROSE + "\n\nSecond paragraph.", c.text());
        assertEquals("Ledger", c.source());
        assertEquals(Instant.parse("2024-03-05T00:00:00Z"), c.published());
    }

    @Test
    void warcResponsesAreExtractedAndOtherRecordsSkipped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("crawl.warc.gz");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             WarcWriter w = new WarcWriter(ch, WarcCompression.GZIP)) {
            w.write(new WarcRequest.Builder(java.net.URI.create("https://news.example/e")).build());
            w.write(response("https://news.example/e", 200, "text/html", "<html><head><title>Bridge</title></head>"
                    + "<body><article><h1>Bridge vote</h1><p>" + PROSE + "</p></article></body></html>"));
            w.write(response("https://news.example/logo.png", 200, "image/png", "PNG"));
            w.write(response("https://news.example/gone", 404, "text/html", "<p>Not found</p>"));
        }

        ArchiveImport.Report r = importer(dir.resolve("state")).run(file, null);

        assertEquals(3, r.records(), "the request record is not a candidate");
        assertEquals(1, r.stored());
        assertEquals(List.of("not an HTML page (image/png) at https://news.example/logo.png",
                "HTTP 404 for https://news.example/gone"), r.problems().stream().map(ArchiveImport.Problem::reason).toList());
        Article e = stored.get("https://news.example/e");
        assertEquals("Bridge vote\n\n" + PROSE, e.text());
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), e.published(), "no date on the page: the capture's");
    }

    @Test
    void importingAFileTwiceAddsNothingAndAResumeStartsWhereTheLastRunStopped(@TempDir Path dir) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            lines.append("{\"url\": \"https://news.example/").append(i).append("\", \"text\": \"").append(PROSE)
                    .append("\"}\n");
        }
        Path file = Files.writeString(dir.resolve("five.jsonl"), lines);
        ArchiveImport first = importer(dir.resolve("state"));
        assertEquals(5, first.run(file, null).stored());

        ArchiveImport.Report again = importer(dir.resolve("state")).run(file, null);
        assertEquals(5, again.resumedAt());
        assertEquals(0, again.records());

        // Progress lost (a kill before it was saved): every record is found already stored, none twice.
        Files.walk(dir.resolve("state")).filter(Files::isRegularFile).forEach(p -> p.toFile().delete());
        ArchiveImport.Report fromScratch = importer(dir.resolve("state")).run(file, null);
        assertEquals(5, fromScratch.alreadyStored());
        assertEquals(0, fromScratch.stored());
        assertEquals(5, stored.size());
    }

    @Test
    void aRecordThatCouldNotBeStoredIsTriedAgainNextTime(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("two.jsonl"), "{\"url\": \"https://news.example/x\", \"text\": \""
                + PROSE + "\"}\n{\"url\": \"https://news.example/y\", \"text\": \"" + PROSE + "\"}\n");
        java.util.Set<String> taken = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean diskFull = new java.util.concurrent.atomic.AtomicBoolean(true);
        ArticleSink flaky = a -> a.url().endsWith("/x") && diskFull.get()
                ? CompletableFuture.failedFuture(new IOException("disk full"))
                : CompletableFuture.runAsync(() -> taken.add(a.url()));
        ArchiveImport.Report r = new ArchiveImport(dir.resolve("state"), flaky, taken::contains, new ArticleExtractor(),
                "").run(file, null);
        assertEquals(1, r.failed());
        assertEquals(1, r.stored(), "the second record is stored all the same");
        assertEquals(0, r.done(), "the failed first record holds the resume point");

        diskFull.set(false);
        ArchiveImport.Report retry = new ArchiveImport(dir.resolve("state"), flaky, taken::contains,
                new ArticleExtractor(), "").run(file, null);
        assertEquals(0, retry.resumedAt());
        assertEquals(1, retry.stored());
        assertEquals(1, retry.alreadyStored());
        assertEquals(2, retry.done());
        assertEquals(java.util.Set.of("https://news.example/x", "https://news.example/y"), taken);
    }

    private static WarcResponse response(String url, int status, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + bytes.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bytes, 0, all, head.length, bytes.length);
        return new WarcResponse.Builder(java.net.URI.create(url)).date(Instant.parse("2024-01-02T03:04:05Z"))
                .body(MediaType.HTTP_RESPONSE, all).build();
    }
}
