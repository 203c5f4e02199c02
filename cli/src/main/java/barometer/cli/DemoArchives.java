package barometer.cli;

import barometer.crawler.extract.ArticleExtractor;
import barometer.crawler.extract.ExtractedPage;
import barometer.crawler.fetch.FetchedResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Builds small archives from the bundled demo articles, for the import's tests and a first try of
 * {@code ./barometer import}: {@code demo.warc.gz} (one gzipped response record per page, as crawlers write them)
 * and {@code demo.jsonl} (url, title, published, text, source, as research exports do). Addresses are under
 * {@code https://archive.example/}, so that they never collide with the crawled demo.
 */
public final class DemoArchives {
    static final String BASE = "https://archive.example/";

    private DemoArchives() {
    }

    /** The demo's article pages (not its index pages), sorted. */
    static List<Path> pages(Path demo) throws IOException {
        try (Stream<Path> walk = Files.walk(demo)) {
            return walk.filter(p -> p.toString().endsWith(".html"))
                    .filter(p -> !p.getFileName().toString().equals("index.html")).sorted().toList();
        }
    }

    static URI uri(Path demo, Path page) {
        return URI.create(BASE + demo.relativize(page).toString().replace('\\', '/'));
    }

    /** Writes the first {@code limit} pages as a gzipped WARC of HTTP responses. */
    public static Path warc(Path demo, Path out, int limit) throws IOException {
        try (WarcWriter writer = gzippedWarc(out)) {
            for (Path page : pages(demo).stream().limit(limit).toList()) {
                writer.write(response(uri(demo, page), Files.readAllBytes(page)));
            }
        }
        return out;
    }

    /** A new gzipped WARC file at {@code out} (replacing one there), to write records to. */
    public static WarcWriter gzippedWarc(Path out) throws IOException {
        return new WarcWriter(FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), WarcCompression.GZIP);
    }

    /** An HTML page as a crawler records it: an HTTP 200 response, captured on 2020-01-01. */
    public static WarcResponse response(URI uri, byte[] html) {
        byte[] http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + html.length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] payload = new byte[http.length + html.length];
        System.arraycopy(http, 0, payload, 0, http.length);
        System.arraycopy(html, 0, payload, http.length, html.length);
        return new WarcResponse.Builder(uri).date(Instant.parse("2020-01-01T00:00:00Z"))
                .body(MediaType.HTTP_RESPONSE, payload).build();
    }

    /** Writes the first {@code limit} pages as JSON lines of extracted articles. */
    public static Path jsonLines(Path demo, Path out, int limit) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArticleExtractor extractor = new ArticleExtractor();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Path page : pages(demo).stream().limit(limit).toList()) {
                URI uri = uri(demo, page);
                ExtractedPage p = extractor.extract(new FetchedResource(uri, uri, "text/html", Files.readAllBytes(page)));
                ObjectNode line = json.createObjectNode();
                line.put("url", uri.toString());
                line.put("title", p.title());
                line.put("published", p.published() == null ? null : p.published().toString());
                line.put("source", p.siteName());
                line.put("text", p.text());
                w.write(json.writeValueAsString(line));
                w.write('\n');
            }
        }
        return out;
    }

    /** {@code DemoArchives DEMO_DIR OUT_DIR}: writes both archives of every demo page. */
    public static void main(String[] args) throws IOException {
        Path demo = Path.of(args.length > 0 ? args[0] : "api/src/main/resources/META-INF/resources/demo");
        Path out = Path.of(args.length > 1 ? args[1] : "data/demo-archives");
        Files.createDirectories(out);
        System.out.println(warc(demo, out.resolve("demo.warc.gz"), Integer.MAX_VALUE));
        System.out.println(jsonLines(demo, out.resolve("demo.jsonl"), Integer.MAX_VALUE));
    }
}
